package org.opencets.formats.tip;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.identifier.InvalidIdentifierException;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.canonical.RecordAssembler;

/**
 * One tip report, read from its JSON members into a TIP record.
 *
 * <p>The report, version 1 (every member optional, but a report names at least its reporter, a
 * person or a file):
 * <pre>
 * report          = { "tip_format": "opencets-tip/1",          optional version mark
 *                     "report_id": STRING,                     the reporter's own id of the report
 *                     "reporting_esp": { "name": STRING, "platform": PLATFORM } | STRING,
 *                     "incident": { "type": STRING, "time": TIME },
 *                     "reported_persons": [ person ... ],
 *                     "uploaded_files": [ file ... ],
 *                     "additional_info": STRING }              free text
 * person          = { "display_name", "first_name", "last_name": STRING,
 *                     "date_of_birth": DATE, "platform": PLATFORM,     overrides the ESP's
 *                     "emails", "screen_names", "user_ids", "phones": [ STRING ... ] | STRING,
 *                     "ip_events": [ ip_event ... ] }
 * ip_event        = { "ip": STRING, "time": TIME, "port": 0..65535, "event": STRING }   event: login, upload, …
 * file            = { "name": STRING, "md5", "sha1", "sha256": HEX, "uploaded_at": TIME,
 *                     "viewed_by_esp": BOOLEAN, "publicly_available": BOOLEAN, "original_url": URL,
 *                     "ip_event": ip_event | "ip_events": [ ip_event ... ] }
 * TIME            = ISO-8601 instant, offset or local date-time, or date
 * </pre>
 *
 * <p>What becomes an identifier, and with which role: e-mails {@code reported_email}; screen names
 * and user ids, as accounts on the person's platform (else the ESP's, else the {@code platform}
 * option, else the ESP's name made into a platform name), {@code reported_account}; phones
 * {@code reported_phone}; IP addresses of persons and files {@code reported_ip} (their time, port and
 * event stay in the record's fields); file hashes {@code reported_file}; original URLs
 * {@code reported_url}; and whatever identifiers the additional information holds, {@code text}.
 * Display names, names and birth dates stay plain fields. Card numbers in free text are masked.
 */
final class TipReport {
    static final String FORMAT_MEMBER = "tip_format";
    static final String FORMAT_NAME = "opencets-tip/";
    private static final String VERSION = "opencets-tip/1";

    private static final Set<String> REPORT_MEMBERS = Set.of(FORMAT_MEMBER, "report_id", "reporting_esp", "incident",
            "reported_persons", "uploaded_files", "additional_info");
    private static final Set<String> PERSON_MEMBERS = Set.of("display_name", "first_name", "last_name", "date_of_birth",
            "platform", "emails", "screen_names", "user_ids", "phones", "ip_events");
    private static final Set<String> FILE_MEMBERS = Set.of("name", "md5", "sha1", "sha256", "uploaded_at", "viewed_by_esp",
            "publicly_available", "original_url", "ip_event", "ip_events");
    private static final Set<String> EVENT_MEMBERS = Set.of("ip", "time", "port", "event");

    /** A report that cannot become a record; the message names the member by its path. */
    static final class BadReport extends Exception {
        BadReport(String message) {
            super(message, null, false, false);
        }
    }

    private final IdentifierContext context;
    private final RecordAssembler assembler;
    private final String optionPlatform;

    TipReport(IdentifierContext context, String optionPlatform) {
        this.context = context;
        this.assembler = new RecordAssembler(context);
        this.optionPlatform = optionPlatform;
    }

    static void checkFormat(Object value) throws BadReport {
        if (value == null) {
            return;
        }
        if (!(value instanceof String s) || !s.startsWith(FORMAT_NAME)) {
            throw new BadReport(FORMAT_MEMBER + " must be \"" + VERSION + "\"");
        }
        if (!s.equals(VERSION)) {
            throw new BadReport(FORMAT_MEMBER + " is \"" + s + "\"; this version of OpenCETS reads " + VERSION);
        }
    }

