package org.opencets.formats.irc;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
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
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.LineInput;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordSink;

/** One IRC log being read: its layout, calendar, channel and the accounts seen so far. */
final class IrcFile {
    static final String PLATFORM = "irc";
    private static final int NICK_CACHE_LIMIT = 50_000;
    private static final Pattern NAME_DATE = Pattern.compile("(?<!\\d)(\\d{4})[-_.]?(\\d{2})[-_.]?(\\d{2})(?!\\d)");
    private static final Pattern PATH_DATE = Pattern.compile("(?<!\\d)(\\d{4})[/\\\\](\\d{2})[/\\\\](\\d{2})(?![\\d])");
    private static final Pattern NAME_CHANNEL = Pattern.compile("(#[^\\s,./\\\\]+?)(?:[._-]?\\d{4}-?\\d{2}-?\\d{2})?(?:\\.[A-Za-z]+)*$");

    private final ReadSource source;
    private final RecordSink sink;
    private final IdentifierContext context;
    private final IrcLine line = new IrcLine();
    private final LogHeader header = new LogHeader();
    private final LogCalendar calendar = new LogCalendar();
    private final Map<String, Mention> senders = new HashMap<>();
    private final Map<String, Identifier> accounts = new HashMap<>();
    private final String network;
    private final String channelOption;
    private String channel;
    private Stamp stamp;
    private long stampLine;

    IrcFile(ReadSource source, RecordSink sink) {
        this.source = source;
        this.sink = sink;
        this.context = source.identifiers();
        this.network = blankToNull(source.option("network").orElse(null));
        this.channelOption = blankToNull(source.option("channel").orElse(null));
        this.channel = channelOption != null ? channelOption : channelFromName(fileName(source.name()));
        dateFromName(source.name());
        source.option("date").ifPresent(this::dateOption);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    static String channelFromName(String name) {
        int hash = name.indexOf('#');
        if (hash < 0) {
            return null;
        }
        Matcher m = NAME_CHANNEL.matcher(name.substring(hash));
        return m.matches() && m.group(1).length() > 1 ? m.group(1) : null;
    }

    private void dateFromName(String path) {
        Matcher m = NAME_DATE.matcher(fileName(path));
        while (m.find()) {
            if (setIfValid(m)) {
                return;
            }
        }
        m = PATH_DATE.matcher(path);
        while (m.find()) {
            if (setIfValid(m)) {
                return;
            }
        }
    }

    private boolean setIfValid(Matcher m) {
        int y = Integer.parseInt(m.group(1));
        int mo = Integer.parseInt(m.group(2));
        int d = Integer.parseInt(m.group(3));
        if (y >= 1988 && y <= 2199 && LogCalendar.valid(y, mo, d)) {
            calendar.set(y, mo, d, -1);
            return true;
        }
        return false;
    }

    private void dateOption(String value) {
        try {
            LocalDate d = LocalDate.parse(value.strip());
            calendar.set(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), -1);
        } catch (DateTimeException e) {
            throw new BadInputException(source.name(), 0, "--date '" + value + "' is not a date; write YYYY-MM-DD");
        }
    }

    void read() throws IOException {
        try (LineInput lines = source.lines()) {
            while (lines.next()) {
                long n = lines.lineNumber();
                if (lines.problem() != null) {
                    sink.reject(n, lines.problem());
                    continue;
                }
                String s = lines.line();
                if (s.isBlank()) {
                    continue;
                }
                line(s, n, lines.byteOffset());
            }
        }
        if (calendar.rollOvers() > 0) {
            sink.warn(calendar.rollOvers() + " change(s) of day inferred where the time went back past midnight "
                    + "without a day-change line");
        }
    }

