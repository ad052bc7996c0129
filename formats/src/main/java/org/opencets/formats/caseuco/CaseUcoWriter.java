package org.opencets.formats.caseuco;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;

/**
 * Writes one case as a CASE 1.x / UCO 1.x JSON-LD bundle, streaming: records go out as they arrive,
 * each identifier node once, before the first record that uses it.
 *
 * <p>Grammar of what is written (names are compact IRIs under the {@code @context} written first):
 * <pre>
 * document   = { "@context", "@id": kb:bundle-UUID, "@type": uco-core:Bundle, uco-core:name,
 *                uco-core:description, uco-core:objectCreatedTime, uco-core:createdBy -&gt; exporter,
 *                opencets:cardKeyCheck, uco-core:object: [ exporter, { identifier* record relationship* }*,
 *                provenance*, investigation ] }
 * exporter   = uco-identity:Identity with uco-core:name
 * identifier = EmailAddress | PhoneAccount | ApplicationAccount (+ Application) | IPv4Address | IPv6Address
 *            | URL | DomainName | Device (+ uco-identity:Organization as manufacturer) | ContentData (file
 *              and PDQ hashes) | PaymentCard   — each with its facet(s), see docs/FORMATS.md
 * record     = Message + MessageFacet | EmailMessage + EmailMessageFacet (kind message)
 *            | Event + EventFacet (other kinds); plus opencets:recordKind, opencets:line,
 *              opencets:byteOffset, opencets:occurredAt, opencets:fields (the stored fields as JSON text)
 * relationship = uco-core:Relationship source -&gt; identifier, target -&gt; record, kindOfRelationship = role,
 *              isDirectional true, opencets:field, opencets:raw, opencets:start, opencets:end
 * provenance = case-investigation:ProvenanceRecord per evidence file: exhibitNumber = its SHA-256,
 *              uco-core:object -&gt; its records
 * investigation = case-investigation:Investigation: uco-core:name = AGENCY/NUMBER, uco-core:object -&gt;
 *              the provenance records
 * </pre>
 *
 * <p>Every node and facet has an {@code @id} ending with a UUID (UCO 1.x forbids blank nodes for
 * UcoThings and advises UUID endings). The UUIDs are name-based (RFC 4122 version 3) on the case, the
 * record id or the identifier's canonical key, so exporting the same case twice gives the same ids and
 * one e-mail address is one node in every export of the deployment.
 *
 * <p>Cards: a {@code uco-observable:PaymentCard} whose {@code AccountFacet.accountIdentifier} is the
 * masked form (BIN and last four) and whose {@code ContentDataFacet.hash} is a {@code types:Hash} with
 * {@code hashMethod} "HMAC-SHA256" and the keyed hash as value. No card number exists to be written.
 * {@code opencets:cardKeyCheck} on the bundle lets an importer tell whether the hashes were made under
 * its own key (and so correlate with its cards).
 */