    /** The record of one report. Members that are not part of the format are added to unread. */
    ParsedRecord record(Map<String, Object> m, long line, long offset, Set<String> unread) throws BadReport {
        checkFormat(m.get(FORMAT_MEMBER));
        for (String k : m.keySet()) {
            if (!REPORT_MEMBERS.contains(k)) {
                unread.add(k);
            }
        }
        boolean any = false;
        for (String k : List.of("report_id", "reporting_esp", "reported_persons", "uploaded_files", "additional_info")) {
            any |= m.get(k) != null;
        }
        if (!any) {
            throw new BadReport("not a tip: the object has none of report_id, reporting_esp, reported_persons, "
                    + "uploaded_files, additional_info");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        List<Mention> mentions = new ArrayList<>();

        String reportId = scalar(m.get("report_id"), "report_id");
        put(fields, "report_id", reportId);
        String espName = null;
        String espPlatform = null;
        Object esp = m.get("reporting_esp");
        if (esp instanceof Map<?, ?> e) {
            espName = scalar(e.get("name"), "reporting_esp.name");
            espPlatform = scalar(e.get("platform"), "reporting_esp.platform");
            for (Object k : e.keySet()) {
                if (!k.equals("name") && !k.equals("platform")) {
                    unread.add("reporting_esp." + k);
                }
            }
        } else if (esp != null) {
            espName = scalar(esp, "reporting_esp");
        }
        put(fields, "esp", redact(espName));
        String platform = espPlatform != null ? espPlatform : optionPlatform != null ? optionPlatform : platformOf(espName);
        put(fields, "platform", platform);

        String time = null;
        Object incident = m.get("incident");
        if (incident instanceof Map<?, ?> i) {
            put(fields, "incident_type", redact(scalar(i.get("type"), "incident.type")));
            time = scalar(i.get("time"), "incident.time");
            for (Object k : i.keySet()) {
                if (!k.equals("type") && !k.equals("time")) {
                    unread.add("incident." + k);
                }
            }
        } else if (incident != null) {
            throw new BadReport("incident must be an object with type and time");
        }
        String info = scalar(m.get("additional_info"), "additional_info");

        Map<String, Object> canonical = new LinkedHashMap<>();
        if (time != null) {
            canonical.put("time", time);
        }
        if (info != null) {
            canonical.put("notes", info);
        }
        ParsedRecord base;
        try {
            base = assembler.assemble(RecordKind.TIP, line, offset, canonical);
        } catch (RecordAssembler.RowException e) {
            throw new BadReport("incident." + e.getMessage());
        }
        if (time != null) {
            fields.put("time", time);
        }
        if (info != null) {
            fields.put("additional_info", base.fields().get("notes"));
            for (Mention t : base.mentions()) {
                mentions.add(new Mention(t.identifier(), t.role(), t.raw(), "additional_info", t.start(), t.end()));
            }
        }

        List<Object> persons = list(m.get("reported_persons"), "reported_persons");
        List<Map<String, Object>> personFields = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            personFields.add(person(persons.get(i), "reported_persons[" + i + "]", platform, mentions, unread));
        }
        if (!personFields.isEmpty()) {
            fields.put("reported_persons", personFields);
        }
        List<Object> files = list(m.get("uploaded_files"), "uploaded_files");
        List<Map<String, Object>> fileFields = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            fileFields.add(file(files.get(i), "uploaded_files[" + i + "]", mentions, unread));
        }
        if (!fileFields.isEmpty()) {
            fields.put("uploaded_files", fileFields);
        }
        return new ParsedRecord(RecordKind.TIP, line, offset, base.occurredAt(), fields, mentions);
    }

    private Map<String, Object> person(Object value, String path, String espPlatform, List<Mention> mentions,
                                       Set<String> unread) throws BadReport {
        if (!(value instanceof Map<?, ?> p)) {
            throw new BadReport(path + " must be an object");
        }
        for (Object k : p.keySet()) {
            if (!PERSON_MEMBERS.contains(k)) {
                unread.add("reported_persons[]." + k);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : List.of("display_name", "first_name", "last_name")) {
            put(out, name, redact(scalar(p.get(name), path + "." + name)));
        }
        String dob = scalar(p.get("date_of_birth"), path + ".date_of_birth");
        if (dob != null) {
            try {
                out.put("date_of_birth", LocalDate.parse(dob.strip()).toString());
            } catch (DateTimeException e) {
                throw new BadReport(path + ".date_of_birth: '" + dob + "' is not a real date (write YYYY-MM-DD)");
            }
        }
        String own = scalar(p.get("platform"), path + ".platform");
        String platform = own != null ? own : espPlatform;
        put(out, "platform", own);
        out.putAll(identifiers(p, path, "emails", IdentifierType.EMAIL, "reported_email", mentions));
        out.putAll(identifiers(p, path, "phones", IdentifierType.PHONE, "reported_phone", mentions));
        for (String member : List.of("screen_names", "user_ids")) {
            List<String> handles = strings(p.get(member), path + "." + member);
            for (String h : handles) {
                if (platform == null) {
                    throw new BadReport(path + "." + member + ": an account needs a platform; give reporting_esp.platform "
                            + "(or the person's platform, or --option platform=NAME)");
                }
                try {
                    Identifier acc = Identifiers.account(platform, h);
                    mentions.add(Mention.ofField(acc, "reported_account", h, path + "." + member));
                } catch (InvalidIdentifierException e) {
                    throw new BadReport(path + "." + member + ": " + e.getMessage());
                }
            }
            if (!handles.isEmpty()) {
                out.put(member, handles);
            }
        }
        List<Map<String, Object>> events = events(p.get("ip_events"), path + ".ip_events", mentions, unread);
        if (!events.isEmpty()) {
            out.put("ip_events", events);
        }
        return out;
    }

    private Map<String, Object> file(Object value, String path, List<Mention> mentions, Set<String> unread)
            throws BadReport {
        if (!(value instanceof Map<?, ?> f)) {
            throw new BadReport(path + " must be an object");
        }
        for (Object k : f.keySet()) {
            if (!FILE_MEMBERS.contains(k)) {
                unread.add("uploaded_files[]." + k);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "name", redact(scalar(f.get("name"), path + ".name")));
        for (String algorithm : List.of("md5", "sha1", "sha256")) {
            String hex = scalar(f.get(algorithm), path + "." + algorithm);
            if (hex != null) {
                Identifier id = identifier(IdentifierType.FILE_HASH, algorithm + ":" + hex.strip(), path + "." + algorithm);
                mentions.add(Mention.ofField(id, "reported_file", hex, path + "." + algorithm));
                out.put(algorithm, id.value().substring(id.value().indexOf(':') + 1));
            }
        }
        String uploaded = scalar(f.get("uploaded_at"), path + ".uploaded_at");
        if (uploaded != null) {
            out.put("uploaded_at", time(uploaded, path + ".uploaded_at"));
        }
        for (String flag : List.of("viewed_by_esp", "publicly_available")) {
            Object v = f.get(flag);
            if (v != null) {
                if (!(v instanceof Boolean b)) {
                    throw new BadReport(path + "." + flag + " must be true or false");
                }
                out.put(flag, b);
            }
        }
        String url = scalar(f.get("original_url"), path + ".original_url");
        if (url != null) {
            Identifier id = identifier(IdentifierType.URL, url, path + ".original_url");
            mentions.add(Mention.ofField(id, "reported_url", url, path + ".original_url"));
            out.put("original_url", url);
        }
        if (f.get("ip_event") != null && f.get("ip_events") != null) {
            throw new BadReport(path + " has both ip_event and ip_events; use one");
        }
        Object ev = f.get("ip_event") != null ? List.of(f.get("ip_event")) : f.get("ip_events");
        List<Map<String, Object>> events = events(ev, path + (f.get("ip_event") != null ? ".ip_event" : ".ip_events"),
                mentions, unread);
        if (!events.isEmpty()) {
            out.put("ip_events", events);
        }
        return out;
    }

    private List<Map<String, Object>> events(Object value, String path, List<Mention> mentions, Set<String> unread)
            throws BadReport {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Object> items = list(value, path);
        for (int i = 0; i < items.size(); i++) {
            String at = path + (items.size() == 1 && !(value instanceof List<?>) ? "" : "[" + i + "]");
            if (!(items.get(i) instanceof Map<?, ?> e)) {
                throw new BadReport(at + " must be an object with ip, time, port and event");
            }
            for (Object k : e.keySet()) {
                if (!EVENT_MEMBERS.contains(k)) {
                    unread.add("ip_event." + k);
                }
            }
            String ip = scalar(e.get("ip"), at + ".ip");
            if (ip == null) {
                throw new BadReport(at + ": an IP event needs its ip");
            }
            Identifier id = identifier(IdentifierType.IP, ip, at + ".ip");
            mentions.add(Mention.ofField(id, "reported_ip", ip, at + ".ip"));
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("ip", ip.strip());
            String time = scalar(e.get("time"), at + ".time");
            if (time != null) {
                event.put("time", time(time, at + ".time"));
            }
            String port = scalar(e.get("port"), at + ".port");
            if (port != null) {
                event.put("port", port(port, at + ".port"));
            }
            put(event, "event", redact(scalar(e.get("event"), at + ".event")));
            out.add(event);
        }
        return out;
    }

    private Map<String, Object> identifiers(Map<?, ?> p, String path, String member, IdentifierType type, String role,
                                            List<Mention> mentions) throws BadReport {
        List<String> values = strings(p.get(member), path + "." + member);
        for (String v : values) {
            Identifier id = identifier(type, v, path + "." + member);
            mentions.add(Mention.ofField(id, role, v, path + "." + member));
        }
        return values.isEmpty() ? Map.of() : Map.of(member, values);
    }

    private Identifier identifier(IdentifierType type, String raw, String path) throws BadReport {
        try {
            return Identifiers.normalise(type, raw, context);
        } catch (InvalidIdentifierException e) {
            throw new BadReport(path + ": " + e.getMessage());
        }
    }

    /** An ISO-8601 instant, offset date-time, local date-time or date, checked strictly; returned as written. */
    static String time(String raw, String path) throws BadReport {
        String s = raw.strip();
        try {
            if (s.length() <= 10) {
                LocalDate.parse(s);
            } else if (s.endsWith("Z") || s.endsWith("z")) {
                Instant.parse(s.toUpperCase(Locale.ROOT));
            } else if (s.length() > 16 && (s.charAt(s.length() - 6) == '+' || s.charAt(s.length() - 6) == '-')
                    && s.charAt(s.length() - 3) == ':') {
                OffsetDateTime.parse(s);
            } else {
                LocalDateTime.parse(s);
            }
            return s;
        } catch (DateTimeException e) {
            throw new BadReport(path + ": '" + s + "' is not a real ISO-8601 date or time (e.g. 2024-05-01T22:10:00Z)");
        }
    }

    private static int port(String raw, String path) throws BadReport {
        try {
            int p = Integer.parseInt(raw.strip());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadReport(path + ": '" + raw + "' is not a port (0 to 65535)");
    }

    /**
     * A platform name made from an ESP's name: lower case, every run of other characters than ASCII
     * letters, digits, dots and underscores replaced by one hyphen ({@code "ExampleChat Inc."} →
     * {@code examplechat-inc.}); names the account table knows map to their platform.
     */
    static String platformOf(String espName) {
        if (espName == null || espName.isBlank()) {
            return null;
        }
        String s = espName.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? null : s;
    }

    /** A string or number member as a string; null when absent or null; anything else is a bad report. */
    private static String scalar(Object v, String path) throws BadReport {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s.isBlank() ? null : s;
        }
        throw new BadReport(path + " must be a string, not " + typeOf(v));
    }

    private static List<Object> list(Object v, String path) throws BadReport {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map<?, ?>) {
            return List.of(v);
        }
        throw new BadReport(path + " must be a list, not " + typeOf(v));
    }

    private static List<String> strings(Object v, String path) throws BadReport {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        for (int i = 0; i < items.size(); i++) {
            Object o = items.get(i);
            if (!(o instanceof String s)) {
                throw new BadReport(path + (v instanceof List<?> ? "[" + i + "]" : "") + " must be a string, not " + typeOf(o));
            }
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String typeOf(Object v) {
        return v == null ? "null" : v instanceof Map<?, ?> ? "an object" : v instanceof List<?> ? "a list"
                : v instanceof Boolean ? "true/false" : "a " + v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String redact(String s) {
        return s == null ? null : TextExtractor.redactCards(s);
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
