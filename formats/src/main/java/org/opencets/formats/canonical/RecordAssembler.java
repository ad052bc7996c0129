package org.opencets.formats.canonical;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * Turns a record written in the canonical field names (see docs/FORMATS.md) into a
 * {@link ParsedRecord}: identifiers normalised with their roles, the card number replaced by its
 * keyed hash and masked form, free text searched for identifiers and stripped of card numbers, the
 * time parsed. Shared by the canonical JSON Lines reader and the CSV readers, so a field means the
 * same thing in every format.
 *
 * <p>A value that cannot be normalised (an e-mail without a domain, a card that fails the Luhn check)
 * makes the whole row bad: {@link RowException} says which field and why, never the card number.
 */
public final class RecordAssembler {
    /** Fields read as a single identifier, and the role each gets, by record kind. */
    private static final Map<String, IdentifierType> TYPED_FIELDS = Map.of(
            "email", IdentifierType.EMAIL,
            "phone", IdentifierType.PHONE,
            "ip", IdentifierType.IP,
            "url", IdentifierType.URL,
            "domain", IdentifierType.DOMAIN);

    /** Fields holding free text, searched for identifiers. */
    private static final List<String> TEXT_FIELDS = List.of("text", "notes", "descriptor", "body");

    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final java.util.regex.Pattern OFFSET_SUFFIX = java.util.regex.Pattern.compile("[+-]\\d\\d:?\\d\\d$");

    private final IdentifierContext context;

    public RecordAssembler(IdentifierContext context) {
        this.context = context;
    }

    /** A row that cannot become a record; the message names the field and the reason. */
    public static final class RowException extends Exception {
        public RowException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Assembles one record.
     *
     * @param kind   the record kind
     * @param fields canonical field name to value: a String, a List (of strings or maps) or a Map;
     *               null and blank values are missing
     */
    public ParsedRecord assemble(RecordKind kind, long line, long offset, Map<String, Object> fields)
            throws RowException {
        return assemble(kind, line, offset, fields, Map.of(), List.of());
    }

