package org.opencets.formats.jsonstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GuardedInputTest {
    /**
     * The check agrees with the JDK's strict decoder on the whole input, whatever sizes the reads
     * come in: the same inputs pass, and a failure names the same first bad byte.
     */
    @Property(tries = 2000)
    void agreesWithTheStrictDecoderWhateverTheReadSizes(@ForAll("bytes") byte[] input, @ForAll @IntRange(min = 1, max = 9) int readSize)
            throws IOException {
        long expected = firstBadByte(input);
        GuardedInput in = new GuardedInput(new ByteArrayInputStream(input), true);
        byte[] buf = new byte[readSize];
        long got = -1;
        int total = 0;
        try {
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                total += n;
            }
        } catch (StrictDecoding.UndecodableBytes e) {
            got = e.offset();
        }
        assertThat(got).isEqualTo(expected);
        if (expected < 0) {
            assertThat(total).isEqualTo(input.length);
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        // mostly valid text with now and then a stray, overlong, surrogate or cut sequence
        Arbitrary<byte[]> piece = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, new byte[] {(byte) 0xFF}));
        return piece.list().ofMaxSize(10).map(list -> {
            int n = list.stream().mapToInt(b -> b.length).sum();
            ByteBuffer b = ByteBuffer.allocate(n);
            list.forEach(b::put);
            return b.array();
        });
    }

    private static long firstBadByte(byte[] input) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(input);
        CharBuffer out = CharBuffer.allocate(input.length * 2 + 2);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            return in.position();
        }
        return in.hasRemaining() ? in.position() : -1;
    }

    @Test
    void aBudgetStopsReadsPastItsLimitAndCountsWhatWasHandedOut() throws IOException {
        GuardedInput in = new GuardedInput(new ByteArrayInputStream(new byte[100]), false);
        in.limit(40);
        byte[] buf = new byte[64];
        assertThat(in.read(buf, 0, 64)).isEqualTo(40);
        assertThat(in.position()).isEqualTo(40);
        assertThatThrownBy(() -> in.read(buf, 0, 1)).isInstanceOf(GuardedInput.OverBudget.class);
        in.unlimited();
        assertThat(in.read(buf, 0, 64)).isEqualTo(60);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aSequenceCutByTheEndOfTheFileIsBad() {
        InputStream in = new GuardedInput(new ByteArrayInputStream(new byte[] {'a', (byte) 0xE2, (byte) 0x82}), true);
        assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(StrictDecoding.UndecodableBytes.class,
                e -> assertThat(e.offset()).isEqualTo(1));
    }
}
