package org.opencets.formats.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.csv.RepeatingInput;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.testing.ReaderHarness;

class TipJsonReaderTest {
    final TipJsonReader reader = new TipJsonReader();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = TipJsonReaderTest.class.getResourceAsStream("/tip/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    static List<String> mentions(ParsedRecord r, IdentifierType type) {
        return r.mentions().stream().filter(m -> m.identifier().type() == type)
                .map(m -> m.identifier().value() + " " + m.role()).toList();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneReportBecomesOneTipWithEveryIdentifier() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "single-report.json", resource("single-report.json"));
        assertThat(r.rejected).isEmpty();
        assertThat(r.warnings).isEmpty();
        ParsedRecord tip = r.records.get(0);
        assertThat(r.records).hasSize(1);
        assertThat(tip.kind()).isEqualTo(RecordKind.TIP);
        assertThat(tip.line()).isEqualTo(1);
        assertThat(tip.offset()).isZero();
        assertThat(tip.occurredAt()).isEqualTo("2024-05-01T22:10:00Z");
        assertThat(tip.fields()).containsEntry("report_id", "EC-2024-000187").containsEntry("esp", "ExampleChat Inc.")
                .containsEntry("platform", "examplechat").containsEntry("incident_type", "apparent child sexual abuse material");
        assertThat(mentions(tip, IdentifierType.EMAIL)).containsExactly(
                "star.backup@example.com text", "darkstar77@example.org reported_email", "d.star@example.net reported_email");
        assertThat(mentions(tip, IdentifierType.ACCOUNT)).containsExactly(
                "examplechat:darkstar_77 reported_account", "examplechat:884213 reported_account");
        assertThat(mentions(tip, IdentifierType.PHONE)).containsExactly(
                "+14155552675 text", "+14155552673 reported_phone");
        assertThat(mentions(tip, IdentifierType.IP)).hasSize(3).allSatisfy(m -> assertThat(m).endsWith(" reported_ip"));
        assertThat(mentions(tip, IdentifierType.FILE_HASH)).containsExactly(
                "md5:0cc175b9c0f1b6a831c399e269772661 reported_file",
                "sha1:86f7e437faa5a7fce15d1ddcb9eaeaea377667b8 reported_file",
                "sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb reported_file");
        assertThat(mentions(tip, IdentifierType.URL)).singleElement().asString().endsWith(" reported_url");
        assertThat(tip.mentions()).filteredOn(m -> m.identifier().type() == IdentifierType.EMAIL && m.role().equals("reported_email"))
                .extracting(Mention::field).containsOnly("reported_persons[0].emails");

