package org.opencets.formats.caseuco;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opencets.core.identifier.Found;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * Reads a CASE/UCO JSON-LD document (CASE 1.x, UCO 1.x; the 0.x namespaces are recognised too) into
 * records: one {@code message} per {@code Message}/{@code EmailMessage} node, one record per
 * {@code Event} node (its {@code opencets:recordKind} when an OpenCETS export wrote one, else
 * {@code event}), and one {@code note} per identifier node that no message or event uses — so a
 * bundle of accounts alone still lands. The mapping is in docs/FORMATS.md, section {@code case-uco}.
 *
 * <p>Two streaming passes (see {@link BundleIndex}): the first keeps the identifier nodes, the second
 * builds each record as its node goes by, following {@code from}, {@code to}, {@code cc},
 * {@code bcc}, {@code application} and the {@code uco-core:Relationship}s that tie identifier nodes to
 * it. A record's line and byte offset are those of its node's opening brace.
 *
 * <p>Bad input: a document that is not JSON, is cut short or nests too deep fails as a whole with the
 * line; a value that does not normalise (an e-mail without a domain) rejects its node with the line and
 * the property; a reference to a node that is not in the file is counted and reported as a warning,
 * the record keeping its other identifiers.
 */
public final class CaseUcoReader implements RecordReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXT_FIELDS = List.of("text", "notes", "descriptor", "body");

    @Override
    public String format() {
        return "case-uco";
    }

    @Override
    public String description() {
        return "CASE/UCO JSON-LD (CASE 1.x, UCO 1.x): messages, e-mails, accounts, phones, IPs, URLs, hashes, devices, cards";
    }

    @Override
    public int sniff(String fileName, byte[] head) {
        String name = fileName.toLowerCase(Locale.ROOT);
        String text = headText(head);
        boolean jsonld = name.endsWith(".jsonld") || name.endsWith(".json-ld");
        boolean context = text.contains("\"@context\"");
        boolean namespaces = text.contains("unifiedcyberontology.org") || text.contains("caseontology.org");
        boolean prefixes = text.contains("\"uco-core:") || text.contains("\"uco-observable:")
                || text.contains("\"case-investigation:");
        if (context && namespaces) {
            return 95;
        }
        if (prefixes && (text.contains("\"@graph\"") || text.contains("\"@id\""))) {
            return 70;
        }
        return jsonld ? 20 : 0;
    }

    /** The head as text: UTF-16 when a byte-order mark or the zero bytes of ASCII in UTF-16 say so, else UTF-8. */
    private static String headText(byte[] head) {
        int n = head.length;
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || n >= 2 && head[0] != 0 && head[1] == 0) {
            return new String(head, 0, n - (n % 2), StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF || n >= 2 && head[0] == 0 && head[1] != 0) {
            return new String(head, 0, n - (n % 2), StandardCharsets.UTF_16BE);
        }
        return new String(head, StandardCharsets.UTF_8);
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        IdentifierContext ctx = source.identifiers();
        Terms terms = new Terms();
        NodeStream stream = new NodeStream(source, terms);
        stream.learnContext();
        BundleIndex index = new BundleIndex(terms, ctx, sink, CaseUcoWriter.cardKeyCheck(ctx.cardHasher()));
        stream.walk(index::add);
        index.resolve();
        Assembly assembly = new Assembly(index, terms, ctx, sink);
        stream.walk(assembly::node);
        assembly.notes();
        assembly.warnings(index);
    }

    /** The second pass: records out of message and event nodes, then notes for unused identifiers. */
    private static final class Assembly {
        private final BundleIndex index;
        private final Terms terms;
        private final IdentifierContext ctx;
        private final RecordSink sink;
        private final Set<String> mentioned = new HashSet<>();
        private final Set<String> countedOnce = new HashSet<>();
        private int unresolved;

        Assembly(BundleIndex index, Terms terms, IdentifierContext ctx, RecordSink sink) {
            this.index = index;
            this.terms = terms;
            this.ctx = ctx;
            this.sink = sink;
        }

        void node(ObjectNode json, long line, long offset) {
            Node n = new Node(json, terms);
            if (n.isReferenceOnly() || !BundleIndex.isRecord(n)) {
                return;
            }
            ParsedRecord r = record(n, line, offset);
            if (r != null) {
                for (Mention m : r.mentions()) {
                    mentioned.add(m.identifier().key());
                }
                sink.accept(r);
            }
        }

        private ParsedRecord record(Node n, long line, long offset) {
            String kindCode = n.literal("opencets:recordKind");
            Node message = null;
            Node event = null;
            for (Node f : n.objects("core:hasFacet")) {
                List<String> t = f.types();
                if (message == null && (t.contains("observable:MessageFacet") || t.contains("observable:EmailMessageFacet"))) {
                    message = f;
                } else if (event == null && t.contains("observable:EventFacet")) {
                    event = f;
                }
            }
            RecordKind kind;
            if (kindCode != null) {
                try {
                    kind = RecordKind.fromCode(kindCode);
                } catch (IllegalArgumentException e) {
                    sink.reject(line, "node " + n.writtenId() + ", opencets:recordKind: " + e.getMessage());
                    return null;
                }
            } else {
                kind = message != null ? RecordKind.MESSAGE : RecordKind.EVENT;
            }
            boolean ours = n.has("opencets:fields");
            Mentions mentions = new Mentions();
            Map<String, Object> built = new LinkedHashMap<>();
            String text = null;
            String time = null;
            String platform = null;
            if (message != null) {
                List<String> apps = message.refs("observable:application");
                platform = apps.isEmpty() ? null : index.name(apps.get(0));
                List<String> from = message.refs("observable:from");
                if (from.isEmpty()) {
                    from = message.refs("observable:sender");
                }
                List<String> fromRaw = follow(from, platform, "sender", "from", mentions);
                List<String> toRaw = follow(message.refs("observable:to"), platform, "recipient", "to", mentions);
                follow(message.refs("observable:cc"), platform, "recipient", "cc", mentions);
                follow(message.refs("observable:bcc"), platform, "recipient", "bcc", mentions);
                text = message.literal("observable:messageText");
                text = text != null ? text : message.literal("observable:body");
                time = message.literal("observable:sentTime");
                time = time != null ? time : message.literal("observable:receivedTime");
                put(built, "platform", platform);
                put(built, "from", fromRaw.isEmpty() ? null : fromRaw.size() == 1 ? fromRaw.get(0) : fromRaw);
                put(built, "to", toRaw.isEmpty() ? null : toRaw.size() == 1 ? toRaw.get(0) : toRaw);
                put(built, "subject", message.literal("observable:subject"));
            }
            if (event != null) {
                text = text != null ? text : event.literal("observable:eventRecordText");
                time = time != null ? time : event.literal("observable:startTime");
                time = time != null ? time : event.literal("observable:observableCreatedTime");
                put(built, "event_type", event.literal("observable:eventType"));
            }
            for (BundleIndex.Relationship rel : index.attachedTo(n.id())) {
                BundleIndex.Entry e = index.entries.get(rel.sources().get(0));
                for (BundleIndex.Resolved r : index.identifiers(e, platform, countedOnce)) {
                    boolean offsets = rel.start() >= 0 && rel.end() >= rel.start();
                    String raw = r.identifier().type() == IdentifierType.CARD || rel.raw() == null ? r.raw() : rel.raw();
                    mentions.add(new Mention(r.identifier(), rel.kind(), raw, rel.field() == null ? "relationship" : rel.field(),
                            offsets ? rel.start() : -1, offsets ? rel.end() : -1));
                }
            }
            BundleIndex.Entry own = index.extract(n, n.types(), line, offset);
            if (own != null) {
                for (BundleIndex.Resolved r : index.identifiers(own, platform, countedOnce)) {
                    mentions.add(Mention.ofField(r.identifier(), r.identifier().type().code(), r.raw(), "case_uco"));
                }
            }
            Map<String, Object> fields;
            if (ours) {
                fields = ourFields(n, line);
                if (fields == null) {
                    return null;
                }
            } else {
                fields = new LinkedHashMap<>();
                put(fields, "case_uco_id", n.writtenId());
                List<String> types = n.types();
                put(fields, "case_uco_type", types.isEmpty() ? null : types.get(0));
                fields.putAll(built);
                put(fields, "time", time);
                if (text != null) {
                    for (Found f : TextExtractor.extract(text, ctx)) {
                        mentions.add(new Mention(f.identifier(), "text", f.raw(), "text", f.start(), f.end()));
                    }
                    fields.put("text", TextExtractor.redactCards(text));
                }
            }
            String occurredAt;
            String when = ours ? n.literal("opencets:occurredAt") : time;
            try {
                occurredAt = when == null ? null : normaliseTime(when);
            } catch (DateTimeException e) {
                sink.reject(line, "node " + n.writtenId() + ": '" + Redaction.digits(when)
                        + "' is not a valid xsd:dateTime (write e.g. 2024-03-01T14:05:00Z)");
                return null;
            }
            return new ParsedRecord(kind, line, offset, occurredAt, fields, mentions.list);
        }

        /** Follows references to identifier nodes; returns what they were written as. */
        private List<String> follow(List<String> refs, String platform, String role, String field, Mentions mentions) {
            List<String> raws = new ArrayList<>();
            for (String ref : refs) {
                BundleIndex.Entry e = index.entries.get(ref);
                if (e == null) {
                    unresolved++;
                    continue;
                }
                for (BundleIndex.Resolved r : index.identifiers(e, platform, countedOnce)) {
                    mentions.add(Mention.ofField(r.identifier(), role, r.raw(), field));
                    raws.add(r.raw());
                }
            }
            return raws;
        }

        private Map<String, Object> ourFields(Node n, long line) {
            String json = n.literal("opencets:fields");
            try {
                Object parsed = json == null ? null : JSON.readValue(json, Object.class);
                if (!(parsed instanceof Map<?, ?> map)) {
                    sink.reject(line, "node " + n.writtenId() + ", opencets:fields: not a JSON object");
                    return null;
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.put(String.valueOf(e.getKey()), safe(e.getValue()));
                }
                return out;
            } catch (JsonProcessingException e) {
                sink.reject(line, "node " + n.writtenId() + ", opencets:fields: not JSON: " + Redaction.digits(e.getOriginalMessage()));
                return null;
            }
        }

        /** Any card number in a foreign file's fields is replaced by its mask before it is stored. */
        private static Object safe(Object v) {
            if (v instanceof String s) {
                return TextExtractor.redactCards(s);
            }
            if (v instanceof List<?> l) {
                List<Object> out = new ArrayList<>(l.size());
                l.forEach(x -> out.add(safe(x)));
                return out;
            }
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(k), safe(x)));
                return out;
            }
            return v;
        }

        /** One note per identifier node that no message or event used. */
        void notes() {
            for (BundleIndex.Entry e : index.entries.values()) {
                List<Mention> ms = new ArrayList<>();
                for (BundleIndex.Resolved r : index.identifiers(e, null, countedOnce)) {
                    if (mentioned.add(r.identifier().key())) {
                        ms.add(Mention.ofField(r.identifier(), r.identifier().type().code(), r.raw(), "case_uco"));
                    }
                }
                if (!ms.isEmpty()) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    put(fields, "case_uco_id", e.writtenId);
                    put(fields, "case_uco_type", e.type);
                    sink.accept(new ParsedRecord(RecordKind.NOTE, e.line, e.offset, null, fields, ms));
                }
            }
        }

        void warnings(BundleIndex index) {
            if (unresolved > 0) {
                sink.warn(unresolved + " reference(s) from messages point at nodes that are not in the file or carry "
                        + "no identifier; those records were kept without them");
            }
            int withoutPlatform = index.accountsWithoutPlatform();
            if (withoutPlatform > 0) {
                sink.warn(withoutPlatform + " account(s) name no application or issuer, so no platform; "
                        + "they were not read as account identifiers");
            }
            if (index.cardsOtherKey > 0) {
                sink.warn(index.cardsOtherKey + " card hash(es) were made under another deployment's card key (key check "
                        + (index.keyCheck == null ? "missing" : index.keyCheck) + "), so cannot be compared with this "
                        + "deployment's cards; they were not read as card identifiers");
            }
            if (index.separateFacets > 0) {
                sink.warn(index.separateFacets + " facet(s) given only by @id (defined as separate nodes) were not read");
            }
            if (index.unsupportedHashes > 0) {
                sink.warn(index.unsupportedHashes + " hash(es) of methods other than MD5, SHA1, SHA256 and PDQ were not read");
            }
        }

        private static void put(Map<String, Object> m, String k, Object v) {
            if (v != null) {
                m.put(k, v);
            }
        }
    }

    /** A record's mentions without repeats (the same identifier, role, field and place). */
    private static final class Mentions {
        final List<Mention> list = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        void add(Mention m) {
            if (seen.add(m.identifier().key() + "\u0000" + m.role() + "\u0000" + m.field() + "\u0000" + m.start())) {
                list.add(m);
            }
        }
    }

    /** An {@code xsd:dateTime} (or a stored ISO-8601 time or date) in the form records keep. */
    static String normaliseTime(String raw) {
        String s = raw.strip();
        if (s.length() <= 10) {
            return LocalDate.parse(s).toString();
        }
        if (s.endsWith("Z") || s.endsWith("z")) {
            return Instant.parse(s.toUpperCase(Locale.ROOT)).toString();
        }
        if (s.length() > 19 && (s.charAt(s.length() - 6) == '+' || s.charAt(s.length() - 6) == '-')) {
            return OffsetDateTime.parse(s).toString();
        }
        return LocalDateTime.parse(s).toString();
    }
}
