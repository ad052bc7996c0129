package org.opencets.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.core.record.ParsedRecord;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.testing.ReaderHarness;

/**
 * Regression tests for two defects in the CSV readers: invalid bytes were reported on the wrong line
 * with no offset and stopped the file even with {@code --skip-bad}; a line over 16 MiB stopped the
 * file with the parser's message about an unclosed quotation.
 */
class CsvDamagedInputTest {
    static final String HINT = " (if the file is Windows-1252 or Latin-1, name it with --encoding windows-1252)";
    static final String TOO_LONG = "line is longer than 16 MiB; the file is corrupt or not CSV";
    static final byte LATIN1_E_ACUTE = (byte) 0xE9;

    final RecordReader transactions = new TransactionsCsvReader();

    @TempDir
    Path dir;

    /** What an all-or-nothing import saw before the reader stopped. */
    static final class Strict implements RecordSink {
        final String name;
        final List<ParsedRecord> records = new ArrayList<>();

        Strict(String name) {
            this.name = name;
        }

        @Override
        public void accept(ParsedRecord record) {
            records.add(record);
        }

        @Override
        public void reject(long line, String reason) {
            throw new BadInputException(name, line, reason);
        }
    }

    ReadSource source(String name, byte[] bytes, int maxLineBytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return source(f, maxLineBytes);
    }

    static ReadSource source(Path f, int maxLineBytes) {
        return new ReadSource(f.getFileName().toString(), () -> Files.newInputStream(f), null, ReaderHarness.CONTEXT,
                Map.of(), maxLineBytes);
    }

