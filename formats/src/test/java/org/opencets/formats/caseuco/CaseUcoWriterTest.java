package org.opencets.formats.caseuco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.core.record.RecordKind;

class CaseUcoWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode exported() throws Exception {
        return JSON.readTree(ExportSamples.export(ExportSamples.view(), ExportSamples.entries()));
    }

    static JsonNode node(JsonNode bundle, String type) {
        for (JsonNode n : bundle.path("uco-core:object")) {
            if (n.path("@type").asText().equals(type)) {
                return n;
            }
        }
        throw new AssertionError("no node of type " + type);
    }

    static List<JsonNode> nodes(JsonNode bundle, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : bundle.path("uco-core:object")) {
            if (n.path("@type").asText().equals(type)) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void theExportPassesTheStructuralChecksOfTheUcoShapes() throws Exception {
        assertThat(UcoStructure.check(exported())).isEmpty();
    }

    @Test
    void theBundleNamesTheCaseItsExporterAndTheCardKeyCheck() throws Exception {
        JsonNode b = exported();
        assertThat(b.path("@type").asText()).isEqualTo("uco-core:Bundle");
        assertThat(b.path("@context").path("uco-observable").asText()).isEqualTo("https://ontology.unifiedcyberontology.org/uco/observable/");
        assertThat(b.path("opencets:cardKeyCheck").asText()).hasSize(16).isEqualTo(ExportSamples.view().cardKeyCheck());
        JsonNode creator = node(b, "uco-identity:Identity");
        assertThat(b.path("uco-core:createdBy").path("@id").asText()).isEqualTo(creator.path("@id").asText());
        JsonNode investigation = node(b, "case-investigation:Investigation");
        assertThat(investigation.path("uco-core:name").asText()).isEqualTo("TPS/2024-17");
        List<JsonNode> provenance = nodes(b, "case-investigation:ProvenanceRecord");
        assertThat(provenance).hasSize(2);
        assertThat(provenance.get(0).path("case-investigation:exhibitNumber").asText()).isEqualTo("a".repeat(64));
        assertThat(provenance.get(0).path("uco-core:object")).hasSize(2);
        assertThat(provenance.get(1).path("uco-core:object")).hasSize(1);
        assertThat(investigation.path("uco-core:object")).hasSize(2);
    }

    @Test
    void aChatMessagePointsAtItsAccountsAndApplication() throws Exception {
        JsonNode b = exported();
        JsonNode msg = node(b, "uco-observable:Message");
        JsonNode facet = msg.path("uco-core:hasFacet").get(0);
        assertThat(facet.path("@type").asText()).isEqualTo("uco-observable:MessageFacet");
        assertThat(facet.path("uco-observable:messageText").asText()).isEqualTo("mail me at j.smith@example.net");
        assertThat(facet.path("uco-observable:sentTime").path("@type").asText()).isEqualTo("xsd:dateTime");
        assertThat(facet.path("uco-observable:sentTime").path("@value").asText()).isEqualTo("2024-04-01T20:00:00Z");
        String from = facet.path("uco-observable:from").path("@id").asText();
        JsonNode account = byId(b, from);
        assertThat(account.path("@type").asText()).isEqualTo("uco-observable:ApplicationAccount");
        assertThat(account.path("uco-core:hasFacet").get(0).path("uco-observable:accountIdentifier").asText()).isEqualTo("DarkStar");
        String app = account.path("uco-core:hasFacet").get(1).path("uco-observable:application").path("@id").asText();
        assertThat(byId(b, app).path("uco-core:name").asText()).isEqualTo("irc");
        assertThat(facet.path("uco-observable:application").path("@id").asText()).isEqualTo(app);
        assertThat(facet.path("uco-observable:to")).hasSize(1);
        // the e-mail found in the text is tied by a relationship that keeps role, field and offsets
        JsonNode rel = relationshipsTo(b, msg.path("@id").asText()).get(0);
        assertThat(rel.path("uco-core:kindOfRelationship").asText()).isEqualTo("text");
        assertThat(rel.path("opencets:start").asInt()).isEqualTo(11);
        assertThat(byId(b, rel.path("uco-core:source").path("@id").asText()).path("@type").asText())
                .isEqualTo("uco-observable:EmailAddress");
    }

    @Test
    void anEmailIsAnEmailMessageAndADateWithoutTimeIsNoDateTime() throws Exception {
        JsonNode b = exported();
        JsonNode msg = node(b, "uco-observable:EmailMessage");
        JsonNode facet = msg.path("uco-core:hasFacet").get(0);
        assertThat(facet.path("@type").asText()).isEqualTo("uco-observable:EmailMessageFacet");
        assertThat(facet.path("uco-observable:body").asText()).isEqualTo("see you");
        assertThat(facet.path("uco-observable:subject").asText()).isEqualTo("order");
        assertThat(facet.has("uco-observable:sentTime")).isFalse();
        assertThat(msg.path("opencets:occurredAt").asText()).isEqualTo("2024-04-02");
        assertThat(byId(b, facet.path("uco-observable:from").path("@id").asText()).path("uco-core:hasFacet").get(0)
                .path("uco-observable:addressValue").asText()).isEqualTo("seller@example.org");
    }

    @Test
    void aTransactionIsAnEventWhoseIdentifiersAreRelatedByRole() throws Exception {
        JsonNode b = exported();
        JsonNode event = node(b, "uco-observable:Event");
        JsonNode facet = event.path("uco-core:hasFacet").get(0);
        assertThat(facet.path("uco-observable:eventType").asText()).isEqualTo("transaction");
        assertThat(facet.path("uco-observable:startTime").path("@value").asText()).isEqualTo("2024-03-01T10:00:00");
        assertThat(event.path("opencets:recordKind").asText()).isEqualTo("transaction");
        assertThat(event.path("opencets:line").asLong()).isEqualTo(2);
        assertThat(event.path("opencets:byteOffset").asLong()).isEqualTo(40);
        List<JsonNode> rels = relationshipsTo(b, event.path("@id").asText());
        assertThat(rels).extracting(r -> r.path("uco-core:kindOfRelationship").asText())
                .containsExactly("buyer_card", "buyer_email", "buyer_ip", "buyer_ip", "buyer_phone", "buyer_url", "buyer_domain",
                        "camera", "buyer_file", "buyer_file", "buyer_file_pdq");
        JsonNode card = byId(b, rels.get(0).path("uco-core:source").path("@id").asText());
        assertThat(card.path("@type").asText()).isEqualTo("uco-observable:PaymentCard");
        assertThat(card.path("uco-core:hasFacet").get(0).path("uco-observable:accountIdentifier").asText()).isEqualTo("45567375…9855");
        JsonNode hash = card.path("uco-core:hasFacet").get(1).path("uco-observable:hash").get(0);
        assertThat(hash.path("uco-types:hashMethod").asText()).isEqualTo("HMAC-SHA256");
        assertThat(hash.path("uco-types:hashValue").path("@value").asText())
                .isEqualTo(ExportSamples.id(org.opencets.core.identifier.IdentifierType.CARD, "4556737586899855").value());
        JsonNode device = byId(b, rels.get(7).path("uco-core:source").path("@id").asText()).path("uco-core:hasFacet").get(0);
        assertThat(device.path("uco-observable:serialNumber").asText()).isEqualTo("1234ABC");
        assertThat(device.path("uco-observable:model").asText()).isEqualTo("eos 5d");
        assertThat(byId(b, device.path("uco-observable:manufacturer").path("@id").asText()).path("uco-core:name").asText())
                .isEqualTo("canon");
        JsonNode md5 = byId(b, rels.get(8).path("uco-core:source").path("@id").asText()).path("uco-core:hasFacet").get(0)
                .path("uco-observable:hash").get(0);
        assertThat(md5.path("uco-types:hashMethod").path("@value").asText()).isEqualTo("MD5");
        assertThat(byId(b, rels.get(3).path("uco-core:source").path("@id").asText()).path("@type").asText())
                .isEqualTo("uco-observable:IPv6Address");
    }

    @Test
    void noCardNumberIsWrittenAndIdsAreTheSameOnEveryExport() throws Exception {
        byte[] a = ExportSamples.export(ExportSamples.view(), ExportSamples.entries());
        byte[] b = ExportSamples.export(ExportSamples.view(), ExportSamples.entries());
        assertThat(a).isEqualTo(b);
        String text = new String(a, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("4556737586899855").doesNotContain("4556 7375 8689 9855");
    }

    @Test
    void eachIdentifierNodeIsWrittenOnce() throws Exception {
        List<CaseView.Entry> twice = new ArrayList<>(ExportSamples.entries());
        CaseView.Entry first = twice.get(0);
        twice.add(new CaseView.Entry(99, 2, RecordKind.MESSAGE, 9, -1, null, Map.of("text", "again"), first.mentions()));
        JsonNode b = JSON.readTree(ExportSamples.export(ExportSamples.view(), twice));
        assertThat(nodes(b, "uco-observable:ApplicationAccount")).hasSize(2);
        assertThat(nodes(b, "uco-observable:Application")).hasSize(1);
        assertThat(UcoStructure.check(b)).isEmpty();
    }

    /** Regression: the Application node of a message was once written inside the message's facet. */
    @Test
    void aMessageWhosePlatformNoAccountNamedGetsItsApplicationNodeBeforeIt() throws Exception {
        CaseView.Entry lone = new CaseView.Entry(5, 1, RecordKind.MESSAGE, 1, 0, null, Map.of("platform", "IRC", "text", "hi"),
                List.of());
        JsonNode b = JSON.readTree(ExportSamples.export(ExportSamples.view(), List.of(lone)));
        assertThat(UcoStructure.check(b)).isEmpty();
        JsonNode facet = node(b, "uco-observable:Message").path("uco-core:hasFacet").get(0);
        assertThat(byId(b, facet.path("uco-observable:application").path("@id").asText()).path("uco-core:name").asText())
                .isEqualTo("irc");
    }

    @Test
    void recordsMustArriveGroupedByImport() throws Exception {
        List<CaseView.Entry> e = ExportSamples.entries();
        try (CaseUcoWriter w = new CaseUcoWriter(new ByteArrayOutputStream())) {
            w.begin(ExportSamples.view());
            w.record(e.get(0));
            w.record(e.get(2));
            assertThatThrownBy(() -> w.record(e.get(1))).isInstanceOf(IllegalStateException.class).hasMessageContaining("grouped");
        }
    }

    @Test
    void anEmptyCaseIsAValidBundleWithoutInvestigationNodes() throws Exception {
        JsonNode b = JSON.readTree(ExportSamples.export(ExportSamples.view(), List.of()));
        assertThat(UcoStructure.check(b)).isEmpty();
        assertThat(b.path("uco-core:object")).hasSize(1);
    }

    @Test
    void storedTimesBecomeXsdDateTimesWithSeconds() {
        assertThat(CaseUcoWriter.xsdDateTime("2024-03-01T14:05")).isEqualTo("2024-03-01T14:05:00");
        assertThat(CaseUcoWriter.xsdDateTime("2024-03-01T14:05+02:00")).isEqualTo("2024-03-01T14:05:00+02:00");
        assertThat(CaseUcoWriter.xsdDateTime("2024-03-01T14:05:07.250Z")).isEqualTo("2024-03-01T14:05:07.25Z");
        assertThat(CaseUcoWriter.xsdDateTime("2024-03-01")).isNull();
        assertThat(CaseUcoWriter.xsdDateTime("yesterday at noon")).isNull();
        for (String s : List.of("2024-03-01T14:05", "2024-03-01T14:05+02:00", "2024-03-01T14:05:07.250Z")) {
            assertThat(UcoStructure.validDateTime(CaseUcoWriter.xsdDateTime(s))).as(s).isTrue();
        }
    }

    // ------------------------------------------------------------------ the check itself can fail

    @Test
    void theStructuralCheckFindsWhatTheShapesForbid() throws Exception {
        assertThat(problems(b -> facetOf(b, "uco-observable:Message").remove("@id"))).anyMatch(p -> p.contains("no @id"));
        assertThat(problems(b -> facetOf(b, "uco-observable:Message").put("uco-observable:sentTime", "2024-04-01T20:00:00Z")))
                .anyMatch(p -> p.contains("xsd:dateTime"));
        assertThat(problems(b -> facetOf(b, "uco-observable:Message").putObject("uco-observable:sentTime")
                .put("@type", "xsd:dateTime").put("@value", "2024-04-01T20:00Z"))).anyMatch(p -> p.contains("not a valid xsd:dateTime"));
        assertThat(problems(b -> facetOf(b, "uco-observable:Message").putObject("uco-observable:from").put("@id", "kb:nowhere")))
                .anyMatch(p -> p.contains("no node in the file defines"));
        assertThat(problems(b -> facetOf(b, "uco-observable:Message").put("uco-observable:messageTxt", "x")))
                .anyMatch(p -> p.contains("messageTxt"));
        assertThat(problems(b -> {
            ObjectNode other = facetOf(b, "uco-observable:EmailMessage");
            other.put("@id", facetOf(b, "uco-observable:Message").get("@id").asText());
        })).anyMatch(p -> p.contains("defined twice"));
        assertThat(problems(b -> objects(b).forEach(n -> {
            if (n.path("@type").asText().equals("uco-core:Relationship")) {
                ((ObjectNode) n).remove("uco-core:isDirectional");
            }
        }))).anyMatch(p -> p.contains("isDirectional"));
        assertThat(problems(b -> objects(b).forEach(n -> {
            if (n.path("@type").asText().equals("uco-observable:PaymentCard")) {
                ((ObjectNode) n.path("uco-core:hasFacet").get(1).path("uco-observable:hash").get(0)
                        .path("uco-types:hashValue")).put("@value", "not hex");
            }
        }))).anyMatch(p -> p.contains("hexBinary"));
        assertThat(problems(b -> ((ObjectNode) b.get("@context")).put("uco-core", "https://unifiedcyberontology.org/ontology/uco/core#")))
                .anyMatch(p -> p.contains("1.x namespace"));
        assertThat(problems(b -> ((ObjectNode) node(b, "uco-observable:Message")).put("@id", "kb:message-1")))
                .anyMatch(p -> p.contains("UUID"));
    }

    interface Mutation {
        void apply(ObjectNode bundle);
    }

    private static List<String> problems(Mutation m) throws Exception {
        ObjectNode b = (ObjectNode) exported();
        m.apply(b);
        return UcoStructure.check(b);
    }

    private static ObjectNode facetOf(JsonNode b, String type) {
        return (ObjectNode) node(b, type).path("uco-core:hasFacet").get(0);
    }

    private static ArrayNode objects(JsonNode b) {
        return (ArrayNode) b.path("uco-core:object");
    }

    static JsonNode byId(JsonNode bundle, String id) {
        for (JsonNode n : bundle.path("uco-core:object")) {
            if (n.path("@id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no node " + id);
    }

    static List<JsonNode> relationshipsTo(JsonNode bundle, String id) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : bundle.path("uco-core:object")) {
            if (n.path("@type").asText().equals("uco-core:Relationship") && n.path("uco-core:target").path("@id").asText().equals(id)) {
                out.add(n);
            }
        }
        return out;
    }
}