    private void line(String s, long n, long offset) {
        if (header.parse(s)) {
            if (header.problem != null) {
                sink.reject(n, header.problem);
            } else if (header.channel != null) {
                if (channelOption == null) {
                    channel = header.channel;
                }
            } else {
                calendar.set(header.year, header.month, header.day, header.seconds);
            }
            return;
        }
        if (!line.parseStamp(s)) {
            sink.reject(n, "not an IRC log line: expected " + (stamp == null
                    ? "a time stamp such as HH:MM, [HH:MM], Mon DD HH:MM:SS or YYYY-MM-DD HH:MM:SS<TAB>"
                    : "the layout of this file, " + stamp.layout));
            return;
        }
        if (line.problem != null) {
            sink.reject(n, line.problem);
            return;
        }
        if (stamp == null) {
            stamp = line.stamp;
            stampLine = n;
        } else if (line.stamp != stamp) {
            sink.reject(n, "the line does not follow the layout of this file (" + stamp.layout + ", from line "
                    + stampLine + ")");
            return;
        }
        String time = time(n);
        if (time == null) {
            return;
        }
        if (stamp == Stamp.ISO_TAB) {
            weechat(s, n, offset, time);
        } else {
            body(s, line.body, n, offset, time);
        }
    }

    /** The line's date and time as ISO-8601 local date-time, or null after rejecting the line. */
    private String time(long n) {
        String prefix;
        if (line.year != 0) {
            prefix = calendar.dateFor(line.year, line.month, line.day);
        } else {
            if (!calendar.known()) {
                throw new BadInputException(source.name(), n, "the lines carry " + (line.month != 0 ? "no year" : "only a time")
                        + " and the date is not known here: no day-change or log-opened line before this line and "
                        + "no date in the file name; give the date of the first line with --date YYYY-MM-DD");
            }
            if (line.month != 0) {
                prefix = calendar.dateFor(line.month, line.day);
                if (prefix == null) {
                    sink.reject(n, "impossible date: day " + line.day + " of month " + line.month + " in " + calendar.year());
                    return null;
                }
            } else {
                prefix = calendar.dateFor(line.seconds);
            }
        }
        return LogCalendar.at(prefix, line.seconds);
    }

    static boolean looksLikeMessage(String s, IrcLine parsed) {
        int b = parsed.body;
        if (parsed.stamp == Stamp.ISO_TAB) {
            return s.indexOf('\t', b) > b;
        }
        while (b < s.length() && s.charAt(b) == ' ') {
            b++;
        }
        if (b >= s.length()) {
            return false;
        }
        char c = s.charAt(b);
        return c == '<' && s.indexOf('>', b) > b + 1 || s.startsWith("-!-", b) || s.startsWith("* ", b)
                || s.startsWith("*\t", b) || s.startsWith("===", b) || s.startsWith("***", b)
                || s.startsWith("-->", b) || s.startsWith("<--", b);
    }

    private void body(String s, int from, long n, long offset, String time) {
        int b = from;
        int len = s.length();
        while (b < len && s.charAt(b) == ' ') {
            b++;
        }
        if (b >= len) {
            other("", n, offset, time);
            return;
        }
        char c = s.charAt(b);
        if (c == '<' && !s.startsWith("<--", b)) {
            int close = s.indexOf('>', b + 1);
            if (close < 0) {
                sink.reject(n, "a message line whose nick is not closed by '>'");
                return;
            }
            String nick = nick(s, b + 1, close);
            if (nick == null) {
                sink.reject(n, "a message line without a nick");
                return;
            }
            int t = close + 1;
            if (t < len && (s.charAt(t) == ' ' || s.charAt(t) == '\t')) {
                t++;
            }
            message("message", nick, s.substring(t), n, offset, time);
            return;
        }
        if (c == '*' && b + 1 < len && (s.charAt(b + 1) == ' ' || s.charAt(b + 1) == '\t')) {
            String rest = s.substring(b + 2).strip();
            IrcEvent e = IrcEvent.parse(rest);
            if (e != null) {
                event(e, n, offset, time);
            } else if (isClientNotice(rest)) {
                other(rest, n, offset, time);
            } else {
                action(rest, n, offset, time);
            }
            return;
        }
        int marker = marker(s, b);
        if (marker > 0) {
            sentence(s.substring(marker).strip(), n, offset, time);
            return;
        }
        if (c == '-' && len > b + 2) {
            int end = s.indexOf("- ", b + 1);
            if (end < 0 && s.endsWith("-")) {
                end = len - 1;
            }
            if (end > b + 1) {
                int paren = s.indexOf('(', b + 1);
                String nick = nick(s, b + 1, paren > b && paren < end ? paren : end);
                if (nick != null) {
                    message("notice", nick, end + 2 <= len ? s.substring(Math.min(end + 2, len)) : "", n, offset, time);
                    return;
                }
            }
        }
        if (s.startsWith("Action: ", b)) {
            action(s.substring(b + 8).strip(), n, offset, time);
            return;
        }
        sentence(s.substring(b), n, offset, time);
    }