    /** The bytes of the text with one Latin-1 é put in place of each '@'. */
    static byte[] withLatin1(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '@') {
                b[i] = LATIN1_E_ACUTE;
            }
        }
        return b;
    }

    static int offsetOf(byte[] b, byte value) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        throw new AssertionError("no such byte");
    }

    static List<Long> lines(List<ParsedRecord> records) {
        return records.stream().map(ParsedRecord::line).toList();
    }

    @Test
    void aLatin1ByteIsNamedByItsLineAndOffsetAndOnlyItsRowIsSkipped() throws IOException {
        byte[] file = withLatin1("date,merchant,amount\n2024-01-01,Cafe,1.00\n2024-01-02,Caf@,2.00\n2024-01-03,Bar,3.00\n");
        int at = offsetOf(file, LATIN1_E_ACUTE);
        assertThat(at).isEqualTo(56);
        ReadSource source = source("latin1.csv", file, ReadSource.DEFAULT_MAX_LINE_BYTES);

        Strict strict = new Strict("latin1.csv");
        assertThatThrownBy(() -> transactions.read(source, strict)).isInstanceOf(BadInputException.class)
                .hasMessage("latin1.csv:3: bytes at offset 56 are not valid UTF-8" + HINT);
        assertThat(lines(strict.records)).containsExactly(2L);

        ReaderHarness.Result skipping = new ReaderHarness.Result();
        transactions.read(source, skipping);
        assertThat(skipping.rejected).containsExactly("3: bytes at offset 56 are not valid UTF-8" + HINT);
        assertThat(lines(skipping.records)).containsExactly(2L, 4L);
        assertThat(skipping.records.get(1).fields()).containsEntry("merchant", "Bar");
    }

    /** The QA case: 5,000 rows, the bad byte on line 4001, once reported as line 3920. */
    @Test
    void theLineIsExactDeepInALargeFileWithAnyLineEnding() throws IOException {
        for (String eol : List.of("\n", "\r\n", "\r")) {
            StringBuilder text = new StringBuilder("date,merchant,amount" + eol);
            for (int line = 2; line <= 5000; line++) {
                text.append("2024-01-01,").append(line == 4001 ? "Caf@" : "Shop " + line).append(",1.00").append(eol);
            }
            byte[] file = withLatin1(text.toString());
            int at = offsetOf(file, LATIN1_E_ACUTE);
            ReadSource source = source("big.csv", file, ReadSource.DEFAULT_MAX_LINE_BYTES);

            Strict strict = new Strict("big.csv");
            assertThatThrownBy(() -> transactions.read(source, strict))
                    .hasMessage("big.csv:4001: bytes at offset " + at + " are not valid UTF-8" + HINT);
            assertThat(strict.records).hasSize(3999);

            ReaderHarness.Result skipping = new ReaderHarness.Result();
            transactions.read(source, skipping);
            assertThat(skipping.rejected).containsExactly("4001: bytes at offset " + at + " are not valid UTF-8" + HINT);
            assertThat(lines(skipping.records))
                    .isEqualTo(LongStream.rangeClosed(2, 5000).filter(l -> l != 4001).boxed().toList());
            assertThat(skipping.records.get(4998 - 1).fields()).containsEntry("merchant", "Shop 5000");
        }
    }

    @Test
    void aBadByteInAQuotedMultiLineFieldNamesItsLineAndTheRowsFirst() throws IOException {
        byte[] file = withLatin1("date,merchant,descriptor\n2024-01-01,A,x\n2024-01-02,B,\"one\ntw@\nthree\"\n2024-01-03,C,y\n");
        int at = offsetOf(file, LATIN1_E_ACUTE);
        ReaderHarness.Result skipping = new ReaderHarness.Result();
        transactions.read(source("multi.csv", file, ReadSource.DEFAULT_MAX_LINE_BYTES), skipping);
        assertThat(skipping.rejected).containsExactly("4: bytes at offset " + at + " are not valid UTF-8" + HINT
                + " (in the row that begins on line 3)");
        assertThat(lines(skipping.records)).containsExactly(2L, 6L);
    }

    @Test
    void theOffsetCountsAByteOrderMarkAndATruncatedSequenceAtTheEnd() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(withLatin1("date,merchant\n2024-01-01,Caf@\n2024-01-02,Shop\n2024-01-03,"));
        b.write(new byte[] {'C', 'a', 'f', (byte) 0xC3}); // the file ends in the middle of a two-byte é
        byte[] file = b.toByteArray();
        ReaderHarness.Result skipping = new ReaderHarness.Result();
        transactions.read(source("bom.csv", file, ReadSource.DEFAULT_MAX_LINE_BYTES), skipping);
        assertThat(skipping.rejected).containsExactly(
                "2: bytes at offset " + offsetOf(file, LATIN1_E_ACUTE) + " are not valid UTF-8" + HINT,
                "4: bytes at offset " + (file.length - 1) + " are not valid UTF-8" + HINT);
        assertThat(lines(skipping.records)).containsExactly(3L);
    }

    @Test
    void aBadUtf16UnitIsAByteOffsetToo() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        String text = "date,merchant\n2024-01-01,A\uD800\n2024-01-02,B\n";
        b.write(text.getBytes(StandardCharsets.UTF_16LE)); // the JDK encodes the lone surrogate as '?'
        byte[] file = b.toByteArray();
        int unit = 2 + 2 * text.indexOf('\uD800');
        file[unit] = 0x00;
        file[unit + 1] = (byte) 0xD8;
        ReaderHarness.Result skipping = new ReaderHarness.Result();
        transactions.read(source("u16.csv", file, ReadSource.DEFAULT_MAX_LINE_BYTES), skipping);
        assertThat(skipping.rejected).containsExactly("2: bytes at offset " + unit + " are not valid UTF-16LE");
        assertThat(lines(skipping.records)).containsExactly(3L);
    }

    @Test
    void aBadByteInTheHeaderStopsTheFileEvenWhenSkipping() throws IOException {
        byte[] file = withLatin1("date,merchant,caf@\n2024-01-01,A,x\n");
        ReaderHarness.Result skipping = new ReaderHarness.Result();
        assertThatThrownBy(() -> transactions.read(source("head.csv", file, ReadSource.DEFAULT_MAX_LINE_BYTES), skipping))
                .hasMessage("head.csv:1: bytes at offset 17 are not valid UTF-8" + HINT);
        assertThat(skipping.records).isEmpty();
    }

    /** Lines over a small limit: the squeezed line keeps its quotes, so a quoted newline after the limit still counts. */
    @Test
    void anOverlongLineIsOneBadRowAndTheRowsAfterKeepTheirLines() throws IOException {
        String longTail = "x".repeat(3000) + ",\"a quoted field that goes on\nto the next line\"";
        String text = "date,merchant,descriptor\n2024-01-01,A,x\n2024-01-02,B," + longTail + "\n2024-01-03,C,\"q\"\"uote\"\n";
        ReadSource source = source("long.csv", text.getBytes(StandardCharsets.UTF_8), 2048);

        Strict strict = new Strict("long.csv");
        assertThatThrownBy(() -> transactions.read(source, strict))
                .hasMessage("long.csv:3: line is longer than 2 KiB; the file is corrupt or not CSV");
        assertThat(lines(strict.records)).containsExactly(2L);

        ReaderHarness.Result skipping = new ReaderHarness.Result();
        transactions.read(source, skipping);
        assertThat(skipping.rejected).containsExactly("3: line is longer than 2 KiB; the file is corrupt or not CSV");
        assertThat(lines(skipping.records)).containsExactly(2L, 5L);
        assertThat(skipping.records.get(1).fields()).containsEntry("merchant", "C").containsEntry("descriptor", "q\"uote");
    }

    @Test
    void aLineOfExactlyTheLimitIsRead() throws IOException {
        String row = "2024-01-02,B,";
        String exact = row + "y".repeat(2048 - row.length());
        String text = "date,merchant,descriptor\n" + exact + "\n" + exact + "z\n2024-01-03,C,x\n";
        ReaderHarness.Result skipping = new ReaderHarness.Result();
        transactions.read(source("edge.csv", text.getBytes(StandardCharsets.UTF_8), 2048), skipping);
        assertThat(skipping.rejected).containsExactly("3: line is longer than 2 KiB; the file is corrupt or not CSV");
        assertThat(lines(skipping.records)).containsExactly(2L, 4L);
        assertThat(String.valueOf(skipping.records.get(0).fields().get("descriptor"))).hasSize(2048 - row.length());
    }

    /**
     * The QA case at the real limit: a 50 MB line with no quotes, between good rows, with a line of
     * exactly 16 MiB before it (read, held back near the parser's own limit and released) and the
     * long line's tail holding delimiters. Written to disk as it is made.
     */
    @Test
    void aFiftyMegabyteLineAtTheDefaultLimit() throws IOException {
        Path f = dir.resolve("huge.csv");
        int limit = ReadSource.DEFAULT_MAX_LINE_BYTES;
        String row = "2024-01-02,B,";
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
            out.write("date,merchant,descriptor\n2024-01-01,A,x\n".getBytes(StandardCharsets.US_ASCII));
            // line 3: exactly the limit, in 2 KiB fields (FastCSV holds at most 16 Mi characters in one field)
            byte[] field = new byte[2048];
            Arrays.fill(field, (byte) 'y');
            field[field.length - 1] = ',';
            out.write(row.getBytes(StandardCharsets.US_ASCII));
            long written = row.length();
            while (written + field.length <= limit) {
                out.write(field);
                written += field.length;
            }
            for (; written < limit; written++) {
                out.write('y');
            }
            out.write('\n');
            // line 4: 50 MB, no quotes
            out.write(row.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            chunk[chunk.length - 1] = ',';
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\n2024-01-03,C,z\n".getBytes(StandardCharsets.US_ASCII));
        }
        ReadSource source = source(f, limit);

        ReaderHarness.Result skipping = new ReaderHarness.Result();
        transactions.read(source, skipping);
        assertThat(skipping.rejected).hasSize(2);
        assertThat(skipping.rejected.get(0)).startsWith("3: has ").endsWith(" fields, the header has 3");
        assertThat(skipping.rejected.get(1)).isEqualTo("4: " + TOO_LONG);
        assertThat(lines(skipping.records)).containsExactly(2L, 5L);
        assertThat(skipping.records.get(1).fields()).containsEntry("descriptor", "z");
    }

    @Test
    void aFiftyMegabyteLineStopsAStrictImportWithAPlainMessage() throws IOException {
        Path f = dir.resolve("huge.csv");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
            out.write("date,merchant,descriptor\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\n2024-01-03,C,z\n".getBytes(StandardCharsets.US_ASCII));
        }
        Strict strict = new Strict("huge.csv");
        assertThatThrownBy(() -> transactions.read(source(f, ReadSource.DEFAULT_MAX_LINE_BYTES), strict))
                .isInstanceOf(BadInputException.class).hasMessage("huge.csv:2: " + TOO_LONG);
        assertThat(strict.records).isEmpty();
    }

    /** A quote that never closes, over many short lines, is beyond what the parser can hold: the file stops. */
    @Test
    void anUnclosedQuoteOverSixteenMebibytesStopsTheFileEvenWhenSkipping() {
        byte[] head = "date,merchant,descriptor\n2024-01-01,A,x\n2024-01-02,B,\"".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = ("x".repeat(99) + "\n").getBytes(StandardCharsets.US_ASCII);
        ReadSource source = new ReadSource("open.csv", () -> new RepeatingInput(head, chunk, 20L * 1024 * 1024, new byte[0]),
                null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
        ReaderHarness.Result skipping = new ReaderHarness.Result();
        assertThatThrownBy(() -> transactions.read(source, skipping)).isInstanceOf(BadInputException.class)
                .hasMessage("open.csv:3: a field of the row that begins here is longer than 16 Mi characters "
                        + "(is a quote not closed?)");
        assertThat(lines(skipping.records)).containsExactly(2L);
    }

    @Test
    void arrestsCsvSkipsABadRowTheSameWay() throws IOException {
        byte[] file = withLatin1("arrest_id,last_name,dob\nA1,Smith,1980-01-01\nA2,M@ller,1981-01-01\nA3,Jones,1982-01-01\n");
        ReaderHarness.Result skipping = new ReaderHarness.Result();
        new ArrestsCsvReader().read(source("arrests.csv", file, ReadSource.DEFAULT_MAX_LINE_BYTES), skipping);
        assertThat(skipping.rejected).containsExactly("3: bytes at offset " + offsetOf(file, LATIN1_E_ACUTE)
                + " are not valid UTF-8" + HINT);
        assertThat(lines(skipping.records)).containsExactly(2L, 4L);
    }
}
