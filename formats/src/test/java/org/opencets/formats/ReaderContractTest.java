package org.opencets.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.ParsedRecord;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.Formats;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/** What every reader promises: provenance, strict decoding, bad rows by line, detection by content. */
class ReaderContractTest {
    static final IdentifierContext CTX = new IdentifierContext("GB", new CardHasher(new byte[32]));
    final Formats formats = Formats.installed();

    @TempDir
    Path dir;

    static final class Collect implements RecordSink {
        final List<ParsedRecord> records = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void accept(ParsedRecord r) {
            records.add(r);
        }

        @Override
        public void reject(long line, String reason) {
            rejected.add(line + ": " + reason);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    }

    Collect read(String format, byte[] bytes, Charset cs, Map<String, String> options) throws IOException {
        Path f = dir.resolve("in-" + System.nanoTime());
        Files.write(f, bytes);
        RecordReader r = formats.byName(format);
        Collect c = new Collect();
        r.read(new ReadSource(f.toString(), () -> Files.newInputStream(f), cs, CTX, options, 1024 * 1024), c);
        return c;
    }

    @Test
    void jsonLinesRecordsCarryLineAndByteOffset() throws IOException {
        String text = "{\"kind\":\"note\",\"text\":\"é a@b.org\"}\n\n{\"kind\":\"note\",\"email\":\"X@Y.ORG\"}\r\n";
        Collect c = read("jsonl", text.getBytes(StandardCharsets.UTF_8), null, Map.of());
        assertThat(c.records).extracting(ParsedRecord::line).containsExactly(1L, 3L);
        assertThat(c.records.get(1).offset()).isEqualTo(text.substring(0, text.indexOf("{\"kind\":\"note\",\"email")).getBytes(StandardCharsets.UTF_8).length);
        assertThat(c.records.get(0).mentions()).singleElement().satisfies(m -> {
            assertThat(m.identifier().type()).isEqualTo(IdentifierType.EMAIL);
            assertThat(m.start()).isEqualTo(2);
        });
        assertThat(c.records.get(1).mentions().get(0).identifier().value()).isEqualTo("x@y.org");
    }

    @Test
    void aByteOrderMarkIsSkippedAndUtf16IsRead() throws IOException {
        byte[] body = "{\"kind\":\"note\",\"email\":\"x@y.org\"}\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(body);
        assertThat(read("jsonl", b.toByteArray(), null, Map.of()).records).hasSize(1);
        ByteArrayOutputStream u = new ByteArrayOutputStream();
        u.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        u.write("{\"kind\":\"note\",\"email\":\"x@y.org\"}\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(read("jsonl", u.toByteArray(), null, Map.of()).records).hasSize(1);
    }

    @Test
    void invalidUtf8IsReportedWithItsOffsetNeverReplaced() throws IOException {
        byte[] bytes = "{\"kind\":\"note\",\"text\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Collect c = read("jsonl", bytes, null, Map.of());
        assertThat(c.records).isEmpty();
        assertThat(c.rejected).singleElement().asString().contains("1: bytes at offset 26").contains("windows-1252");
        Collect named = read("jsonl", bytes, Charset.forName("windows-1252"), Map.of());
        assertThat(named.records.get(0).fields().get("text")).isEqualTo("caf\u00e9");
    }

    @Test
    void aHugeLineIsRejectedWithoutFillingMemory() throws IOException {
        String big = "{\"kind\":\"note\",\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}\n{\"kind\":\"note\",\"email\":\"a@b.org\"}\n";
        Collect c = read("jsonl", big.getBytes(StandardCharsets.UTF_8), null, Map.of());
        assertThat(c.rejected).singleElement().asString().startsWith("1: line is longer than 1 MiB");
        assertThat(c.records).extracting(ParsedRecord::line).containsExactly(2L);
    }

    @Test
    void csvRowsKeepTheirLineNumbersAcrossQuotedNewlinesAndUnknownColumnsAreNamed() throws IOException {
        String csv = "date,email,notes,colour\n2024-01-01,a@b.org,\"two\nlines\",red\n2024-01-02,c@d.org,x,blue\n";
        Collect c = read("transactions-csv", csv.getBytes(StandardCharsets.UTF_8), null, Map.of());
        assertThat(c.records).extracting(ParsedRecord::line).containsExactly(2L, 4L);
        assertThat(c.warnings).singleElement().asString().contains("colour");
    }

    @Test
    void aMappingFileNamesOddHeaders() throws IOException {
        Path map = dir.resolve("acq.map");
        Files.writeString(map, "card_number = Primary Account Number\ntime = Auth When\n");
        String csv = "Auth When,Primary Account Number\n2024-01-01T10:00:00Z,4556737586899855\n";
        Collect c = read("transactions-csv", csv.getBytes(StandardCharsets.UTF_8), null, Map.of("mapping", map.toString()));
        assertThat(c.records).singleElement().satisfies(r -> {
            assertThat(r.mentions().get(0).identifier().type()).isEqualTo(IdentifierType.CARD);
            assertThat(r.fields().toString()).doesNotContain("4556737586899855");
            assertThat(r.occurredAt()).isEqualTo("2024-01-01T10:00:00Z");
        });
        Files.writeString(map, "card_number = PAN\n");
        assertThatThrownBy(() -> read("transactions-csv", csv.getBytes(StandardCharsets.UTF_8), null, Map.of("mapping", map.toString())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no such column");
        Files.writeString(map, "# acquirer A\ncard_number = Primary Account Number\nbadline\n");
        assertThatThrownBy(() -> read("transactions-csv", csv.getBytes(StandardCharsets.UTF_8), null, Map.of("mapping", map.toString())))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(map + ":3: unknown field 'badline'")
                .hasMessageContaining("needs its '='");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsABadRow() throws IOException {
        Collect c = read("arrests-csv", "arrest_id,last_name,dob\nA1,Smith,1980-01-01\nA2,Jones\n".getBytes(StandardCharsets.UTF_8), null, Map.of());
        assertThat(c.records).hasSize(1);
        assertThat(c.rejected).singleElement().asString().startsWith("3: has 2 fields, the header has 3");
    }

    @Test
    void formatsAreDetectedFromContentNotName() {
        byte[] tx = "Date,PAN,Amount,E-mail\n".getBytes(StandardCharsets.UTF_8);
        byte[] arrests = "booking_id,surname,date_of_birth,charges\n".getBytes(StandardCharsets.UTF_8);
        byte[] jsonl = "{\"kind\":\"tip\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(formats.detect("export.txt", tx)).get().extracting(RecordReader::format).isEqualTo("transactions-csv");
        assertThat(formats.detect("export.txt", arrests)).get().extracting(RecordReader::format).isEqualTo("arrests-csv");
        assertThat(formats.detect("data.csv", jsonl)).get().extracting(RecordReader::format).isEqualTo("jsonl");
        assertThat(formats.detect("x.bin", new byte[] {1, 2, 3})).isEmpty();
    }
}
