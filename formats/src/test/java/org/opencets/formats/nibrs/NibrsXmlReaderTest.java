package org.opencets.formats.nibrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.csv.RepeatingInput;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.testing.ReaderHarness;

class NibrsXmlReaderTest {
    final NibrsXmlReader reader = new NibrsXmlReader();

    static final String OPEN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <nibrs:Submission xmlns:nibrs="http://fbi.gov/cjis/nibrs/2019.2"
                xmlns:j="http://release.niem.gov/niem/domains/jxdm/6.1/"
                xmlns:nc="http://release.niem.gov/niem/niem-core/4.0/"
                xmlns:s="http://release.niem.gov/niem/structures/4.0/">
            """;
    static final String CLOSE = "</nibrs:Submission>\n";

    static String report(String arrestId, String date, String person) {
        return "<nibrs:Report><nibrs:ReportHeader><nibrs:ReportActionCategoryCode>A</nibrs:ReportActionCategoryCode>"
                + "<nibrs:ReportingAgency><j:OrganizationAugmentation><j:OrganizationORIIdentification>"
                + "<nc:IdentificationID>ZZ0000001</nc:IdentificationID></j:OrganizationORIIdentification>"
                + "</j:OrganizationAugmentation></nibrs:ReportingAgency></nibrs:ReportHeader>"
                + "<nc:Person s:id=\"P1\">" + person + "</nc:Person>"
                + "<j:Arrestee s:id=\"A1\"><nc:RoleOfPerson s:ref=\"P1\"/></j:Arrestee>"
                + "<j:Arrest s:id=\"R1\"><nc:ActivityIdentification><nc:IdentificationID>" + arrestId
                + "</nc:IdentificationID></nc:ActivityIdentification><nc:ActivityDate><nc:Date>" + date
                + "</nc:Date></nc:ActivityDate><j:ArrestCharge><nibrs:ChargeUCRCode>370</nibrs:ChargeUCRCode>"
                + "</j:ArrestCharge></j:Arrest>"
                + "<j:ArrestSubjectAssociation><nc:Activity s:ref=\"R1\"/><j:Subject s:ref=\"A1\"/></j:ArrestSubjectAssociation>"
                + "</nibrs:Report>\n";
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = NibrsXmlReaderTest.class.getResourceAsStream("/nibrs/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    @Test
    void groupBArrestsAndGroupAArresteesOneRecordEach() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "group-b-arrests.xml", resource("group-b-arrests.xml"));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).hasSize(4).allSatisfy(rec -> {
            assertThat(rec.kind()).isEqualTo(RecordKind.ARREST);
            assertThat(rec.offset()).isEqualTo(-1);
        });
        assertThat(r.records).extracting(ParsedRecord::line).containsExactly(55L, 100L, 197L, 197L);
        assertThat(r.warnings).singleElement().asString().startsWith("1 delete report(s) skipped");

        ParsedRecord john = r.records.get(0);
        assertThat(john.occurredAt()).isEqualTo("2024-03-20");
        assertThat(john.fields()).containsEntry("id", "ATN-24-0001").containsEntry("given_name", "John")
                .containsEntry("surname", "Smith").containsEntry("dob", "1980-02-03").containsEntry("sex", "M")
                .containsEntry("charges", "370; 90Z").containsEntry("ori", "ZZ0160000")
                .containsEntry("arrest_category", "O").containsEntry("report_category", "GROUP B ARREST REPORT")
                .containsEntry("report_month", "2024-03").containsEntry("arrestee_sequence", "1")
                .containsEntry("race", "W").containsEntry("ethnicity", "N").containsEntry("resident", "R");
        assertThat(john.fields()).doesNotContainKey("name");

        ParsedRecord anonymous = r.records.get(1);
        assertThat(anonymous.fields()).containsEntry("age", "34").containsEntry("sex", "F").containsEntry("charges", "90D")
                .doesNotContainKeys("given_name", "surname", "dob");

        assertThat(r.records.get(2).fields()).containsEntry("age", "25-30").containsEntry("incident_id", "INC-24-3301")
                .containsEntry("arrestee_sequence", "1").containsEntry("ori", "ZZ0170000");
        assertThat(r.records.get(2).occurredAt()).isEqualTo("2024-03-11T06:30");
        assertThat(r.records.get(3).fields()).containsEntry("name", "Richard Roe").containsEntry("dob", "1975-12-25")
                .containsEntry("sex", "M").containsEntry("arrestee_sequence", "2");
    }

    @Test
    void laterIepdVersionsAndManyReportsOnOneLine() throws IOException {
        String xml = OPEN + report("X1", "2024-01-02", "<j:PersonSexCode>M</j:PersonSexCode>")
                + report("X2", "2024-01-03", "<nc:PersonAgeMeasure><nc:MeasureValueText>BABY</nc:MeasureValueText></nc:PersonAgeMeasure>")
                + CLOSE;
        ReaderHarness.Result r = ReaderHarness.read(reader, "n.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).extracting(rec -> rec.fields().get("id")).containsExactly("X1", "X2");
        assertThat(r.records.get(1).fields()).containsEntry("age", "BABY");
        assertThat(r.records).extracting(ParsedRecord::line).containsExactly(6L, 7L);
    }

    @Test
    void impossibleDatesRejectTheirArrestWithLineAndReason() throws IOException {
        String xml = OPEN + report("X1", "2024-02-30", "")
                + report("X2", "2024-02-29", "<nc:PersonBirthDate><nc:Date>1990-13-01</nc:Date></nc:PersonBirthDate>")
                + report("X3", "2024-02-29", "<nc:PersonAgeMeasure><nc:MeasureIntegerValue>400</nc:MeasureIntegerValue></nc:PersonAgeMeasure>")
                + report("X4", "2024-02-29", "") + CLOSE;
        ReaderHarness.Result r = ReaderHarness.read(reader, "n.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).extracting(rec -> rec.fields().get("id")).containsExactly("X4");
        assertThat(r.rejected).containsExactly(
                "6: arrest date: time: '2024-02-30' is not a valid date or time (write ISO-8601, e.g. 2024-03-01T14:05:00Z or 2024-03-01)",
                "7: nc:PersonBirthDate: '1990-13-01' is not a real date",
                "8: nc:PersonAgeMeasure: '400' is not a possible age");
        assertThatThrownBy(() -> ReaderHarness.readStrict(reader, "n.xml", xml.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("n.xml:6: arrest date");
    }

    @Test
    void wrongNestingAndDanglingReferencesAreRejected() throws IOException {
        String outside = OPEN + "<j:Arrest s:id=\"R9\"/>" + report("X1", "2024-01-01", "") + CLOSE;
        ReaderHarness.Result r = ReaderHarness.read(reader, "n.xml", outside.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).singleElement().asString().isEqualTo("6: Arrest outside any nibrs:Report");
        assertThat(r.records).hasSize(1);

        String nested = OPEN + "<nibrs:Report>" + report("X1", "2024-01-01", "") + "</nibrs:Report>\n"
                + report("X2", "2024-01-01", "") + CLOSE;
        ReaderHarness.Result n = ReaderHarness.read(reader, "n.xml", nested.getBytes(StandardCharsets.UTF_8));
        assertThat(n.rejected).singleElement().asString().contains("a nibrs:Report inside another report");
        assertThat(n.records).extracting(rec -> rec.fields().get("id")).containsExactly("X2");

        String dangling = OPEN + report("X1", "2024-01-01", "").replace("s:ref=\"A1\"", "s:ref=\"A7\"") + CLOSE;
        assertThat(ReaderHarness.read(reader, "n.xml", dangling.getBytes(StandardCharsets.UTF_8)).rejected)
                .singleElement().asString().contains("arrestee 'A7', which the report does not hold");

        assertThatThrownBy(() -> ReaderHarness.read(reader, "n.xml",
                "<?xml version=\"1.0\"?><Submission><Report/></Submission>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not nibrs:Submission");
    }

    @Test
    void truncatedAndMalformedXmlEndsTheFileWithItsLine() {
        String xml = OPEN + report("X1", "2024-01-01", "") + report("X2", "2024-01-01", "");
        byte[] cut = Arrays.copyOf(xml.getBytes(StandardCharsets.UTF_8), xml.length() - 40);
        assertThatThrownBy(() -> ReaderHarness.read(reader, "cut.xml", cut))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("cut.xml:7: not well-formed XML");
        String crossed = OPEN + "<nibrs:Report><nc:Person></nibrs:Report></nc:Person>" + CLOSE;
        assertThatThrownBy(() -> ReaderHarness.read(reader, "x.xml", crossed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("x.xml:6: not well-formed XML");
    }

    /** XXE: an external entity naming a local file is refused, and the file's content never reaches a record. */
    @Test
    void externalEntitiesAreRefusedWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + OPEN.substring(OPEN.indexOf('\n') + 1)
                + report("X1", "2024-01-01", "<nc:PersonName><nc:PersonFullName>&xxe;</nc:PersonFullName></nc:PersonName>")
                + CLOSE;
        ReaderHarness.Result sink = new ReaderHarness.Result();
        assertThatThrownBy(() -> reader.read(ReaderHarness.source("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8), null,
                Map.of()), sink)).isInstanceOf(BadInputException.class).hasMessageContaining("xxe.xml:2:")
                .hasMessageNotContaining("TOPSECRET");
        assertThat(sink.records).isEmpty();

        String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>\n"
                + OPEN.substring(OPEN.indexOf('\n') + 1) + report("X1", "2024-01-01", "") + CLOSE;
        ReaderHarness.Result sink2 = new ReaderHarness.Result();
        assertThatThrownBy(() -> reader.read(ReaderHarness.source("pe.xml", parameterEntity.getBytes(StandardCharsets.UTF_8),
                null, Map.of()), sink2)).isInstanceOf(BadInputException.class).hasMessageNotContaining("TOPSECRET");
        assertThat(sink2.records).isEmpty();
    }

    @Test
    void encodingsDeclaredInTheFileOrNamed() throws IOException {
        String person = "<nc:PersonName><nc:PersonSurName>Müller</nc:PersonSurName></nc:PersonName>";
        String body = OPEN.substring(OPEN.indexOf('\n') + 1) + report("X1", "2024-01-01", person) + CLOSE;
        byte[] latin = ("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + body).getBytes(Charset.forName("windows-1252"));
        assertThat(ReaderHarness.read(reader, "w.xml", latin).records).singleElement()
                .satisfies(rec -> assertThat(rec.fields()).containsEntry("surname", "Müller"));
        byte[] bom = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body).getBytes(StandardCharsets.UTF_8);
        assertThat(ReaderHarness.read(reader, "b.xml", bom).records).hasSize(1);
        assertThat(reader.sniff("b.xml", bom)).isEqualTo(95);
        byte[] undeclared = ("<?xml version=\"1.0\"?>\n" + body).getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> ReaderHarness.read(reader, "u.xml", undeclared))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("u.xml:6: bytes at offset ")
                .hasMessageContaining("--encoding windows-1252");
        assertThat(ReaderHarness.read(reader, "u.xml", undeclared, Charset.forName("windows-1252"), Map.of()).records)
                .singleElement().satisfies(rec -> assertThat(rec.fields()).containsEntry("surname", "Müller"));
    }

    /** A 100 MB single line of reports streams in flat memory; the count proves every report was read. */
    @Test
    void aHundredMegabyteSingleLineStreams() throws IOException {
        byte[] head = OPEN.replace("\n", " ").getBytes(StandardCharsets.UTF_8);
        byte[] chunk = report("X", "2024-01-01", "<j:PersonSexCode>M</j:PersonSexCode>").replace("\n", "")
                .getBytes(StandardCharsets.UTF_8);
        long reports = 100L * 1024 * 1024 / chunk.length;
        ReadSource source = new ReadSource("one-line.xml",
                () -> new RepeatingInput(head, chunk, reports * chunk.length, CLOSE.getBytes(StandardCharsets.UTF_8)),
                null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
        long[] count = new long[1];
        reader.read(source, new org.opencets.formats.read.RecordSink() {
            @Override
            public void accept(ParsedRecord record) {
                count[0]++;
                if (record.line() != 1) {
                    throw new AssertionError("line " + record.line());
                }
            }

            @Override
            public void reject(long line, String reason) {
                throw new AssertionError(line + ": " + reason);
            }
        });
        assertThat(count[0]).isEqualTo(reports);
    }

    /** One element holding 100 MB of text is refused as a report, and the next report is still read. */
    @Test
    void aHundredMegabyteValueIsRefused() throws IOException {
        String start = OPEN + "<nibrs:Report><nc:Person s:id=\"P1\"><nc:PersonName><nc:PersonSurName>";
        String end = "</nc:PersonSurName></nc:PersonName></nc:Person></nibrs:Report>\n" + report("X2", "2024-01-01", "") + CLOSE;
        ReadSource source = new ReadSource("big.xml",
                () -> new RepeatingInput(start.getBytes(StandardCharsets.UTF_8), "abcdefgh".getBytes(StandardCharsets.UTF_8),
                        100L * 1024 * 1024, end.getBytes(StandardCharsets.UTF_8)),
                null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
        ReaderHarness.Result r = new ReaderHarness.Result();
        reader.read(source, r);
        assertThat(r.rejected).singleElement().asString().startsWith("6: PersonSurName holds more than 64 KiB of text");
        assertThat(r.records).extracting(rec -> rec.fields().get("id")).containsExactly("X2");
    }

    @Test
    void fuzz() throws IOException {
        long seed = System.nanoTime();
        System.out.println("nibrs-xml fuzz seed " + seed);
        int errors = ReaderHarness.fuzz(reader, "group-b-arrests.xml", resource("group-b-arrests.xml"), seed, 500);
        assertThat(errors).isPositive();
    }
}
