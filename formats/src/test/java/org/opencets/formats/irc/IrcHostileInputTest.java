package org.opencets.formats.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.testing.ReaderHarness;

/** Input meant to break the reader: a 100 MB line, mixed encodings, random mutations. */
class IrcHostileInputTest {
    /** An endless run of one byte, cut at a length: a file's content that is never held in memory. */
    static InputStream repeated(byte b, long length) {
        return new InputStream() {
            long left = length;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return b & 0xFF;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(buf, off, off + n, b);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void aHundredMegabyteLineIsRejectedAndReadingGoesOn() throws IOException {
        long size = 100L * 1024 * 1024;
        byte[] before = "--- Log opened Mon Mar 04 10:00:00 2024\n10:00 <a> ".getBytes(StandardCharsets.UTF_8);
        byte[] after = "\n10:01 <b> still read\n".getBytes(StandardCharsets.UTF_8);
        ReadSource source = new ReadSource("huge.log", () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(before), repeated((byte) 'x', size), new java.io.ByteArrayInputStream(after)))),
                null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
        ReaderHarness.Result r = new ReaderHarness.Result();
        new IrcLogReader().read(source, r);
        assertThat(r.rejected).singleElement().asString().startsWith("2: line is longer than 16 MiB");
        assertThat(r.records).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.offset()).isEqualTo(before.length + size + 1);
        });
    }

    @Test
    void aLatin1LineInAUtf8LogIsRejectedWithItsOffset() throws IOException {
        byte[] good = "10:00 <a> café\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "10:01 <b> café\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] both = new byte[good.length + bad.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(bad, 0, both, good.length, bad.length);
        ReaderHarness.Result r = ReaderHarness.read(new IrcLogReader(), "#c.2024-03-04.log", both);
        assertThat(r.records).hasSize(1);
        assertThat(r.rejected).containsExactly("2: bytes at offset " + (good.length + 13)
                + " are not valid UTF-8 (if the file is Windows-1252 or Latin-1, name it with --encoding windows-1252)");
        ReaderHarness.Result named = ReaderHarness.read(new IrcLogReader(), "#c.2024-03-04.log", bad,
                java.nio.charset.Charset.forName("windows-1252"), Map.of());
        assertThat(named.records).singleElement().satisfies(x -> assertThat(x.fields()).containsEntry("text", "café"));
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        byte[] body = "10:00 <a> hi\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        ReaderHarness.Result r = ReaderHarness.read(new IrcLogReader(), "#c.2024-03-04.log", bom);
        assertThat(r.records).singleElement().satisfies(x -> assertThat(x.offset()).isEqualTo(3));
        assertThat(new IrcLogReader().sniff("x.log", bom)).isGreaterThan(0);
    }

    @Test
    void fuzzEachLayout() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("IrcHostileInputTest.fuzzEachLayout seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        int errors = 0;
        for (String f : List.of("irssi-#example.log", "mirc.log", "ubuntu-2024-03-04.txt", "hexchat.log",
                "irc.libera.#example.weechatlog", "eggdrop.log")) {
            errors += ReaderHarness.fuzz(new IrcLogReader(), f, IrcLogReaderTest.resource(f), seed, 150);
        }
        // eggdrop.log has no date: every mutant that keeps a stamped line must fail, naming --date
        assertThat(errors).isGreaterThan(0);
    }
}