    /**
     * Assembles one record and adds what a reader worked out itself: fields stored as they are
     * (replacing an assembled field of the same name) and mentions appended after the assembled ones.
     * The same as assembling and then copying the record with those additions, without the copy.
     */
    public ParsedRecord assemble(RecordKind kind, long line, long offset, Map<String, Object> fields,
                                 Map<String, Object> extraFields, List<Mention> extraMentions) throws RowException {
        Map<String, Object> safe = new LinkedHashMap<>();
        List<Mention> mentions = new ArrayList<>();
        String occurredAt = null;
        String platform = string(fields.get("platform"));
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String field = e.getKey();
            Object value = e.getValue();
            if (value == null || (value instanceof String s && s.isBlank())) {
                continue;
            }
            switch (field) {
                case "time", "date" -> {
                    occurredAt = parseTime(field, string(value));
                    safe.put(field, string(value));
                }
                case "card_number" -> {
                    Identifier card = identifier(IdentifierType.CARD, field, string(value));
                    mentions.add(Mention.ofField(card, role(kind, "card"), card.display(), field));
                    safe.put("card", card.display());
                }
                case "from", "sender" -> {
                    for (String handle : strings(value)) {
                        Identifier acc = account(field, platform, handle);
                        mentions.add(Mention.ofField(acc, "sender", handle, field));
                    }
                    safe.put(field, value);
                }
                case "to", "recipients" -> {
                    for (String handle : strings(value)) {
                        Identifier acc = account(field, platform, handle);
                        mentions.add(Mention.ofField(acc, "recipient", handle, field));
                    }
                    safe.put(field, value);
                }
                case "emails", "phones", "ips", "urls" -> {
                    IdentifierType type = TYPED_FIELDS.get(field.substring(0, field.length() - 1));
                    for (Object item : list(value)) {
                        String raw = item instanceof Map<?, ?> m ? string(m.get(field.substring(0, field.length() - 1))) : string(item);
                        if (raw == null || raw.isBlank()) {
                            continue;
                        }
                        Identifier id = identifier(type, field, raw);
                        mentions.add(Mention.ofField(id, role(kind, type.code()), raw, field));
                    }
                    safe.put(field, value);
                }
                case "accounts" -> {
                    for (Object item : list(value)) {
                        if (!(item instanceof Map<?, ?> m)) {
                            throw new RowException("accounts: each entry must be an object with platform and handle");
                        }
                        String p = string(m.get("platform"));
                        String h = string(m.get("handle"));
                        if (h != null && !h.isBlank()) {
                            Identifier acc = account(field, p == null ? platform : p, h);
                            mentions.add(Mention.ofField(acc, role(kind, "account"), h, field));
                        }
                        for (String sub : List.of("email", "phone")) {
                            String v = string(m.get(sub));
                            if (v != null && !v.isBlank()) {
                                Identifier id = identifier(TYPED_FIELDS.get(sub), field + "." + sub, v);
                                mentions.add(Mention.ofField(id, role(kind, sub), v, field));
                            }
                        }
                    }
                    safe.put(field, value);
                }
                case "files" -> {
                    for (Object item : list(value)) {
                        if (!(item instanceof Map<?, ?> m)) {
                            throw new RowException("files: each entry must be an object with name and hashes");
                        }
                        for (String h : List.of("md5", "sha1", "sha256")) {
                            String v = string(m.get(h));
                            if (v != null && !v.isBlank()) {
                                Identifier id = identifier(IdentifierType.FILE_HASH, "files." + h, v);
                                mentions.add(Mention.ofField(id, role(kind, "file"), v, field));
                            }
                        }
                        String pdq = string(m.get("pdq"));
                        if (pdq != null && !pdq.isBlank()) {
                            Identifier id = identifier(IdentifierType.PDQ, "files.pdq", pdq);
                            mentions.add(Mention.ofField(id, role(kind, "file_pdq"), pdq, field));
                        }
                    }
                    safe.put(field, value);
                }
                case "identifiers" -> {
                    for (Object item : list(value)) {
                        if (!(item instanceof Map<?, ?> m)) {
                            throw new RowException("identifiers: each entry must be an object with type and value");
                        }
                        String t = string(m.get("type"));
                        String v = string(m.get("value"));
                        String r = string(m.get("role"));
                        if (t == null || v == null) {
                            throw new RowException("identifiers: each entry needs a type and a value");
                        }
                        IdentifierType type;
                        try {
                            type = IdentifierType.fromCode(t);
                        } catch (IllegalArgumentException ex) {
                            throw new RowException("identifiers: " + ex.getMessage());
                        }
                        Identifier id = identifier(type, "identifiers", v);
                        String raw = type == IdentifierType.CARD ? id.display() : v;
                        mentions.add(Mention.ofField(id, r == null ? role(kind, type.code()) : r, raw, field));
                    }
                    // cards among them must not be stored in clear
                    safe.put(field, mentionsView(mentions, "identifiers"));
                }
                default -> {
                    IdentifierType type = TYPED_FIELDS.get(field);
                    if (type != null) {
                        Identifier id = identifier(type, field, string(value));
                        mentions.add(Mention.ofField(id, role(kind, field), string(value), field));
                        safe.put(field, string(value));
                    } else if (TEXT_FIELDS.contains(field)) {
                        String text = string(value);
                        for (Found f : TextExtractor.extract(text, context)) {
                            mentions.add(new Mention(f.identifier(), "text", f.raw(), field, f.start(), f.end()));
                        }
                        safe.put(field, TextExtractor.redactCards(text));
                    } else {
                        safe.put(field, value instanceof String s ? redact(s) : value);
                    }
                }
            }
        }
        safe.putAll(extraFields);
        mentions.addAll(extraMentions);
        return new ParsedRecord(kind, line, offset, occurredAt, safe, mentions);
    }