    /**
     * mIRC writes its own notices with the "* " of an action: "* Now talking in #chan", "* Topic is
     * '…'", "* Set by op on …", "* op sets mode: +o nick", "* op changes topic to '…'".
     */
    private static boolean isClientNotice(String rest) {
        return rest.startsWith("Now talking in ") || rest.startsWith("Topic is ") || rest.startsWith("Set by ")
                || rest.startsWith("Retrieving ") || rest.startsWith("Attempting to rejoin") || rest.startsWith("Rejoined ")
                || rest.startsWith("Disconnected") || rest.startsWith("Connecting to ") || rest.contains(" sets mode: ")
                || rest.contains(" changes topic to ");
    }

    /** The index after a system marker and its separator at b, or 0 if there is none. */
    private static int marker(String s, int b) {
        for (String m : new String[] {"-!-", "===", "***", "-->", "<--", "---", "--"}) {
            if (s.startsWith(m, b)) {
                int after = b + m.length();
                if (after == s.length()) {
                    return after;
                }
                char c = s.charAt(after);
                return c == ' ' || c == '\t' ? after + 1 : 0;
            }
        }
        return 0;
    }

    private void weechat(String s, long n, long offset, String time) {
        int b = line.body;
        int tab = s.indexOf('\t', b);
        if (tab < 0) {
            other(s.substring(b), n, offset, time);
            return;
        }
        String prefix = s.substring(b, tab);
        String text = s.substring(tab + 1);
        switch (prefix) {
            case "-->", "<--", "--", "=!=", "" -> sentence(text.strip(), n, offset, time);
            case " *", "*" -> action(text.strip(), n, offset, time);
            default -> {
                String nick = nick(prefix, 0, prefix.length());
                if (nick == null) {
                    sentence(text.strip(), n, offset, time);
                } else {
                    message("message", nick, text, n, offset, time);
                }
            }
        }
    }

