package org.opencets.formats.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.identifier.InvalidIdentifierException;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.irc.ChatText;
import org.opencets.formats.irc.Fields;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.LineInput;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordSink;

/**
 * One export being read. Two passes through {@link ReadSource#open()} when the date order must be
 * settled (the first stops as soon as a date proves the order), one otherwise; a message is held only
 * until the next line head shows it has no more continuation lines.
 */
final class WhatsAppFile {
    static final String PLATFORM = "whatsapp";
    private static final int SENDER_CACHE_LIMIT = 50_000;
    private static final Pattern CHAT_NAME = Pattern.compile("WhatsApp Chat (?:with|-) (.+?)(?: \\(\\d+\\))?\\.txt",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_ATTACHED = Pattern.compile("(.+?\\.\\w{1,5}) \\(file attached\\)");

    private final ReadSource source;
    private final RecordSink sink;
    private final IdentifierContext context;
    private final String chat;
    private final ChatHeader header = new ChatHeader();
    private final Map<String, List<Mention>> senders = new HashMap<>();
    /** Written number to its account and phone (phone null when libphonenumber rejects it), or an empty array for a name. */
    private final Map<String, Identifier[]> numbers = new HashMap<>();
    private final int maxChars;
    private DateOrder order;
    private long invalidNumbers;
    private String firstInvalidNumberLine;

    // the message being collected
    private long line;
    private long offset;
    private String time;
    private String first;
    private boolean systemHint;
    private StringBuilder more;
    private boolean tooLong;
    private boolean skipping;

    WhatsAppFile(ReadSource source, RecordSink sink) {
        this.source = source;
        this.sink = sink;
        String region = source.option("region").map(String::strip).orElse(null);
        this.context = region == null || region.isEmpty() ? source.identifiers()
                : new IdentifierContext(region.toUpperCase(java.util.Locale.ROOT), source.identifiers().cardHasher());
        String name = source.name();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        Matcher m = CHAT_NAME.matcher(name.substring(slash + 1));
        this.chat = source.option("chat").orElse(m.matches() ? m.group(1) : null);
        this.maxChars = source.maxLineBytes();
    }

    /** The line without bidirectional marks and embeddings (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069). */
    static String stripMarks(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !isMark(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n);
        b.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isMark(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isMark(char c) {
        return c >= '\u200E' && (c <= '\u200F' || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069');
    }

    /** How the file's bytes are decoded: a charset for {@link LineInput}, or UTF-16 read by {@link Utf16Lines}. */
    private record Decoding(Charset charset, boolean utf16, boolean bigEndian, int bom) {
    }

    /**
     * The named encoding, else a byte-order mark, else UTF-16 recognised by its zero bytes
     * ({@link TextEncoding}), else UTF-8 (with or without its mark, which {@link LineInput} skips).
     */
    private Decoding decoding() throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(4096);
        }
        boolean le = head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE;
        boolean be = head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF;
        Charset named = source.charset();
        if (named != null) {
            if (named.equals(StandardCharsets.UTF_16LE) || named.equals(StandardCharsets.UTF_16BE)) {
                boolean big = named.equals(StandardCharsets.UTF_16BE);
                return new Decoding(null, true, big, big ? (be ? 2 : 0) : (le ? 2 : 0));
            }
            if (named.equals(StandardCharsets.UTF_16)) {
                return new Decoding(null, true, !le, le || be ? 2 : 0);
            }
            return new Decoding(named, false, false, 0);
        }
        if (le || be) {
            return new Decoding(null, true, be, 2);
        }
        Charset detected = TextEncoding.detect(head);
        if (detected != null) {
            return new Decoding(null, true, detected.equals(StandardCharsets.UTF_16BE), 0);
        }
        return new Decoding(null, false, false, 0);
    }

    private ExportLines lines(Decoding d) throws IOException {
        if (d.utf16()) {
            InputStream in = source.open();
            in.skipNBytes(d.bom());
            return new Utf16Lines(in, d.bigEndian(), d.bom(), source.maxLineBytes());
        }
        return ExportLines.of(new LineInput(source.open(), d.charset(), source.name(), source.maxLineBytes()));
    }

    void read() throws IOException {
        Decoding cs = decoding();
        String orderOption = source.option("date-order").orElse(null);
        if (orderOption != null) {
            try {
                order = DateOrder.parse(orderOption);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source.name(), 0, e.getMessage());
            }
        } else {
            order = settle(cs);
        }
        try (ExportLines lines = lines(cs)) {
            while (lines.next()) {
                long n = lines.lineNumber();
                if (lines.problem() != null) {
                    // The unreadable line and the lines that continue it form the rejected unit: the
                    // message before it ends here, and no text is joined across the damage.
                    flush();
                    sink.reject(n, lines.problem());
                    skipping = true;
                    continue;
                }
                line(lines.line(), n, lines.byteOffset());
            }
        }
        flush();
        if (invalidNumbers > 0) {
            sink.warn(invalidNumbers + " sender or member number(s) that libphonenumber does not accept as valid "
                    + "(first at line " + firstInvalidNumberLine + ") were kept as WhatsApp accounts only, not as phones");
        }
    }

    /** The first pass: reads line heads until one proves the date order, or to the end. */
    private DateOrder settle(Decoding cs) throws IOException {
        DateOrder.Vote vote = new DateOrder.Vote();
        ChatHeader h = new ChatHeader();
        try (ExportLines lines = lines(cs)) {
            while (lines.next() && !vote.proven()) {
                String s = lines.line();
                if (s != null && h.parse(stripMarks(s)) && h.problem == null) {
                    vote.add(h, lines.lineNumber());
                }
            }
        }
        return vote.decide(context.defaultRegion(), sink::warn);
    }

    private void line(String raw, long n, long off) {
        String s = stripMarks(raw);
        if (header.parse(s)) {
            flush();
            if (header.problem != null) {
                sink.reject(n, header.problem);
                skipping = true;
                return;
            }
            int y = order.year(header);
            int m = order.month(header);
            int d = order.day(header);
            if (!validDate(y, m, d)) {
                sink.reject(n, "impossible date " + header.dateText() + " (read as " + order.words + ")");
                skipping = true;
                return;
            }
            skipping = false;
            line = n;
            offset = off;
            time = dateTime(y, m, d, header.seconds);
            first = s.substring(header.rest);
            systemHint = header.layout == ChatHeader.Layout.IOS && raw.indexOf(": \u200E") > 0;
            more = null;
            tooLong = first.length() > maxChars;
            return;
        }
        if (first != null) {
            if (tooLong) {
                return;
            }
            if (more == null) {
                more = new StringBuilder(first.length() + s.length() + 16);
            }
            more.append('\n').append(s);
            if (first.length() + more.length() > maxChars) {
                tooLong = true;
                more = null;
            }
            return;
        }
        if (skipping || s.isBlank()) {
            return;
        }
        sink.reject(n, "not a WhatsApp export line: expected a date and time first, e.g. "
                + "'04/03/2024, 21:05 - Name: text' (Android) or '[04/03/2024, 21:05:33] Name: text' (iOS)");
        skipping = true;
    }

    static boolean validDate(int y, int m, int d) {
        return m >= 1 && m <= 12 && d >= 1 && y >= 1 && y <= 9999 && d <= java.time.YearMonth.of(y, m).lengthOfMonth();
    }

    static String dateTime(int y, int m, int d, int seconds) {
        char[] c = new char[19];
        c[0] = (char) ('0' + y / 1000 % 10);
        c[1] = (char) ('0' + y / 100 % 10);
        c[2] = (char) ('0' + y / 10 % 10);
        c[3] = (char) ('0' + y % 10);
        c[4] = '-';
        c[5] = (char) ('0' + m / 10);
        c[6] = (char) ('0' + m % 10);
        c[7] = '-';
        c[8] = (char) ('0' + d / 10);
        c[9] = (char) ('0' + d % 10);
        c[10] = 'T';
        int h = seconds / 3600;
        int mi = seconds / 60 % 60;
        int s = seconds % 60;
        c[11] = (char) ('0' + h / 10);
        c[12] = (char) ('0' + h % 10);
        c[13] = ':';
        c[14] = (char) ('0' + mi / 10);
        c[15] = (char) ('0' + mi % 10);
        c[16] = ':';
        c[17] = (char) ('0' + s / 10);
        c[18] = (char) ('0' + s % 10);
        return new String(c);
    }

    /** Turns the message collected so far into a record. */
    private void flush() {
        if (first == null) {
            return;
        }
        String rest = first;
        StringBuilder tail = more;
        long n = line;
        first = null;
        more = null;
        if (tooLong) {
            sink.reject(n, "a message longer than " + maxChars / (1024 * 1024) + " Mi characters; the file is corrupt "
                    + "or not a chat export");
            return;
        }
        int colon = rest.indexOf(": ");
        if (colon < 0) {
            system(null, join(rest, tail), n);
            return;
        }
        String name = rest.substring(0, colon).strip();
        String text = join(rest.substring(colon + 2), tail);
        if (systemHint) {
            SystemMessage sm = SystemMessage.parse(text);
            if (sm.recognised()) {
                system(name, text, n, sm);
                return;
            }
        } else if (name.indexOf('"') >= 0 || name.length() > 200 || name.isEmpty()) {
            SystemMessage sm = SystemMessage.parse(join(rest, tail));
            if (sm.recognised() || name.isEmpty()) {
                system(null, join(rest, tail), n, sm);
                return;
            }
        }
        message(name, text, n);
    }

    private static String join(String first, StringBuilder tail) {
        return tail == null ? first : first + tail;
    }

    private void message(String name, String text, long n) {
        List<Mention> sender = sender(name, n);
        List<Mention> mentions;
        String safe = text;
        String attachment = attachment(text);
        // An attachment's line names a file ("IMG-20240304-WA0001.jpg (file attached)"): its digits are a
        // date and a counter, not identifiers; only the caption lines after it are searched.
        int searchFrom = 0;
        if (attachment != null) {
            int nl = text.indexOf('\n');
            searchFrom = nl < 0 ? text.length() : nl + 1;
        }
        if (ChatText.mayHoldIdentifiers(text)) {
            mentions = new ArrayList<>(sender.size() + 2);
            mentions.addAll(sender);
            ChatText.mentions(text, searchFrom, "text", context, mentions);
            safe = ChatText.safe(text);
        } else {
            mentions = sender;
        }
        boolean phone = !sender.isEmpty();
        Fields f = new Fields(6).put("platform", PLATFORM).put("chat", chat)
                .put(phone ? "sender_phone" : "sender_name", name).put("text", safe)
                .put("attachment", attachment);
        sink.accept(new ParsedRecord(RecordKind.MESSAGE, n, offset, time, f.map(), mentions));
    }

    /** A sender's identifiers: phone and account for a number, none for a name. */
    private List<Mention> sender(String name, long n) {
        List<Mention> m = senders.get(name);
        if (m == null) {
            List<Mention> out = new ArrayList<>(2);
            person(name, "sender", n, out);
            m = List.copyOf(out);
            if (senders.size() >= SENDER_CACHE_LIMIT) {
                senders.clear();
            }
            senders.put(name, m);
        }
        return m;
    }

    /** Adds the phone and account of a person written as a number; nothing for a name. */
    private void person(String written, String role, long n, List<Mention> out) {
        Identifier[] ids = numbers.get(written);
        if (ids == null) {
            ids = identify(written);
            if (numbers.size() >= SENDER_CACHE_LIMIT) {
                numbers.clear();
            }
            numbers.put(written, ids);
        }
        if (ids.length == 0) {
            return;
        }
        if (ids[1] == null) {
            invalidNumbers++;
            if (firstInvalidNumberLine == null) {
                firstInvalidNumberLine = Long.toString(n);
            }
        }
        out.add(Mention.ofField(ids[0], role, written, role));
        if (ids[1] != null) {
            out.add(Mention.ofField(ids[1], role, written, role));
        }
    }

    /**
     * The account and phone of a written number: {account, phone}; {account, null} for a number with a
     * country code that libphonenumber does not accept as valid (its metadata may lag behind new
     * ranges; the account is still the number WhatsApp shows); {} for a name.
     */
    private Identifier[] identify(String written) {
        if (!looksLikePhone(written)) {
            return new Identifier[0];
        }
        try {
            Identifier phone = Identifiers.normalise(IdentifierType.PHONE, written, context);
            return new Identifier[] {Identifiers.account(PLATFORM, phone.value()), phone};
        } catch (InvalidIdentifierException e) {
            if (written.charAt(0) != '+') {
                return new Identifier[0];
            }
            return new Identifier[] {Identifiers.account(PLATFORM, "+" + written.replaceAll("\\D", "")), null};
        }
    }

    /** A number as WhatsApp writes an unsaved contact: "+44 7700 900123", digits and separators only. */
    static boolean looksLikePhone(String s) {
        if (s.isEmpty() || !(s.charAt(0) == '+' || s.charAt(0) == '(' || s.charAt(0) >= '0' && s.charAt(0) <= '9')) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '\u00A0' || c == '\u202F' || c == '+' && i == 0)) {
                return false;
            }
        }
        return digits >= 6 && digits <= 17;
    }

    private void system(String chatName, String text, long n) {
        system(chatName, text, n, SystemMessage.parse(text));
    }

    private void system(String chatName, String text, long n, SystemMessage sm) {
        List<Mention> mentions = new ArrayList<>(4);
        boolean numberChange = sm.type().equals("number_changed");
        if (sm.actor() != null) {
            person(sm.actor(), numberChange && !sm.participants().isEmpty() ? "old_number" : "actor", n, mentions);
        }
        for (String p : sm.participants()) {
            person(p, numberChange ? "new_number" : "participant", n, mentions);
        }
        if (!sm.recognised()) {
            ChatText.mentions(text, "text", context, mentions);
        } else if (sm.subject() != null) {
            ChatText.mentions(sm.subject(), "subject", context, mentions);
        }
        Fields f = new Fields(9).put("platform", PLATFORM).put("chat", chat).put("chat_name", chatName)
                .put("event", sm.type()).put("actor", sm.actor())
                .put("participants", sm.participants().isEmpty() ? null : sm.participants())
                .put("subject", sm.subject() == null ? null : ChatText.safe(sm.subject())).put("text", ChatText.safe(text));
        sink.accept(new ParsedRecord(RecordKind.EVENT, n, offset, time, f.map(), mentions));
    }

    /** The attachment the message names, or null. */
    static String attachment(String text) {
        if (text.length() > 300 && text.indexOf('\n') < 0) {
            return null;
        }
        int nl = text.indexOf('\n');
        String head = nl < 0 ? text : text.substring(0, nl);
        int at = head.indexOf("<attached: ");
        if (at >= 0) {
            int close = head.indexOf('>', at);
            if (close > at + 11) {
                return head.substring(at + 11, close).strip();
            }
        }
        if (head.equals("<Media omitted>") || head.equals("<media omitted>")) {
            return head;
        }
        if (head.endsWith(" omitted") && head.length() <= 40) {
            return head;
        }
        if (head.endsWith("(file attached)")) {
            Matcher m = FILE_ATTACHED.matcher(head);
            if (m.matches()) {
                return m.group(1).strip();
            }
        }
        return null;
    }
}