    /** Card numbers out of a plain field. */
    private static String redact(String s) {
        return TextExtractor.redactCards(s);
    }

    private static List<Map<String, String>> mentionsView(List<Mention> mentions, String field) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.field().equals(field)) {
                out.add(Map.of("type", m.identifier().type().code(), "value", m.raw(), "role", m.role()));
            }
        }
        return out;
    }

    /** The role of an identifier in a record of this kind, e.g. {@code buyer_email}, {@code arrestee_phone}. */
    static String role(RecordKind kind, String what) {
        return switch (kind) {
            case TRANSACTION -> "buyer_" + what;
            case ARREST -> "arrestee_" + what;
            case TIP -> "reported_" + what;
            case MESSAGE -> "message_" + what;
            default -> what;
        };
    }

    private Identifier identifier(IdentifierType type, String field, String raw) throws RowException {
        try {
            return Identifiers.normalise(type, raw, context);
        } catch (InvalidIdentifierException e) {
            throw new RowException(field + ": " + e.getMessage());
        }
    }

    private Identifier account(String field, String platform, String handle) throws RowException {
        if (platform == null || platform.isBlank()) {
            throw new RowException(field + ": an account needs a platform (field 'platform')");
        }
        try {
            return Identifiers.account(platform, handle);
        } catch (InvalidIdentifierException e) {
            throw new RowException(field + ": " + e.getMessage());
        }
    }

    /**
     * Parses an ISO-8601 instant, offset date-time, local date-time or date; returns it normalised.
     *
     * <p>Design note: the usual instant {@code yyyy-MM-ddTHH:mm:ssZ} is checked by hand. For such a
     * string with a real date (month 1-12, day within the month, leap years by the ISO rule) and a
     * time of at most 23:59:59, {@link Instant#parse} succeeds and {@link Instant#toString} writes
     * the string back unchanged (ISO_INSTANT prints a four-digit year, always the seconds, no
     * fraction when it is zero), so it is returned as it is. Any other string, including a leap
     * second or 24:00, goes through {@link #parseTimeWithLibrary}.
     */
    static String parseTime(String field, String raw) throws RowException {
        if (isPlainUtcInstant(raw)) {
            return raw;
        }
        return parseTimeWithLibrary(field, raw);
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} naming a real instant, with no white space around it. */
    static boolean isPlainUtcInstant(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return false;
        }
        return day <= java.time.Month.of(month).length(java.time.Year.isLeap(year));
    }

    /** The decimal number in s[from, to), or -1 when a character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The reference path of {@link #parseTime}: java.time parses every value. */
    static String parseTimeWithLibrary(String field, String raw) throws RowException {
        String s = raw.trim();
        try {
            if (s.length() <= 10) {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT)
                        .withChronology(java.time.chrono.IsoChronology.INSTANCE)).toString();
            }
            if (s.endsWith("Z") || OFFSET_SUFFIX.matcher(s).find()) {
                if (s.endsWith("Z")) {
                    return Instant.parse(s.replace(' ', 'T')).toString();
                }
                return OffsetDateTime.parse(s.replace(' ', 'T')).toString();
            }
            return LocalDateTime.parse(s, LOCAL_DATE_TIME).toString();
        } catch (DateTimeException e) {
            throw new RowException(field + ": '" + s + "' is not a valid date or time (write ISO-8601, e.g. "
                    + "2024-03-01T14:05:00Z or 2024-03-01)");
        }
    }

    static String string(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : String.valueOf(value);
    }

    private static List<?> list(Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        return List.of(value);
    }

    private static List<String> strings(Object value) throws RowException {
        List<String> out = new ArrayList<>();
        for (Object o : list(value)) {
            if (o instanceof Map<?, ?>) {
                throw new RowException("expected a handle or a list of handles, found an object");
            }
            String s = string(o);
            if (s != null && !s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }
}
