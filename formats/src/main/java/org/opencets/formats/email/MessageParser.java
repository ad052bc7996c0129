package org.opencets.formats.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;
import org.opencets.core.identifier.Found;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.identifier.InvalidIdentifierException;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.Redaction;

/**
 * One RFC 5322 message, parsed by mime4j as a stream of MIME events, into one MESSAGE record.
 *
 * <p>What becomes what (see docs/FORMATS.md, {@code mbox} and {@code eml}):
 * <ul>
 *   <li>{@code From}, {@code Sender}, {@code To}, {@code Cc}, {@code Bcc}, {@code Reply-To},
 *       {@code Return-Path}: e-mail identifiers with roles {@code sender}, {@code sender},
 *       {@code recipient}, {@code cc}, {@code bcc}, {@code reply_to}, {@code return_path}; fields of
 *       the same names (lower case, {@code -} as {@code _}) hold each address as
 *       {@code Display Name <address>}, RFC 2047 encoded words decoded;</li>
 *   <li>{@code Date}: the record's time ({@link MailDates}); the header as written in field
 *       {@code date};</li>
 *   <li>{@code Subject} (decoded), {@code Message-ID}, {@code In-Reply-To}, {@code References}: fields;
 *       the subject is also searched for identifiers;</li>
 *   <li>{@code Received}: public IPs of each {@code from} clause, role {@code received_ip}
 *       ({@link ReceivedHeaders}); {@code X-Originating-IP}, {@code X-Sender-IP}: role
 *       {@code originating_ip};</li>
 *   <li>parts with a file name, an {@code attachment} disposition, or a type other than text:
 *       their MD5, SHA-1 and SHA-256, computed while the decoded part streams past, as file-hash
 *       identifiers with role {@code attachment}; name, type and size in field {@code attachments};</li>
 *   <li>{@code text/plain} parts (and {@code text/html}, tags stripped, only when the message has no
 *       plain text): field {@code body}, searched for identifiers (role {@code text}), card numbers
 *       redacted.</li>
 * </ul>
 *
 * <p>mime4j is used leniently (a malformed header line is skipped, a multipart whose closing boundary
 * never comes ends at the end of the message, a truncated base64 part decodes as far as it goes) and
 * everything it notices on the way is collected and reported as a warning naming the message and
 * part. A message is rejected only when there is nothing of a message in it: no header field at all.
 * Embedded messages ({@code message/rfc822}) are hashed as attachments, not parsed.
 */
final class MessageParser {
    /**
     * No line-length limit: the caller bounds the whole message, and HTML bodies of a single long line
     * are common. Header limits are generous (long References chains) but finite.
     */
    /** Deepest multipart nesting read; deeper, the message is rejected with that reason. */
    static final int MAX_NESTING = 100;

    private static final MimeConfig CONFIG = MimeConfig.custom()
            .setMaxLineLen(-1)
            .setMaxHeaderLen(1 << 20)
            .setMaxHeaderCount(20_000)
            .setMaxContentLen(-1)
            .setStrictParsing(false)
            .build();

    private static final Map<String, String[]> ADDRESS_HEADERS = Map.of(
            "from", new String[] {"from", "sender"},
            "sender", new String[] {"sender", "sender"},
            "to", new String[] {"to", "recipient"},
            "cc", new String[] {"cc", "cc"},
            "bcc", new String[] {"bcc", "bcc"},
            "reply-to", new String[] {"reply_to", "reply_to"},
            "return-path", new String[] {"return_path", "return_path"});

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** A message that cannot become a record. */
    static final class BadMessage extends Exception {
        BadMessage(String message) {
            super(message, null, false, false);
        }
    }

    private final IdentifierContext context;
    private final Charset userCharset;
    private final WarningLog warnings;
    private final MessageDigest md5;
    private final MessageDigest sha1;
    private final MessageDigest sha256;
    private final byte[] scratch = new byte[1 << 16];

