package org.opencets.formats.caseuco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.Formats;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.testing.ReaderHarness;

class CaseUcoReaderTest {
    final CaseUcoReader reader = new CaseUcoReader();

    static byte[] fixture() throws IOException {
        try (InputStream in = CaseUcoReaderTest.class.getResourceAsStream("/caseuco/chat-and-mail.jsonld")) {
            return in.readAllBytes();
        }
    }

    static List<String> labels(ParsedRecord r) {
        return r.mentions().stream().map(m -> m.role() + " " + m.identifier().key()).toList();
    }

    @Test
    void theFixtureIsAValidDocumentByTheSameChecksAsOurExports() throws Exception {
        assertThat(UcoStructure.check(new com.fasterxml.jackson.databind.ObjectMapper().readTree(fixture()))).isEmpty();
    }

    @Test
    void messagesFollowReferencesToNodesDefinedLater() throws Exception {
        ReaderHarness.Result r = ReaderHarness.read(reader, "chat-and-mail.jsonld", fixture());
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).extracting(ParsedRecord::kind)
                .containsExactly(RecordKind.MESSAGE, RecordKind.MESSAGE, RecordKind.NOTE, RecordKind.NOTE);
        ParsedRecord chat = r.records.get(0);
        assertThat(chat.line()).isEqualTo(12);
        assertThat(new String(fixture(), StandardCharsets.UTF_8).substring((int) chat.offset()).stripLeading()).startsWith("{");
        assertThat(chat.occurredAt()).isEqualTo("2024-06-01T21:15:00.250Z");
        assertThat(labels(chat)).containsExactlyInAnyOrder(
                "sender account:whatsapp:rob_77",
                "recipient account:whatsapp:sally.s",
                "recipient phone:+14155552671",
                "attachment_of file_hash:md5:0cc175b9c0f1b6a831c399e269772661",
                "attachment_of file_hash:sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
                "text url:http://pics.example.com/x",
                "text email:rob@example.com");
        assertThat(chat.fields()).containsEntry("platform", "WhatsApp").containsEntry("from", "Rob_77")
                .containsEntry("text", "meet at http://pics.example.com/x or mail rob@example.com")
                .containsEntry("case_uco_type", "observable:Message");
        Mention url = chat.mentions().stream().filter(m -> m.identifier().type() == IdentifierType.URL).findFirst().orElseThrow();
        assertThat(chat.fields().get("text").toString().substring(url.start(), url.end())).isEqualTo("http://pics.example.com/x");
    }

    @Test
    void anEmailKeepsItsRecipientsAndCardNumbersInItsBodyAreHashedAndMasked() throws Exception {
        ParsedRecord mail = ReaderHarness.read(reader, "chat-and-mail.jsonld", fixture()).records.get(1);
        assertThat(mail.occurredAt()).isEqualTo("2024-06-02T08:00+02:00");
        assertThat(labels(mail)).contains("sender email:rob.seller@example.org", "recipient email:buyer1@example.net",
                "recipient email:archive@example.net", "sent_from ip:81.2.69.160", "text phone:+447400123456");
        Mention card = mail.mentions().stream().filter(m -> m.identifier().type() == IdentifierType.CARD).findFirst().orElseThrow();
        assertThat(card.raw()).isEqualTo("41111111…1111");
        assertThat(mail.fields().toString()).doesNotContain("4111 1111 1111 1111").contains("41111111…1111");
        assertThat(mail.fields()).containsEntry("subject", "new set");
    }

    @Test
    void identifierNodesNoRecordUsesBecomeNotesAndAnAccountWithoutPlatformIsReported() throws Exception {
        ReaderHarness.Result r = ReaderHarness.read(reader, "chat-and-mail.jsonld", fixture());
        assertThat(labels(r.records.get(2))).containsExactly("device device:canon|eos 5d|1234ABC");
        assertThat(labels(r.records.get(3))).containsExactly("url url:https://forum.example.net/t/42");
        assertThat(r.records.get(2).fields()).containsEntry("case_uco_type", "observable:Device");
        assertThat(r.warnings).anyMatch(w -> w.startsWith("1 account(s) name no application"));
    }

    @Test
    void anExportReadsBackAsTheSameRecords() throws Exception {
        List<CaseView.Entry> entries = ExportSamples.entries();
        byte[] bytes = ExportSamples.export(ExportSamples.view(), entries);
        ReaderHarness.Result r = ReaderHarness.read(reader, "case.jsonld", bytes);
        assertThat(r.rejected).isEmpty();
        assertThat(r.warnings).isEmpty();
        assertSameRecords(entries, r.records);
        assertThat(r.records.get(2).mentions()).filteredOn(m -> m.identifier().type() == IdentifierType.CARD)
                .singleElement().satisfies(m -> assertThat(m.raw()).isEqualTo("45567375…9855"));
    }

    static void assertSameRecords(List<CaseView.Entry> entries, List<ParsedRecord> records) {
        assertThat(records).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            CaseView.Entry e = entries.get(i);
            ParsedRecord r = records.get(i);
            assertThat(r.kind()).isEqualTo(e.kind());
            assertThat(r.occurredAt()).isEqualTo(e.occurredAt());
            assertThat(r.fields()).isEqualTo(e.fields());
            assertThat(mentionKeys(r.mentions())).as("record " + i).isEqualTo(mentionKeys(e.mentions()));
        }
    }

    static List<String> mentionKeys(List<Mention> ms) {
        List<String> out = new ArrayList<>();
        for (Mention m : ms) {
            out.add(m.identifier().key() + " " + m.identifier().display() + " " + m.role() + " " + m.field() + " " + m.start() + " " + m.end());
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void cardHashesMadeUnderAnotherKeyAreNotTakenForOurs() throws Exception {
        byte[] bytes = ExportSamples.export(ExportSamples.view(), ExportSamples.entries());
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        IdentifierContext ctx = new IdentifierContext("GB", new CardHasher(other));
        ReaderHarness.Result r = new ReaderHarness.Result();
        reader.read(new ReadSource("case.jsonld", () -> new java.io.ByteArrayInputStream(bytes), null, ctx, Map.of(),
                ReadSource.DEFAULT_MAX_LINE_BYTES), r);
        assertThat(r.records).hasSize(3);
        assertThat(r.records).flatMap(ParsedRecord::mentions).noneMatch(m -> m.identifier().type() == IdentifierType.CARD);
        assertThat(r.warnings).anyMatch(w -> w.contains("another deployment's card key"));
    }

    @Test
    void aCardNumberInAForeignBundleIsHashedOnReadingAndNeverKept() throws Exception {
        String doc = """
                {"@context": {"kb": "http://example.org/kb/", "uco-core": "https://ontology.unifiedcyberontology.org/uco/core/",
                  "uco-observable": "https://ontology.unifiedcyberontology.org/uco/observable/"},
                 "@graph": [
                  {"@id": "kb:card-1", "@type": "uco-observable:PaymentCard", "uco-core:hasFacet": [
                    {"@id": "kb:f-1", "@type": "uco-observable:AccountFacet", "uco-observable:accountIdentifier": "4556-7375-8689-9855"}]},
                  {"@id": "kb:card-2", "@type": "uco-observable:PaymentCard", "uco-core:hasFacet": [
                    {"@id": "kb:f-2", "@type": "uco-observable:AccountFacet", "uco-observable:accountIdentifier": "4556-7375-8689-9856"}]}
                 ]}""";
        ReaderHarness.Result r = ReaderHarness.read(reader, "cards.jsonld", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(rec -> {
            assertThat(rec.mentions().get(0).identifier().value())
                    .isEqualTo(ExportSamples.id(IdentifierType.CARD, "4556737586899855").value());
            assertThat(rec.toString()).doesNotContain("4556737586899855").doesNotContain("4556-7375-8689-9855");
        });
        assertThat(r.rejected).singleElement().asString().contains("kb:card-2").contains("Luhn").doesNotContain("9856");
    }

    @Test
    void olderNamespacesABundleAContextAfterTheNodesAndStringReferencesAreReadAlike() throws Exception {
        String doc = """
                {"uco-core:object": [
                   {"@id": "kb:m1", "@type": "observable:Message", "uco-core:hasFacet": {
                      "@type": "observable:MessageFacet", "observable:messageText": "hi",
                      "observable:from": "kb:e1", "observable:to": {"@id": "kb:e2"},
                      "observable:sentTime": "2024-01-02T03:04:05Z"}},
                   {"@id": "kb:e1", "@type": "observable:EmailAddress",
                    "uco-core:hasFacet": {"@type": "observable:EmailAddressFacet", "observable:addressValue": "a@example.org"}},
                   {"@id": "kb:e2", "@type": "observable:EmailAddress",
                    "uco-core:hasFacet": [{"@type": "observable:EmailAddressFacet", "observable:addressValue": "b@example.org"}]}
                 ],
                 "@id": "kb:bundle", "@type": "uco-core:Bundle",
                 "@context": {"kb": "http://example.org/kb/",
                   "uco-core": "https://unifiedcyberontology.org/ontology/uco/core#",
                   "observable": "https://unifiedcyberontology.org/ontology/uco/observable#"}}
                """;
        ReaderHarness.Result r = ReaderHarness.read(reader, "old.json", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(rec -> {
            assertThat(labels(rec)).containsExactly("sender email:a@example.org", "recipient email:b@example.org");
            assertThat(rec.occurredAt()).isEqualTo("2024-01-02T03:04:05Z");
            assertThat(rec.line()).isEqualTo(2);
        });
    }

    @Test
    void detectionPrefersThisReaderForCaseDocumentsOnly() throws Exception {
        byte[] export = ExportSamples.export(ExportSamples.view(), ExportSamples.entries());
        assertThat(reader.sniff("x.json", Arrays.copyOf(export, Math.min(export.length, 65536)))).isEqualTo(95);
        assertThat(reader.sniff("x.json", fixture())).isEqualTo(95);
        assertThat(reader.sniff("x.jsonl", "{\"kind\":\"note\",\"text\":\"a\"}\n".getBytes(StandardCharsets.UTF_8))).isZero();
        Formats formats = Formats.installed();
        assertThat(formats.detect("export.jsonld", export).orElseThrow().format()).isEqualTo("case-uco");
        assertThat(formats.detect("chat.json", fixture()).orElseThrow().format()).isEqualTo("case-uco");
        assertThat(formats.byName("case-uco")).isInstanceOf(CaseUcoReader.class);
    }

    // ------------------------------------------------------------------ encodings

    @Test
    void byteOrderMarksAndUtf16AreReadAndWindows1252WhenNamed() throws Exception {
        String doc = new String(fixture(), StandardCharsets.UTF_8).replace("new set", "neues Café");
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(doc.getBytes(StandardCharsets.UTF_8));
        assertThat(ReaderHarness.read(reader, "a.jsonld", bom.toByteArray()).records).hasSize(4);
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write(doc.getBytes(StandardCharsets.UTF_16LE));
        assertThat(Formats.installed().detect("a.json", utf16.toByteArray()).orElseThrow().format()).isEqualTo("case-uco");
        ReaderHarness.Result u = ReaderHarness.read(reader, "a.jsonld", utf16.toByteArray());
        assertThat(u.records).hasSize(4);
        assertThat(u.records.get(1).fields()).containsEntry("subject", "neues Café");
        byte[] cp1252 = doc.getBytes(Charset.forName("windows-1252"));
        int cafe = doc.indexOf("Café") + 3;
        long badAt = doc.substring(0, cafe).getBytes(Charset.forName("windows-1252")).length;
        assertThatThrownBy(() -> ReaderHarness.read(reader, "a.jsonld", cp1252))
                .isInstanceOf(BadInputException.class).hasMessageContaining("UTF-8")
                .hasMessageContaining("bytes at offset " + badAt + " are not valid UTF-8").hasMessageContaining("--encoding windows-1252");
        ReaderHarness.Result w = ReaderHarness.read(reader, "a.jsonld", cp1252, Charset.forName("windows-1252"), Map.of());
        assertThat(w.records.get(1).fields()).containsEntry("subject", "neues Café");
        assertThat(w.records.get(1).offset()).isEqualTo(-1);
    }

    // ------------------------------------------------------------------ hostile input

    @Test
    void aTruncatedDocumentFailsAsAWholeWithItsLine() throws Exception {
        byte[] f = fixture();
        byte[] cut = Arrays.copyOf(f, f.length / 2);
        assertThatThrownBy(() -> ReaderHarness.read(reader, "cut.jsonld", cut))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cut short")
                .satisfies(e -> assertThat(((BadInputException) e).line()).isGreaterThan(100));
        ReaderHarness.Result collect = new ReaderHarness.Result();
        assertThatThrownBy(() -> reader.read(ReaderHarness.source("cut.jsonld", cut, null, Map.of()), collect))
                .isInstanceOf(BadInputException.class);
        assertThat(collect.records).as("nothing is handed on before the whole file has been read once").isEmpty();
    }

    @Test
    void wrongNestingIsAClearError() {
        for (String doc : List.of("\"just a string\"", "{\"@graph\": [1, 2, {\"@id\": \"x\"}] ] }", "{\"@graph\": [}",
                "[".repeat(100_000), "{} {}", "")) {
            assertThatThrownBy(() -> ReaderHarness.read(reader, "bad.jsonld", doc.getBytes(StandardCharsets.UTF_8)))
                    .as(doc.length() > 40 ? doc.substring(0, 40) : doc)
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("bad.jsonld");
        }
    }

    @Test
    void aGraphThatIsNotAnArrayOrNodesOfTheWrongShapeYieldNothingRatherThanNonsense() throws Exception {
        String doc = """
                {"@context": {"uco-core": "https://ontology.unifiedcyberontology.org/uco/core/",
                  "uco-observable": "https://ontology.unifiedcyberontology.org/uco/observable/"},
                 "@graph": {"@id": "x", "@type": "uco-observable:Message", "uco-core:hasFacet": "not a facet"},
                 "uco-core:object": [ {"@id": "y", "uco-core:hasFacet": [[{"@type": "uco-observable:EmailAddressFacet"}]]},
                   {"@id": "z", "@type": 17, "uco-core:hasFacet": [{"@type": ["uco-observable:EmailAddressFacet"],
                     "uco-observable:addressValue": {"@value": {"nested": true}}}]} ]}""";
        ReaderHarness.Result r = ReaderHarness.read(reader, "odd.jsonld", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).isEmpty();
        assertThat(r.rejected).isEmpty();
    }

    @Test
    void unresolvedReferencesKeepTheRecordAndAreReported() throws Exception {
        String doc = """
                {"@context": {"kb": "http://example.org/kb/", "uco-core": "https://ontology.unifiedcyberontology.org/uco/core/",
                  "uco-observable": "https://ontology.unifiedcyberontology.org/uco/observable/"},
                 "@graph": [
                  {"@id": "kb:m", "@type": "uco-observable:Message", "uco-core:hasFacet": [{"@id": "kb:mf",
                    "@type": "uco-observable:MessageFacet", "uco-observable:from": {"@id": "kb:missing"},
                    "uco-observable:to": [{"@id": "kb:also-missing"}], "uco-observable:messageText": "write to x@example.org"}]},
                  {"@id": "kb:r", "@type": "uco-core:Relationship", "uco-core:source": {"@id": "kb:ghost"},
                    "uco-core:target": {"@id": "kb:m"}, "uco-core:kindOfRelationship": "Mentioned_In", "uco-core:isDirectional": true}
                 ]}""";
        ReaderHarness.Result r = ReaderHarness.read(reader, "refs.jsonld", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(rec -> assertThat(labels(rec)).containsExactly("text email:x@example.org"));
        assertThat(r.warnings).anyMatch(w -> w.startsWith("2 reference(s)"));
    }

    @Test
    void impossibleDatesAndBadValuesRejectTheirNodeByLine() throws Exception {
        String doc = """
                {"@context": {"kb": "http://example.org/kb/", "uco-core": "https://ontology.unifiedcyberontology.org/uco/core/",
                  "uco-observable": "https://ontology.unifiedcyberontology.org/uco/observable/"},
                 "@graph": [
                  {"@id": "kb:m", "@type": "uco-observable:Message", "uco-core:hasFacet": [{"@id": "kb:mf",
                    "@type": "uco-observable:MessageFacet", "uco-observable:messageText": "hello",
                    "uco-observable:sentTime": {"@type": "xsd:dateTime", "@value": "2024-02-30T10:00:00Z"}}]},
                  {"@id": "kb:e", "@type": "uco-observable:EmailAddress", "uco-core:hasFacet": [{"@id": "kb:ef",
                    "@type": "uco-observable:EmailAddressFacet", "uco-observable:addressValue": "not-an-address"}]},
                  {"@id": "kb:ok", "@type": "uco-observable:Message", "uco-core:hasFacet": [{"@id": "kb:okf",
                    "@type": "uco-observable:MessageFacet", "uco-observable:messageText": "fine"}]}
                 ]}""";
        ReaderHarness.Result r = ReaderHarness.read(reader, "dates.jsonld", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).hasSize(1);
        assertThat(r.rejected).hasSize(2);
        assertThat(r.rejected.get(0)).startsWith("7: node kb:e, observable:addressValue:");
        assertThat(r.rejected.get(1)).startsWith("4: node kb:m: '2024-02-30T10:00:00Z' is not a valid xsd:dateTime");
        assertThatThrownBy(() -> ReaderHarness.readStrict(reader, "dates.jsonld", doc.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("dates.jsonld:7:");
    }

    @Test
    void aHundredMegabyteSingleLineIsRefusedWithoutFillingMemory() {
        byte[] head = ("{\"@context\": {\"uco-core\": \"https://ontology.unifiedcyberontology.org/uco/core/\", "
                + "\"uco-observable\": \"https://ontology.unifiedcyberontology.org/uco/observable/\"}, \"@graph\": [{\"@id\": \"m\", "
                + "\"@type\": \"uco-observable:Message\", \"uco-core:hasFacet\": [{\"@type\": \"uco-observable:MessageFacet\", "
                + "\"uco-observable:messageText\": \"").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}]}]}".getBytes(StandardCharsets.UTF_8);
        long body = 100L * 1024 * 1024;
        ReadSource source = new ReadSource("huge.jsonld", () -> new SequenceInputStream(Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head), new RepeatingStream((byte) 'x', body), new java.io.ByteArrayInputStream(tail)))),
                null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
        ReaderHarness.Result r = new ReaderHarness.Result();
        assertThatThrownBy(() -> reader.read(source, r)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("huge.jsonld:1:").hasMessageContaining("String value length");
        assertThat(r.records).isEmpty();
    }

    /** {@code n} copies of one byte, without holding them. */
    static final class RepeatingStream extends InputStream {
        private final byte b;
        private long left;

        RepeatingStream(byte b, long n) {
            this.b = b;
            this.left = n;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return b & 0xFF;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(buf, off, off + n, b);
            left -= n;
            return n;
        }
    }

    @Test
    void fuzzedDocumentsGiveRecordsOrAClearError() throws Exception {
        long seed = Long.getLong("cets.fuzz.seed", System.nanoTime());
        System.out.println("CaseUcoReaderTest fuzz seed " + seed + " (replay: -Dcets.fuzz.seed=" + seed + ")");
        int errors = ReaderHarness.fuzz(reader, "chat-and-mail.jsonld", fixture(), seed, 400);
        int exportErrors = ReaderHarness.fuzz(reader, "case.jsonld", ExportSamples.export(ExportSamples.view(),
                ExportSamples.entries()), seed + 1, 300);
        assertThat(errors + exportErrors).as("most mutants of a JSON document break its syntax").isGreaterThan(100);
    }

    @Test
    void nodesNestedInOtherNodesAreFound() throws Exception {
        String doc = """
                {"@context": {"kb": "http://example.org/kb/", "uco-core": "https://ontology.unifiedcyberontology.org/uco/core/",
                  "uco-observable": "https://ontology.unifiedcyberontology.org/uco/observable/"},
                 "@graph": [
                  {"@id": "kb:b", "@type": "uco-core:Bundle", "uco-core:object": [
                    {"@id": "kb:m", "@type": "uco-observable:Message", "uco-core:hasFacet": [{"@id": "kb:mf",
                      "@type": "uco-observable:MessageFacet",
                      "uco-observable:from": {"@id": "kb:p", "@type": "uco-observable:PhoneAccount", "uco-core:hasFacet": [
                        {"@id": "kb:pf", "@type": "uco-observable:PhoneAccountFacet", "uco-observable:phoneNumber": "+1 415 555 2671"}]}}]}
                  ]}]}""";
        ReaderHarness.Result r = ReaderHarness.read(reader, "nested.jsonld", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(rec -> assertThat(labels(rec)).containsExactly("sender phone:+14155552671"));
    }

    static TreeSet<String> keys(List<ParsedRecord> records) {
        return records.stream().flatMap(r -> r.mentions().stream()).map(m -> m.identifier().key())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