public final class CaseUcoWriter implements CaseView.Sink, Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_CHECK_INPUT = "OpenCETS card key check 1";

    private final JsonGenerator g;
    private CaseView view;
    private String exporterId;
    private final Set<String> written = new HashSet<>();
    private long currentImport = Long.MIN_VALUE;
    private final Set<Long> finishedImports = new HashSet<>();
    /** The current import's records, as {@code id << 1 | message}: 8 bytes a record, the node ids are derived. */
    private long[] currentRecords = new long[1024];
    private int currentCount;
    private final List<String> provenanceIds = new ArrayList<>();
    private long records;
    private long identifiers;
    private long relationships;
    private boolean ended;

    /** What was written. */
    public record Summary(long records, long identifiers, long relationships, long evidenceFiles) {
    }

    public CaseUcoWriter(OutputStream out) throws IOException {
        this.g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
    }

    /**
     * A short check value of the deployment's card key: the first 16 hex digits of the HMAC of a fixed
     * text. Equal check values mean equal keys (to 64 bits); the value reveals nothing of the key, and
     * nothing about any card.
     */
    public static String cardKeyCheck(CardHasher hasher) {
        return hasher.hash(KEY_CHECK_INPUT).substring(0, 16);
    }

    @Override
    public void begin(CaseView v) throws IOException {
        if (view != null) {
            throw new IllegalStateException("begin called twice");
        }
        this.view = v;
        g.writeStartObject();
        g.writeObjectFieldStart("@context");
        for (Map.Entry<String, String> e : Terms.WRITTEN_PREFIXES.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("@id", "kb:bundle-" + uuid("bundle:" + v.qualified() + ":" + v.exportedAt()));
        g.writeStringField("@type", "uco-core:Bundle");
        g.writeStringField("uco-core:name", "OpenCETS export of case " + v.qualified());
        g.writeStringField("uco-core:description", "Case " + v.qualified() + (v.title() == null ? "" : " \"" + v.title() + "\"")
                + " of " + (v.agencyName() == null ? v.agencyCode() : v.agencyName()) + ", exported by " + v.exportedBy()
                + " at " + v.exportedAt());
        writeDateTime("uco-core:objectCreatedTime", v.exportedAt());
        exporterId = "kb:identity-" + uuid("user:" + v.exportedBy());
        ref("uco-core:createdBy", exporterId);
        if (v.cardKeyCheck() != null) {
            g.writeStringField("opencets:cardKeyCheck", v.cardKeyCheck());
        }
        g.writeArrayFieldStart("uco-core:object");
        g.writeStartObject();
        g.writeStringField("@id", exporterId);
        g.writeStringField("@type", "uco-identity:Identity");
        g.writeStringField("uco-core:name", v.exportedBy());
        g.writeEndObject();
    }

    @Override
    public void record(CaseView.Entry e) throws IOException {
        if (view == null || ended) {
            throw new IllegalStateException("record outside begin/end");
        }
        if (e.importId() != currentImport) {
            if (finishedImports.contains(e.importId())) {
                throw new IllegalStateException("records must arrive grouped by import; import " + e.importId() + " came back");
            }
            closeImport();
            currentImport = e.importId();
        }
        List<Mention> senders = new ArrayList<>();
        List<Mention> recipients = new ArrayList<>();
        List<Mention> others = new ArrayList<>();
        for (Mention m : e.mentions()) {
            writeIdentifier(m.identifier());
            if (e.kind() == RecordKind.MESSAGE && m.role().equals("sender") && senders.isEmpty()) {
                senders.add(m);
            } else if (e.kind() == RecordKind.MESSAGE && m.role().equals("recipient")) {
                recipients.add(m);
            } else {
                others.add(m);
            }
        }
        String recordId = recordNodeId(e);
        boolean email = senders.stream().anyMatch(m -> m.identifier().type() == IdentifierType.EMAIL)
                || recipients.stream().anyMatch(m -> m.identifier().type() == IdentifierType.EMAIL);
        String platform = platformOf(e, senders);
        String application = e.kind() == RecordKind.MESSAGE && !email && platform != null ? writeApplication(platform) : null;
        g.writeStartObject();
        g.writeStringField("@id", recordId);
        String text = firstText(e.fields());
        String sentTime = xsdDateTime(e.occurredAt());
        if (e.kind() == RecordKind.MESSAGE) {
            g.writeStringField("@type", email ? "uco-observable:EmailMessage" : "uco-observable:Message");
            g.writeArrayFieldStart("uco-core:hasFacet");
            g.writeStartObject();
            g.writeStringField("@id", "kb:message-facet-" + uuid("facet:" + recordId));
            g.writeStringField("@type", email ? "uco-observable:EmailMessageFacet" : "uco-observable:MessageFacet");
            if (application != null) {
                ref("uco-observable:application", application);
            }
            if (!senders.isEmpty()) {
                ref("uco-observable:from", identifierNodeId(senders.get(0).identifier()));
            }
            if (!recipients.isEmpty()) {
                g.writeArrayFieldStart("uco-observable:to");
                for (Mention m : recipients) {
                    g.writeStartObject();
                    g.writeStringField("@id", identifierNodeId(m.identifier()));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (text != null) {
                g.writeStringField(email ? "uco-observable:body" : "uco-observable:messageText", text);
            }
            if (email && e.fields().get("subject") instanceof String subject) {
                g.writeStringField("uco-observable:subject", subject);
            }
            if (sentTime != null) {
                writeTyped("uco-observable:sentTime", "xsd:dateTime", sentTime);
            }
            g.writeEndObject();
            g.writeEndArray();
        } else {
            g.writeStringField("@type", "uco-observable:Event");
            g.writeArrayFieldStart("uco-core:hasFacet");
            g.writeStartObject();
            g.writeStringField("@id", "kb:event-facet-" + uuid("facet:" + recordId));
            g.writeStringField("@type", "uco-observable:EventFacet");
            g.writeStringField("uco-observable:eventType", e.kind().code());
            if (text != null) {
                g.writeStringField("uco-observable:eventRecordText", text);
            }
            if (sentTime != null) {
                writeTyped("uco-observable:startTime", "xsd:dateTime", sentTime);
            }
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeStringField("opencets:recordKind", e.kind().code());
        g.writeNumberField("opencets:line", e.line());
        if (e.offset() >= 0) {
            g.writeNumberField("opencets:byteOffset", e.offset());
        }
        if (e.occurredAt() != null) {
            g.writeStringField("opencets:occurredAt", e.occurredAt());
        }
        g.writeStringField("opencets:fields", JSON.writeValueAsString(e.fields()));
        g.writeEndObject();
        records++;
        if (currentCount == currentRecords.length) {
            currentRecords = java.util.Arrays.copyOf(currentRecords, currentCount * 2);
        }
        currentRecords[currentCount++] = e.id() << 1 | (e.kind() == RecordKind.MESSAGE ? 1 : 0);
        int n = 0;
        for (Mention m : others) {
            writeRelationship(recordId, m, n++);
        }
    }

    @Override
    public void end() throws IOException {
        if (view == null || ended) {
            throw new IllegalStateException("end without begin, or twice");
        }
        closeImport();
        if (!provenanceIds.isEmpty()) {
            g.writeStartObject();
            g.writeStringField("@id", "kb:investigation-" + uuid("case:" + view.qualified()));
            g.writeStringField("@type", "case-investigation:Investigation");
            g.writeStringField("uco-core:name", view.qualified());
            if (view.title() != null) {
                g.writeStringField("uco-core:description", view.title());
            }
            g.writeStringField("case-investigation:investigationForm", "case");
            refs("uco-core:object", provenanceIds);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        ended = true;
    }

    /** Counts of what was written so far. */
    public Summary summary() {
        return new Summary(records, identifiers, relationships, provenanceIds.size());
    }

    @Override
    public void close() throws IOException {
        g.close();
    }

    // ------------------------------------------------------------------ nodes

    private void closeImport() throws IOException {
        if (currentImport == Long.MIN_VALUE || currentCount == 0) {
            return;
        }
        CaseView.Evidence ev = view.evidence().stream().filter(x -> x.importId() == currentImport).findFirst().orElse(null);
        String id = "kb:provenance-record-" + uuid("import:" + view.qualified() + ":" + currentImport);
        g.writeStartObject();
        g.writeStringField("@id", id);
        g.writeStringField("@type", "case-investigation:ProvenanceRecord");
        if (ev != null) {
            g.writeStringField("uco-core:name", ev.fileName());
            g.writeStringField("case-investigation:exhibitNumber", ev.sha256());
            g.writeStringField("uco-core:description", "evidence file " + ev.fileName() + " (SHA-256 " + ev.sha256()
                    + ") imported as " + ev.format() + " by " + ev.importedBy() + " at " + ev.importedAt());
        }
        g.writeArrayFieldStart("uco-core:object");
        for (int i = 0; i < currentCount; i++) {
            long packed = currentRecords[i];
            g.writeStartObject();
            g.writeStringField("@id", recordNodeId(packed >>> 1, (packed & 1) == 1));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        provenanceIds.add(id);
        finishedImports.add(currentImport);
        currentCount = 0;
    }

    private void writeRelationship(String recordId, Mention m, int n) throws IOException {
        g.writeStartObject();
        g.writeStringField("@id", "kb:relationship-" + uuid("mention:" + recordId + ":" + n));
        g.writeStringField("@type", "uco-core:Relationship");
        ref("uco-core:source", identifierNodeId(m.identifier()));
        ref("uco-core:target", recordId);
        g.writeStringField("uco-core:kindOfRelationship", m.role());
        g.writeBooleanField("uco-core:isDirectional", true);
        g.writeStringField("opencets:field", m.field());
        g.writeStringField("opencets:raw", m.identifier().type() == IdentifierType.CARD ? m.identifier().display() : m.raw());
        if (m.start() >= 0) {
            g.writeNumberField("opencets:start", m.start());
            g.writeNumberField("opencets:end", m.end());
        }
        g.writeEndObject();
        relationships++;
    }

    private void writeIdentifier(Identifier id) throws IOException {
        if (!written.add("identifier:" + id.key())) {
            return;
        }
        identifiers++;
        String node = identifierNodeId(id);
        String value = id.value();
        switch (id.type()) {
            case EMAIL -> simple(node, "uco-observable:EmailAddress", "uco-observable:EmailAddressFacet",
                    "uco-observable:addressValue", id.display());
            case PHONE -> simple(node, "uco-observable:PhoneAccount", "uco-observable:PhoneAccountFacet",
                    "uco-observable:phoneNumber", value);
            case IP -> {
                boolean v6 = value.indexOf(':') >= 0;
                simple(node, v6 ? "uco-observable:IPv6Address" : "uco-observable:IPv4Address",
                        v6 ? "uco-observable:IPv6AddressFacet" : "uco-observable:IPv4AddressFacet",
                        "uco-observable:addressValue", value);
            }
            case URL -> simple(node, "uco-observable:URL", "uco-observable:URLFacet", "uco-observable:fullValue", value);
            case DOMAIN -> simple(node, "uco-observable:DomainName", "uco-observable:DomainNameFacet", "uco-observable:value",
                    value);
            case ACCOUNT -> {
                String platform = value.substring(0, value.indexOf(':'));
                String handle = id.display().substring(id.display().indexOf(':') + 1);
                String app = writeApplication(platform);
                g.writeStartObject();
                g.writeStringField("@id", node);
                g.writeStringField("@type", "uco-observable:ApplicationAccount");
                g.writeArrayFieldStart("uco-core:hasFacet");
                facetStart(node, "uco-observable:AccountFacet");
                g.writeStringField("uco-observable:accountIdentifier", handle);
                g.writeEndObject();
                facetStart(node, "uco-observable:ApplicationAccountFacet");
                ref("uco-observable:application", app);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            case DEVICE -> {
                String[] parts = value.split("\\|", -1);
                String make = parts.length == 3 ? parts[0] : "";
                String model = parts.length == 3 ? parts[1] : "";
                String serial = parts.length == 3 ? parts[2] : value;
                String org = make.isEmpty() ? null : writeOrganization(make);
                g.writeStartObject();
                g.writeStringField("@id", node);
                g.writeStringField("@type", "uco-observable:Device");
                g.writeArrayFieldStart("uco-core:hasFacet");
                facetStart(node, "uco-observable:DeviceFacet");
                if (org != null) {
                    ref("uco-observable:manufacturer", org);
                }
                if (!model.isEmpty()) {
                    g.writeStringField("uco-observable:model", model);
                }
                g.writeStringField("uco-observable:serialNumber", serial);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            case FILE_HASH -> {
                int colon = value.indexOf(':');
                String method = switch (value.substring(0, colon)) {
                    case "md5" -> "MD5";
                    case "sha1" -> "SHA1";
                    default -> "SHA256";
                };
                hashed(node, "uco-observable:ContentData", null, method, true, value.substring(colon + 1));
            }
            case PDQ -> hashed(node, "uco-observable:ContentData", null, "PDQ", false, value);
            case CARD -> hashed(node, "uco-observable:PaymentCard", id.display(), "HMAC-SHA256", false, value);
        }
    }

    private void simple(String node, String type, String facetType, String property, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("@id", node);
        g.writeStringField("@type", type);
        g.writeArrayFieldStart("uco-core:hasFacet");
        facetStart(node, facetType);
        g.writeStringField(property, value);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private void hashed(String node, String type, String maskedCard, String method, boolean vocabularyMethod, String hex)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("@id", node);
        g.writeStringField("@type", type);
        g.writeArrayFieldStart("uco-core:hasFacet");
        if (maskedCard != null) {
            facetStart(node, "uco-observable:AccountFacet");
            g.writeStringField("uco-observable:accountIdentifier", maskedCard);
            g.writeEndObject();
        }
        facetStart(node, "uco-observable:ContentDataFacet");
        g.writeArrayFieldStart("uco-observable:hash");
        g.writeStartObject();
        g.writeStringField("@id", "kb:hash-" + uuid("hash:" + node));
        g.writeStringField("@type", "uco-types:Hash");
        if (vocabularyMethod) {
            writeTyped("uco-types:hashMethod", "uco-vocabulary:HashNameVocab", method);
        } else {
            g.writeStringField("uco-types:hashMethod", method);
        }
        writeTyped("uco-types:hashValue", "xsd:hexBinary", hex);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private String writeApplication(String platform) throws IOException {
        String id = "kb:application-" + uuid("application:" + platform);
        if (written.add(id)) {
            g.writeStartObject();
            g.writeStringField("@id", id);
            g.writeStringField("@type", "uco-observable:Application");
            g.writeStringField("uco-core:name", platform);
            g.writeArrayFieldStart("uco-core:hasFacet");
            facetStart(id, "uco-observable:ApplicationFacet");
            g.writeStringField("uco-observable:applicationIdentifier", platform);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return id;
    }

    private String writeOrganization(String name) throws IOException {
        String id = "kb:organization-" + uuid("organization:" + name);
        if (written.add(id)) {
            g.writeStartObject();
            g.writeStringField("@id", id);
            g.writeStringField("@type", "uco-identity:Organization");
            g.writeStringField("uco-core:name", name);
            g.writeEndObject();
        }
        return id;
    }

    private void facetStart(String owner, String facetType) throws IOException {
        g.writeStartObject();
        String local = facetType.substring(facetType.indexOf(':') + 1);
        g.writeStringField("@id", "kb:" + kebab(local) + "-" + uuid("facet:" + owner + ":" + local));
        g.writeStringField("@type", facetType);
    }

    private void ref(String property, String id) throws IOException {
        g.writeObjectFieldStart(property);
        g.writeStringField("@id", id);
        g.writeEndObject();
    }

    private void refs(String property, List<String> ids) throws IOException {
        g.writeArrayFieldStart(property);
        for (String id : ids) {
            g.writeStartObject();
            g.writeStringField("@id", id);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeTyped(String property, String type, String value) throws IOException {
        g.writeObjectFieldStart(property);
        g.writeStringField("@type", type);
        g.writeStringField("@value", value);
        g.writeEndObject();
    }

    private void writeDateTime(String property, String instant) throws IOException {
        String v = xsdDateTime(instant);
        if (v != null) {
            writeTyped(property, "xsd:dateTime", v);
        }
    }

    // ------------------------------------------------------------------ names and values

    private String recordNodeId(CaseView.Entry e) {
        return recordNodeId(e.id(), e.kind() == RecordKind.MESSAGE);
    }

    private String recordNodeId(long id, boolean message) {
        return (message ? "kb:message-" : "kb:event-") + uuid("record:" + view.qualified() + ":" + id);
    }

    /** The node id of an identifier: the same in every export of the deployment. */
    static String identifierNodeId(Identifier id) {
        String prefix = switch (id.type()) {
            case EMAIL -> "email-address";
            case PHONE -> "phone-account";
            case IP -> id.value().indexOf(':') >= 0 ? "ipv6-address" : "ipv4-address";
            case URL -> "url";
            case DOMAIN -> "domain-name";
            case ACCOUNT -> "application-account";
            case DEVICE -> "device";
            case FILE_HASH, PDQ -> "content-data";
            case CARD -> "payment-card";
        };
        return "kb:" + prefix + "-" + uuid("identifier:" + id.key());
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("opencets:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String kebab(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) {
                sb.append('-');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private static String platformOf(CaseView.Entry e, List<Mention> senders) {
        if (e.fields().get("platform") instanceof String p && !p.isBlank()) {
            return p.strip().toLowerCase(java.util.Locale.ROOT);
        }
        for (Mention m : senders) {
            if (m.identifier().type() == IdentifierType.ACCOUNT) {
                return m.identifier().value().substring(0, m.identifier().value().indexOf(':'));
            }
        }
        return null;
    }

    private static String firstText(Map<String, Object> fields) {
        for (String f : List.of("text", "body", "notes", "descriptor")) {
            if (fields.get(f) instanceof String s && !s.isEmpty()) {
                return s;
            }
        }
        return null;
    }

    /**
     * A stored time as an {@code xsd:dateTime} lexical form (seconds always written, as XML Schema
     * requires), or null for a date without a time or an unreadable value.
     */
    static String xsdDateTime(String stored) {
        if (stored == null || stored.length() <= 10) {
            return null;
        }
        try {
            if (stored.endsWith("Z")) {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.parse(stored).atOffset(ZoneOffset.UTC))
                        .replace("+00:00", "Z");
            }
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(stored));
            } catch (java.time.format.DateTimeParseException notOffset) {
                return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.parse(stored));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