        @SuppressWarnings("unchecked")
        Map<String, Object> person = ((List<Map<String, Object>>) tip.fields().get("reported_persons")).get(0);
        assertThat(person).containsEntry("display_name", "Dark Star").containsEntry("date_of_birth", "1990-04-12");
        assertThat((List<?>) person.get("ip_events")).first().isEqualTo(
                Map.of("ip", "81.2.69.160", "time", "2024-05-01T22:09:12Z", "port", 51234, "event", "login"));
        @SuppressWarnings("unchecked")
        Map<String, Object> file = ((List<Map<String, Object>>) tip.fields().get("uploaded_files")).get(0);
        assertThat(file).containsEntry("viewed_by_esp", true).containsEntry("publicly_available", false)
                .containsEntry("name", "IMG_0001.jpg").containsEntry("uploaded_at", "2024-05-01T22:09:40Z");
        assertThat(tip.fields().get("additional_info")).asString().startsWith("The user also wrote");
    }

    @Test
    void anArrayAndAWrapperOfReportsEachTipWithItsLine() throws IOException {
        ReaderHarness.Result array = ReaderHarness.read(reader, "reports-array.json", resource("reports-array.json"));
        assertThat(array.rejected).isEmpty();
        assertThat(array.records).extracting(ParsedRecord::line).containsExactly(2L, 11L);
        ParsedRecord second = array.records.get(1);
        assertThat(second.occurredAt()).isEqualTo("2024-05-03T09:30+02:00");
        assertThat(second.fields()).containsEntry("platform", "examplechat-inc.");
        assertThat(mentions(second, IdentifierType.ACCOUNT)).containsExactly("examplechat-inc.:991002 reported_account");
        byte[] bytes = resource("reports-array.json");
        assertThat(new String(bytes, (int) second.offset(), 1, StandardCharsets.UTF_8)).isEqualTo("{");

        ReaderHarness.Result wrapped = ReaderHarness.read(reader, "reports-wrapper.json", resource("reports-wrapper.json"));
        assertThat(wrapped.records).extracting(rec -> rec.fields().get("report_id")).containsExactly("PH-1", "PH-2");
        assertThat(wrapped.records).extracting(ParsedRecord::line).containsExactly(4L, 6L);
        assertThat(mentions(wrapped.records.get(1), IdentifierType.EMAIL)).containsExactly("snapper2@example.org reported_email");
    }

    @Test
    void badReportsAreRejectedWithTheirLineAndTheRestRead() throws IOException {
        String json = """
                [
                  {"report_id": "1", "reported_persons": [{"emails": ["not-an-email"]}]},
                  {"report_id": "2", "incident": {"time": "2024-02-30T10:00:00Z"}},
                  {"report_id": "3", "reported_persons": [{"date_of_birth": "1990-02-30"}]},
                  {"report_id": "4", "reported_persons": [{"ip_events": [{"ip": "81.2.69.160", "port": 70000}]}]},
                  {"report_id": "5", "reported_persons": [{"screen_names": ["x"]}]},
                  {"report_id": "6", "uploaded_files": [{"md5": "abc"}]},
                  {"report_id": "7", "uploaded_files": [{"viewed_by_esp": "yes"}]},
                  {"report_id": 8, "reported_persons": {"emails": "ok@example.org"}},
                  "a string",
                  {"unrelated": true},
                  {"report_id": "11", "reported_persons": [{"ip_events": [{"ip": "81.2.69.160", "time": "2024-13-01T00:00:00Z"}]}]}
                ]
                """;
        ReaderHarness.Result r = ReaderHarness.read(reader, "t.json", utf8(json));
        assertThat(r.records).singleElement().satisfies(rec -> {
            assertThat(rec.fields()).containsEntry("report_id", "8");
            assertThat(rec.line()).isEqualTo(9);
        });
        assertThat(r.rejected).hasSize(10);
        assertThat(r.rejected.get(0)).startsWith("2: reported_persons[0].emails: ");
        assertThat(r.rejected.get(1)).startsWith("3: incident.time: '2024-02-30T10:00:00Z' is not a valid date");
        assertThat(r.rejected.get(2)).isEqualTo("4: reported_persons[0].date_of_birth: '1990-02-30' is not a real date (write YYYY-MM-DD)");
        assertThat(r.rejected.get(3)).isEqualTo("5: reported_persons[0].ip_events[0].port: '70000' is not a port (0 to 65535)");
        assertThat(r.rejected.get(4)).startsWith("6: reported_persons[0].screen_names: an account needs a platform");
        assertThat(r.rejected.get(5)).startsWith("7: uploaded_files[0].md5: ");
        assertThat(r.rejected.get(6)).isEqualTo("8: uploaded_files[0].viewed_by_esp must be true or false");
        assertThat(r.rejected.get(7)).isEqualTo("10: a report must be a JSON object, not a string");
        assertThat(r.rejected.get(8)).startsWith("11: not a tip: ");
        assertThat(r.rejected.get(9)).startsWith("12: reported_persons[0].ip_events[0].time: '2024-13-01T00:00:00Z' is not a real");
        assertThat(r.warnings).singleElement().asString().contains("unrelated");
    }

    @Test
    void truncatedAndWronglyNestedJsonEndsTheFileWithItsLine() throws IOException {
        byte[] whole = resource("reports-array.json");
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        ReaderHarness.Result sink = new ReaderHarness.Result();
        assertThatThrownBy(() -> reader.read(ReaderHarness.source("cut.json", cut, null, Map.of()), sink))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("cut.json:").hasMessageContaining("JSON");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "n.json", utf8("[{\"report_id\": \"1\"]}")))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("n.json:1: not valid JSON");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "two.json", utf8("{\"report_id\": \"1\"}\n{\"report_id\": \"2\"}")))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("two.json:2: more JSON after the end");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "s.json", utf8("\"a tip\"")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not a string");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "d.json", utf8("{\"report_id\": \"1\", \"report_id\": \"2\"}")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Duplicate field");
        assertThat(ReaderHarness.read(reader, "v.json", utf8("{\"tip_format\": \"opencets-tip/2\", \"report_id\": \"1\"}")).rejected)
                .singleElement().asString().contains("reads opencets-tip/1");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "w.json", utf8("{\"tip_format\": \"opencets-tip/2\", \"reports\": []}")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("reads opencets-tip/1");
        String deep = "[" + "[".repeat(100) + "]".repeat(100) + "]";
        assertThatThrownBy(() -> ReaderHarness.read(reader, "deep.json", utf8(deep)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void encodings() throws IOException {
        String json = "{\"report_id\": \"1\", \"reported_persons\": [{\"display_name\": \"Zoë\"}]}";
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(utf8(json));
        assertThat(ReaderHarness.read(reader, "b.json", bom.toByteArray()).records).singleElement()
                .satisfies(rec -> assertThat(rec.fields().get("reported_persons").toString()).contains("Zoë"));
        assertThat(reader.sniff("b.json", bom.toByteArray())).isPositive();
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write(json.getBytes(StandardCharsets.UTF_16LE));
        assertThat(ReaderHarness.read(reader, "u.json", utf16.toByteArray()).records).hasSize(1);
        byte[] cp1252 = json.getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> ReaderHarness.read(reader, "w.json", cp1252))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("w.json:1: ").hasMessageContaining("--encoding");
        assertThat(ReaderHarness.read(reader, "w.json", cp1252, Charset.forName("windows-1252"), Map.of()).records)
                .singleElement().satisfies(rec -> {
                    assertThat(rec.fields().get("reported_persons").toString()).contains("Zoë");
                    assertThat(rec.offset()).isEqualTo(-1);
                });
    }

    @Test
    void cardNumbersInFreeTextAreMaskedAndKeptAsCards() throws IOException {
        String json = "{\"report_id\": \"1\", \"additional_info\": \"paid with 4556 7375 8689 9855\","
                + " \"reported_persons\": [{\"display_name\": \"card 4556737586899855\"}]}";
        ParsedRecord tip = ReaderHarness.read(reader, "c.json", utf8(json)).records.get(0);
        assertThat(tip.fields().toString()).doesNotContain("4556737586899855").doesNotContain("4556 7375 8689 9855");
        assertThat(mentions(tip, IdentifierType.CARD)).singleElement().asString().endsWith(" text");
    }

    @Test
    void thePlatformOptionNamesAccountsWhenTheReportDoesNot() throws IOException {
        String json = "{\"report_id\": \"1\", \"reported_persons\": [{\"screen_names\": \"@Dark\"}]}";
        ReaderHarness.Result r = ReaderHarness.read(reader, "p.json", utf8(json), null, Map.of("platform", "kik"));
        assertThat(mentions(r.records.get(0), IdentifierType.ACCOUNT)).containsExactly("kik:dark reported_account");
    }

    /** 100 MB in one string on one line: refused as too large, without filling memory. */
    @Test
    void aHundredMegabyteLineIsRefused() {
        byte[] head = utf8("[{\"report_id\": \"1\", \"additional_info\": \"");
        ReadSource source = new ReadSource("huge.json",
                () -> new RepeatingInput(head, utf8("abcdefgh"), 100L * 1024 * 1024, utf8("\"}]")),
                null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
        ReaderHarness.Result sink = new ReaderHarness.Result();
        assertThatThrownBy(() -> reader.read(source, sink))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("huge.json:1: not valid JSON")
                .hasMessageContaining("String value length");
    }

    /** Many small values in one report: the report is refused by its size, and the next one is read. */
    @Test
    void aReportLargerThanTheBudgetIsSkippedAndTheNextRead() throws IOException {
        byte[] head = utf8("[{\"report_id\": \"1\", \"reported_persons\": [{\"emails\": [\"a@example.org\"");
        byte[] tail = utf8("]}]},\n{\"report_id\": \"2\"}]");
        ReadSource source = new ReadSource("many.json",
                () -> new RepeatingInput(head, utf8(", \"a@example.org\""), 17L * 1_700_000, tail),
                null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
        ReaderHarness.Result r = new ReaderHarness.Result();
        reader.read(source, r);
        assertThat(r.rejected).singleElement().asString().isEqualTo("1: the report is larger than 16 MiB; it is not a tip");
        assertThat(r.records).singleElement().satisfies(rec -> assertThat(rec.fields()).containsEntry("report_id", "2"));
    }

    @Test
    void fuzz() throws IOException {
        long seed = System.nanoTime();
        System.out.println("tip-json fuzz seed " + seed);
        ReaderHarness.fuzz(reader, "single-report.json", resource("single-report.json"), seed, 500);
        System.out.println("tip-json fuzz seed " + (seed + 1));
        ReaderHarness.fuzz(reader, "reports-array.json", resource("reports-array.json"), seed + 1, 300);
    }
}