    /**
     * @param userCharset the charset the user named for the file ({@code --encoding}), used for parts
     *                    that declare none and for 8-bit header bytes that are not UTF-8; or null
     */
    MessageParser(IdentifierContext context, Charset userCharset, WarningLog warnings) {
        this.context = context;
        this.userCharset = userCharset;
        this.warnings = warnings;
        try {
            md5 = MessageDigest.getInstance("MD5");
            sha1 = MessageDigest.getInstance("SHA-1");
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks a standard digest", e);
        }
    }

    /**
     * Parses one message.
     *
     * @param label    how warnings name the message, e.g. "message at line 120"
     * @param envelope the mbox separator line after {@code From }, or null
     */
    ParsedRecord parse(InputStream in, long line, long offset, String label, String envelope)
            throws IOException, BadMessage {
        Message m = new Message(label);
        Monitor monitor = new Monitor(m);
        MimeTokenStream tokens = new MimeTokenStream(CONFIG, monitor,
                new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), monitor));
        tokens.setRecursionMode(RecursionMode.M_NO_RECURSE);
        tokens.parse(in);
        int depth = 0;
        try {
            for (EntityState s = tokens.getState(); s != EntityState.T_END_OF_STREAM; s = tokens.next()) {
                switch (s) {
                    case T_START_BODYPART -> {
                        // each level of nesting is one more stream wrapped around the last inside
                        // mime4j, read recursively: a hostile message thousands deep would overflow
                        // the stack, and no mail client nests anywhere near this deep
                        if (++depth > MAX_NESTING) {
                            throw new BadMessage("multipart parts nested more than " + MAX_NESTING + " deep");
                        }
                    }
                    case T_END_BODYPART -> depth--;
                    case T_FIELD -> {
                        if (depth == 0) {
                            m.headerCount++;
                            header(m, tokens.getField(), monitor);
                        }
                    }
                    case T_BODY -> body(m, tokens.getBodyDescriptor(), tokens, monitor);
                    default -> {
                    }
                }
            }
        } catch (MimeException e) {
            throw new BadMessage("not a readable MIME message: " + Redaction.digits(e.getMessage()));
        } catch (RuntimeException e) {
            // mime4j's own failure on input it did not foresee; the message cannot be read as MIME
            throw new BadMessage("not a readable MIME message (" + e.getClass().getSimpleName() + ")");
        }
        if (m.headerCount == 0) {
            throw new BadMessage("no header fields: not an e-mail message");
        }
        return m.toRecord(line, offset, envelope);
    }

    // ------------------------------------------------------------------ headers

    private void header(Message m, Field f, Monitor monitor) {
        String name = f.getName().strip().toLowerCase(Locale.ROOT);
        String body = headerBody(m, f, name);
        String[] address = ADDRESS_HEADERS.get(name);
        if (address != null) {
            addresses(m, address[0], address[1], body);
            return;
        }
        switch (name) {
            case "date" -> {
                if (m.dateRaw == null) {
                    m.dateRaw = body.strip();
                }
            }
            case "subject" -> {
                if (m.subject == null) {
                    m.subject = decodeWords(body, monitor).strip();
                }
            }
            case "message-id" -> m.fields.putIfAbsent("message_id", body.strip());
            case "in-reply-to" -> m.fields.putIfAbsent("in_reply_to", body.strip());
            case "references" -> m.fields.putIfAbsent("references", body.strip().replaceAll("\\s+", " "));
            case "received" -> {
                for (String ip : ReceivedHeaders.fromClauseAddresses(body)) {
                    try {
                        Identifier id = Identifiers.normalise(IdentifierType.IP, ip, context);
                        if (id.correlatable()) {
                            m.mention(id, "received_ip", ip, "received");
                        }
                    } catch (InvalidIdentifierException e) {
                        // a dotted number in a host name that is no address (999.1.1.1): not an IP
                    }
                }
            }
            case "x-originating-ip", "x-sender-ip" -> {
                String field = name.replace('-', '_');
                String ip = ReceivedHeaders.bareAddress(body);
                if (ip.isEmpty()) {
                    return;
                }
                m.list(field).add(ip);
                try {
                    m.mention(Identifiers.normalise(IdentifierType.IP, ip, context), "originating_ip", ip, field);
                } catch (InvalidIdentifierException e) {
                    warnings.warn("unreadable addresses", m.label + ": " + f.getName() + ": " + e.getMessage());
                }
            }
            default -> {
            }
        }
    }

    private void addresses(Message m, String field, String role, String body) {
        if (body.isBlank()) {
            return;
        }
        boolean masked = needsMask(body);
        AddressList list;
        try {
            list = LenientAddressParser.DEFAULT.parseAddressList(masked ? mask(body) : body);
        } catch (RuntimeException e) {
            warnings.warn("unreadable addresses", m.label + ": " + field + ": cannot read '" + clip(body) + "' as addresses");
            return;
        }
        for (Mailbox box : list.flatten()) {
            String address = masked ? unmask(box.getAddress()) : box.getAddress();
            if (address == null || address.isBlank()) {
                continue;
            }
            String name = masked ? unmask(box.getName()) : box.getName();
            m.list(field).add(name == null || name.isBlank() ? address : name.strip() + " <" + address + ">");
            try {
                m.mention(Identifiers.normalise(IdentifierType.EMAIL, address, context), role, address, field);
            } catch (InvalidIdentifierException e) {
                warnings.warn("unreadable addresses", m.label + ": " + field + ": " + e.getMessage());
            }
        }
    }

    /**
     * Design note. mime4j's address parser loses characters at the end of the domain when the local
     * part, or a display name before it, holds non-ASCII characters (RFC 6532 raw UTF-8 headers such
     * as {@code Zoë <zoë@example.org>}): it counts bytes on one side and characters on the other. So a
     * header with non-ASCII text is parsed with each non-ASCII code point, and each {@code X}, written
     * as an ASCII token {@code Xq} + six hex digits + {@code qX} (letters and digits: valid in
     * phrases, local parts and domain labels alike), and the tokens are turned back into their
     * characters afterwards. Escaping {@code X} too makes the mapping reversible whatever the header
     * holds; only a display name whose RFC 2047 encoded word decodes to such a token would be shown
     * changed, never an address.
     */
    private static final java.util.regex.Pattern MASK_TOKEN = java.util.regex.Pattern.compile("Xq([0-9a-f]{6})qX");

    private static boolean needsMask(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    private static String mask(String s) {
        StringBuilder b = new StringBuilder(s.length() + 32);
        s.codePoints().forEach(cp -> {
            if (cp < 0x80 && cp != 'X') {
                b.append((char) cp);
            } else {
                b.append("Xq").append(String.format("%06x", cp)).append("qX");
            }
        });
        return b.toString();
    }

    private static String unmask(String s) {
        if (s == null) {
            return null;
        }
        return MASK_TOKEN.matcher(s).replaceAll(r -> Character.toString(Integer.parseInt(r.group(1), 16)));
    }

    /**
     * A header's value from its raw bytes, unfolded. RFC 6532 allows UTF-8 in headers; other 8-bit
     * bytes are read in the user's charset or Windows-1252, with a warning (mime4j itself would read
     * them as US-ASCII and lose them).
     */
    private String headerBody(Message m, Field f, String name) {
        ByteSequence raw = f.getRaw();
        if (raw == null) {
            return f.getBody() == null ? "" : f.getBody();
        }
        int n = raw.length();
        int colon = 0;
        while (colon < n && raw.byteAt(colon) != ':') {
            colon++;
        }
        byte[] bytes = new byte[Math.max(0, n - colon - 1)];
        int len = 0;
        boolean eightBit = false;
        for (int i = colon + 1; i < n; i++) {
            byte b = raw.byteAt(i);
            if (b == '\r' || b == '\n') {
                continue;
            }
            eightBit |= b < 0;
            bytes[len++] = b;
        }
        if (!eightBit) {
            return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            Charset cs = userCharset != null ? userCharset : WINDOWS_1252;
            warnings.warn("headers with bytes that are not UTF-8", m.label + ": header " + f.getName()
                    + " has 8-bit bytes that are not UTF-8; read as " + cs.name());
            return new String(bytes, 0, len, cs);
        }
    }

    private static String decodeWords(String text, DecodeMonitor monitor) {
        try {
            return DecoderUtil.decodeEncodedWords(text, monitor);
        } catch (RuntimeException e) {
            return text;
        }
    }

    // ------------------------------------------------------------------ bodies

    private void body(Message m, BodyDescriptor bd, MimeTokenStream tokens, Monitor monitor) throws IOException {
        m.part++;
        String mime = bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
        String disposition = null;
        String fileName = null;
        String declaredCharset = null;
        if (bd instanceof MaximalBodyDescriptor max) {
            disposition = max.getContentDispositionType();
            fileName = max.getContentDispositionFilename();
            if (fileName == null || fileName.isBlank()) {
                fileName = max.getContentTypeParameters().get("name");
            }
            declaredCharset = max.getContentTypeParameters().get("charset");
        }
        if (fileName != null) {
            fileName = decodeWords(fileName, monitor).strip();
            if (fileName.isEmpty()) {
                fileName = null;
            }
        }
        m.partLabel = "part " + m.part + (fileName != null ? " (" + fileName + ")" : " (" + mime + ")");
        boolean attachment = "attachment".equalsIgnoreCase(disposition) || fileName != null || !mime.startsWith("text/");
        InputStream in = tokens.getDecodedInputStream();
        if (attachment) {
            attachment(m, in, mime, fileName);
        } else {
            text(m, in, mime, declaredCharset);
        }
        m.partLabel = null;
    }

    private void attachment(Message m, InputStream in, String mime, String fileName) throws IOException {
        md5.reset();
        sha1.reset();
        sha256.reset();
        long size = 0;
        int n;
        while ((n = read(in, scratch)) > 0) {
            md5.update(scratch, 0, n);
            sha1.update(scratch, 0, n);
            sha256.update(scratch, 0, n);
            size += n;
        }
        HexFormat hex = HexFormat.of();
        Map<String, Object> a = new LinkedHashMap<>();
        if (fileName != null) {
            a.put("name", TextExtractor.redactCards(fileName));
        }
        a.put("content_type", mime);
        a.put("size", size);
        String[][] hashes = {{"md5", hex.formatHex(md5.digest())}, {"sha1", hex.formatHex(sha1.digest())},
                {"sha256", hex.formatHex(sha256.digest())}};
        for (String[] h : hashes) {
            a.put(h[0], h[1]);
            m.mention(Identifiers.normalise(IdentifierType.FILE_HASH, h[0] + ":" + h[1], context), "attachment",
                    h[1], "attachments");
        }
        m.attachments.add(a);
    }

    private void text(Message m, InputStream in, String mime, String declaredCharset) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = read(in, scratch)) > 0) {
            bytes.write(scratch, 0, n);
        }
        byte[] b = bytes.toByteArray();
        BodyText decoded = BodyText.decode(b, b.length, declaredCharset, userCharset);
        if (decoded.problem() != null) {
            warnings.warn("message parts whose text is not in its declared charset", m.label + ", " + m.partLabel
                    + ": declared " + (declaredCharset == null ? "no charset (US-ASCII by RFC 2045)" : "charset " + declaredCharset)
                    + ", but " + decoded.problem());
        }
        if (mime.equals("text/html")) {
            m.html.add(HtmlText.strip(decoded.text()));
        } else {
            m.plain.add(decoded.text());
        }
    }

    /** A read from a mime4j decoding stream, whose unforeseen failures become an I/O error naming the cause. */
    private static int read(InputStream in, byte[] buf) throws IOException {
        try {
            return in.read(buf);
        } catch (RuntimeException e) {
            throw new IOException("cannot decode a MIME part (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() <= 80 ? t : t.substring(0, 80) + "…";
    }

    // ------------------------------------------------------------------ one message's state

    /** Collects what mime4j notices, naming the part being read. */
    private static final class Monitor extends DecodeMonitor {
        private final Message message;

        Monitor(Message message) {
            this.message = message;
        }

        @Override
        public boolean warn(String error, String dummy) {
            if (error.contains("LF without CR") || error.contains("soft line break")) {
                return false; // a message stored with Unix line ends, as mailboxes are: not damage
            }
            String where = message.partLabel != null ? message.partLabel : message.part == 0 ? "header" : "structure";
            if (message.problems.size() < 10) {
                message.problems.add(where + ": " + error);
            }
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }

    private final class Message {
        final String label;
        final Map<String, Object> fields = new LinkedHashMap<>();
        final List<Mention> mentions = new ArrayList<>();
        final Set<String> seen = new java.util.HashSet<>();
        final List<Map<String, Object>> attachments = new ArrayList<>();
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final Set<String> problems = new LinkedHashSet<>();
        int headerCount;
        int part;
        String partLabel;
        String dateRaw;
        String subject;

        Message(String label) {
            this.label = label;
        }

        @SuppressWarnings("unchecked")
        List<String> list(String field) {
            return (List<String>) fields.computeIfAbsent(field, k -> new ArrayList<String>());
        }

        void mention(Identifier id, String role, String raw, String field) {
            if (seen.add(id.key() + "|" + role + "|" + field)) {
                mentions.add(Mention.ofField(id, role, raw, field));
            }
        }

        ParsedRecord toRecord(long line, long offset, String envelope) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("platform", "email");
            if (envelope != null && !envelope.isEmpty()) {
                out.put("envelope", envelope);
            }
            String occurredAt = null;
            if (dateRaw == null) {
                warnings.warn("messages without a Date header", label + ": no Date header; the record has no time");
            } else {
                out.put("date", dateRaw);
                try {
                    occurredAt = MailDates.parse(dateRaw);
                } catch (MailDates.BadDate e) {
                    warnings.warn("messages whose Date cannot be read", label + ": Date '" + clip(dateRaw)
                            + "' cannot be read (" + e.getMessage() + "); kept as written, the record has no time");
                }
            }
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                Object v = e.getValue();
                if (v instanceof List<?> l) {
                    out.put(e.getKey(), l.stream().map(x -> redact(String.valueOf(x))).toList());
                } else if (v instanceof String s && !s.isEmpty()) {
                    out.put(e.getKey(), redact(s));
                }
            }
            if (subject != null && !subject.isEmpty()) {
                text("subject", subject, out);
            }
            List<String> texts = !plain.isEmpty() ? plain : html;
            if (!texts.isEmpty()) {
                String body = String.join("\n\n", texts);
                if (!body.isBlank()) {
                    text("body", body, out);
                }
            }
            if (!attachments.isEmpty()) {
                out.put("attachments", List.copyOf(attachments));
            }
            if (!problems.isEmpty()) {
                warnings.warn("messages with MIME damage", label + ": " + String.join("; ", problems)
                        + " (read as far as it goes: text and attachment hashes are of what could be decoded)");
            }
            return new ParsedRecord(RecordKind.MESSAGE, line, offset, occurredAt, out, mentions);
        }

        private void text(String field, String text, Map<String, Object> out) {
            for (Found f : TextExtractor.extract(text, context)) {
                mentions.add(new Mention(f.identifier(), "text", f.raw(), field, f.start(), f.end()));
            }
            out.put(field, TextExtractor.redactCards(text));
        }

        private String redact(String s) {
            return TextExtractor.redactCards(s);
        }
    }
}