    /** The nick between from and to, mode prefixes and spaces removed; null if nothing is left. */
    private static String nick(String s, int from, int to) {
        while (from < to && "@+%&~ ".indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        if (from >= to) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return null;
            }
        }
        return s.substring(from, to);
    }

    private void action(String rest, long n, long offset, String time) {
        int sp = rest.indexOf(' ');
        String nick = sp < 0 ? rest : rest.substring(0, sp);
        if (nick.isEmpty()) {
            other(rest, n, offset, time);
            return;
        }
        message("action", nick, sp < 0 ? "" : rest.substring(sp + 1), n, offset, time);
    }

    private void sentence(String text, long n, long offset, String time) {
        IrcEvent e = IrcEvent.parse(text);
        if (e != null) {
            event(e, n, offset, time);
        } else {
            other(text, n, offset, time);
        }
    }

    private void message(String type, String nick, String text, long n, long offset, String time) {
        Mention sender = senders.get(nick);
        if (sender == null) {
            Identifier account;
            try {
                account = account(nick);
            } catch (InvalidIdentifierException e) {
                sink.reject(n, "nick: " + e.getMessage());
                return;
            }
            sender = Mention.ofField(account, "sender", nick, "from");
            if (senders.size() >= NICK_CACHE_LIMIT) {
                senders.clear();
            }
            senders.put(nick, sender);
        }
        List<Mention> mentions;
        String safe = text;
        if (ChatText.mayHoldIdentifiers(text)) {
            mentions = new ArrayList<>(4);
            mentions.add(sender);
            ChatText.mentions(text, "text", context, mentions);
            safe = ChatText.safe(text);
        } else {
            mentions = List.of(sender);
        }
        Fields f = new Fields(7).put("platform", PLATFORM).put("network", network).put("channel", channel)
                .put("type", type).put("from", nick).put("text", safe);
        sink.accept(new ParsedRecord(RecordKind.MESSAGE, n, offset, time, f.map(), mentions));
    }

    private void event(IrcEvent e, long n, long offset, String time) {
        List<Mention> mentions = new ArrayList<>(4);
        Fields f = new Fields(10).put("platform", PLATFORM).put("network", network)
                .put("channel", e.channel() != null ? e.channel() : channel).put("event", e.type());
        try {
            switch (e.type()) {
                case "nick" -> {
                    mentions.add(Mention.ofField(account(e.nick()), "old_nick", e.nick(), "old_nick"));
                    mentions.add(Mention.ofField(account(e.other()), "new_nick", e.other(), "new_nick"));
                    f.put("old_nick", e.nick()).put("new_nick", e.other());
                }
                case "kick" -> {
                    mentions.add(Mention.ofField(account(e.nick()), "kicked", e.nick(), "nick"));
                    mentions.add(Mention.ofField(account(e.other()), "kicked_by", e.other(), "by"));
                    f.put("nick", e.nick()).put("by", e.other());
                }
                default -> {
                    mentions.add(Mention.ofField(account(e.nick()), "participant", e.nick(), "nick"));
                    f.put("nick", e.nick());
                }
            }
        } catch (InvalidIdentifierException ex) {
            sink.reject(n, e.type() + ": " + ex.getMessage());
            return;
        }
        if (e.userhost() != null) {
            f.put("userhost", ChatText.safe(e.userhost()));
            hostAddress(e.userhost(), mentions);
        }
        if (e.reason() != null) {
            ChatText.mentions(e.reason(), "reason", context, mentions);
            f.put("reason", ChatText.safe(e.reason()));
        }
        sink.accept(new ParsedRecord(RecordKind.EVENT, n, offset, time, f.map(), mentions));
    }

    /** The account {@code irc:nick}, remembered: a log names the same few hundred nicks millions of times. */
    private Identifier account(String nick) {
        Identifier id = accounts.get(nick);
        if (id == null) {
            id = Identifiers.account(PLATFORM, nick);
            if (accounts.size() >= NICK_CACHE_LIMIT) {
                accounts.clear();
            }
            accounts.put(nick, id);
        }
        return id;
    }

    /** The host of user@host, when it is an IP address literal, as an IP identifier (role {@code host_ip}). */
    private static void hostAddress(String userhost, List<Mention> mentions) {
        String host = userhost.substring(userhost.indexOf('@') + 1);
        if (host.isEmpty() || host.length() > 45) {
            return;
        }
        boolean v4 = true;
        boolean v6 = host.indexOf(':') >= 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            v4 &= c >= '0' && c <= '9' || c == '.';
            v6 &= c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
        }
        if (!v4 && !v6) {
            return;
        }
        try {
            mentions.add(Mention.ofField(Identifiers.normalise(IdentifierType.IP, host, null), "host_ip", host, "userhost"));
        } catch (InvalidIdentifierException ignored) {
            // a cloak or a host name, not an address: kept in the userhost field only
        }
    }

    private void other(String text, long n, long offset, String time) {
        List<Mention> mentions = new ArrayList<>(2);
        ChatText.mentions(text, "text", context, mentions);
        Fields f = new Fields(6).put("platform", PLATFORM).put("network", network).put("channel", channel)
                .put("event", "other").put("text", ChatText.safe(text));
        sink.accept(new ParsedRecord(RecordKind.EVENT, n, offset, time, f.map(), mentions));
    }
}
