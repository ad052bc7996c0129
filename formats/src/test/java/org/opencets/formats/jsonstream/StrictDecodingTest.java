package org.opencets.formats.jsonstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencets.formats.testing.ReaderHarness;

class StrictDecodingTest {
    /**
     * Whatever the read sizes, the reader hands over exactly the characters the strict JDK decoder
     * makes of the bytes before the first bad one, then fails naming that byte's offset.
     */
    @Property(tries = 1500)
    void handsOverEveryGoodCharacterThenNamesTheFirstBadByte(@ForAll("bytes") byte[] input, @ForAll("charsets") String name,
                                                             @ForAll @IntRange(min = 1, max = 7) int readSize) throws IOException {
        Charset cs = Charset.forName(name);
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(input);
        CharBuffer expected = CharBuffer.allocate(input.length * 2 + 4);
        CoderResult r = d.decode(in, expected, true);
        long bad = r.isError() ? in.position() : -1;
        if (!r.isError()) {
            d.flush(expected);
        }
        expected.flip();

        Reader reader = StrictDecoding.reader(new ByteArrayInputStream(input), cs, 5);
        StringBuilder got = new StringBuilder();
        char[] buf = new char[readSize];
        long failedAt = -1;
        try {
            int n;
            while ((n = reader.read(buf, 0, buf.length)) >= 0) {
                got.append(buf, 0, n);
            }
        } catch (StrictDecoding.UndecodableBytes e) {
            failedAt = e.offset() - 5;
            assertThat(e.charset()).isEqualTo(cs);
        }
        assertThat(failedAt).isEqualTo(bad);
        assertThat(got.toString()).isEqualTo(expected.toString());
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252");
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(16));
    }

    @Test
    void linesAndColumnsOfAnOffsetCountCharactersAndEveryKindOfLineEnd() throws IOException {
        byte[] file = "\uFEFFab\r\ncd\u00e9\re\nfgh".getBytes(StandardCharsets.UTF_8);
        var source = ReaderHarness.source("x", file, null, Map.of());
        assertThat(StrictDecoding.lineAndColumn(source, StandardCharsets.UTF_8, 3, 3)).containsExactly(1, 1);
        assertThat(StrictDecoding.lineAndColumn(source, StandardCharsets.UTF_8, 3, 5)).containsExactly(1, 3);
        assertThat(StrictDecoding.lineAndColumn(source, StandardCharsets.UTF_8, 3, 7)).containsExactly(2, 1);
        assertThat(StrictDecoding.lineAndColumn(source, StandardCharsets.UTF_8, 3, 11)).containsExactly(2, 4); // after é (2 bytes)
        assertThat(StrictDecoding.lineAndColumn(source, StandardCharsets.UTF_8, 3, 12)).containsExactly(3, 1);
        assertThat(StrictDecoding.lineAndColumn(source, StandardCharsets.UTF_8, 3, 15)).containsExactly(4, 2);
    }
}
