package org.opencets.formats.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.testing.ReaderHarness;

/** Input meant to break the reader: a 100 MB line, a message of endless lines, random mutations. */
class WhatsAppHostileInputTest {
    static InputStream repeated(byte[] unit, long times) {
        return new InputStream() {
            long left = unit.length * times;
            int pos;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                int b = unit[pos] & 0xFF;
                pos = (pos + 1) % unit.length;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    buf[off + i] = unit[pos];
                    pos = (pos + 1) % unit.length;
                }
                left -= n;
                return n;
            }
        };
    }

    static ReadSource source(String name, byte[] before, byte[] unit, long times, byte[] after) {
        return new ReadSource(name, () -> new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(before), repeated(unit, times), new ByteArrayInputStream(after)))),
                null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
    }

    @Test
    void aHundredMegabyteLineIsRejectedAndReadingGoesOn() throws IOException {
        byte[] before = "13/03/2024, 10:00 - A: ".getBytes(StandardCharsets.UTF_8);
        byte[] after = "\n13/03/2024, 10:01 - B: next\n".getBytes(StandardCharsets.UTF_8);
        ReaderHarness.Result r = new ReaderHarness.Result();
        new WhatsAppReader().read(source("huge.txt", before, new byte[] {'x'}, 100L * 1024 * 1024, after), r);
        assertThat(r.rejected).singleElement().asString().startsWith("1: line is longer than 16 MiB");
        assertThat(r.records).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(2));
    }

    @Test
    void aHundredMegabyteUtf16LineIsRejectedWithoutBeingHeld() throws IOException {
        byte[] before = "13/03/2024, 10:00 - A: ".getBytes(StandardCharsets.UTF_16LE);
        byte[] after = "\n13/03/2024, 10:01 - B: next\n".getBytes(StandardCharsets.UTF_16LE);
        ReaderHarness.Result r = new ReaderHarness.Result();
        long units = 50L * 1024 * 1024; // 100 MB
        new WhatsAppReader().read(source("huge16.txt", before, "x".getBytes(StandardCharsets.UTF_16LE), units, after), r);
        assertThat(r.rejected).singleElement().asString().startsWith("1: line is longer than 16 MiB");
        assertThat(r.records).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.offset()).isEqualTo(before.length + 2 * units + 2);
        });
    }

    @Test
    void aMessageOfAHundredMegabytesInShortLinesIsRejectedWithoutHoldingIt() throws IOException {
        byte[] before = "13/03/2024, 10:00 - A: start\n".getBytes(StandardCharsets.UTF_8);
        byte[] after = "13/03/2024, 10:01 - B: next\n".getBytes(StandardCharsets.UTF_8);
        byte[] unit = "continuation line of a message that never ends\n".getBytes(StandardCharsets.UTF_8);
        ReaderHarness.Result r = new ReaderHarness.Result();
        long times = 100L * 1024 * 1024 / unit.length;
        new WhatsAppReader().read(source("long.txt", before, unit, times, after), r);
        assertThat(r.rejected).singleElement().asString().startsWith("1: a message longer than 16 Mi characters");
        assertThat(r.records).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(times + 2));
    }

    @Test
    void fuzzEachLayout() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("WhatsAppHostileInputTest.fuzzEachLayout seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        // the harness fails the test on any outcome but records, rejections with a reason, or a clear error
        for (String f : List.of("WhatsApp Chat with Weekend.txt", "_chat.txt")) {
            ReaderHarness.fuzz(new WhatsAppReader(), f, WhatsAppReaderTest.resource(f), seed, 400);
        }
        byte[] utf16 = new String(WhatsAppReaderTest.resource("_chat.txt"), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
        ReaderHarness.fuzz(new WhatsAppReader(), "_chat.txt", utf16, seed, 200);
    }
}
