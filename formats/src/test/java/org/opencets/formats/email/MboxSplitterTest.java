package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxSplitterTest {
    record Piece(long line, long offset, String envelope, String text, boolean oversized, long size) {
    }

    static List<Piece> split(String file, int max) throws IOException {
        List<Piece> out = new ArrayList<>();
        try (MboxSplitter s = new MboxSplitter(new ByteArrayInputStream(file.getBytes(StandardCharsets.ISO_8859_1)), max)) {
            while (s.next()) {
                out.add(new Piece(s.line(), s.offset(), s.envelope(),
                        s.oversized() ? null : new String(s.bytes(), 0, s.length(), StandardCharsets.ISO_8859_1), s.oversized(), s.size()));
            }
        }
        return out;
    }

    @Test
    void separatorsNeedADateExceptOnTheFirstLine() throws IOException {
        String file = "From x\nA: 1\n\nFrom the garden, hello\nFrom me to you at 10:30\n\nFrom b@example.org Sat Nov 22 08:00:00 2026\nB: 2\n";
        List<Piece> p = split(file, 1 << 20);
        assertThat(p).extracting(Piece::line).containsExactly(1L, 7L);
        assertThat(p.get(0).envelope()).isEqualTo("x");
        assertThat(p.get(0).text()).isEqualTo("A: 1\n\nFrom the garden, hello\nFrom me to you at 10:30\n");
        assertThat(p.get(1).text()).isEqualTo("B: 2\n");
        assertThat(p.get(1).offset()).isEqualTo(file.indexOf("From b@"));
    }

    @Test
    void mboxrdQuotingIsUndoneByOneLevel() throws IOException {
        String file = "From a Fri Nov 21 10:00:00 2026\r\n\r\n>From x\r\n>>>From y\r\n> From z\r\n>Fromage\r\n";
        assertThat(split(file, 1 << 20).get(0).text()).isEqualTo("\r\nFrom x\r\n>>From y\r\n> From z\r\n>Fromage\r\n");
    }

    @Test
    void gmailStyleEnvelopeWithAZoneIsASeparator() throws IOException {
        String file = "From 1234567890@xxx Mon Nov 21 10:00:00 +0000 2026\nA: 1\n\nFrom 1234567891@xxx Tue Nov 22 10:00:00 +0000 2026\nA: 2\n";
        assertThat(split(file, 1 << 20)).extracting(Piece::text).containsExactly("A: 1\n", "A: 2\n");
    }

    @Test
    void textBeforeTheFirstSeparatorComesFirstWithoutEnvelope() throws IOException {
        List<Piece> p = split("junk\n\nFrom a Fri Nov 21 10:00:00 2026\nA: 1\n", 1 << 20);
        assertThat(p).hasSize(2);
        assertThat(p.get(0).envelope()).isNull();
        assertThat(p.get(0).text()).isEqualTo("junk\n");
        assertThat(p.get(1).line()).isEqualTo(3);
    }

    @Test
    void anOversizedMessageIsMarkedAndTheNextOneIsRead() throws IOException {
        String big = "x".repeat(3000);
        String file = "From a Fri Nov 21 10:00:00 2026\nA: 1\n\n" + big + big + "\n\nFrom b Fri Nov 21 10:00:00 2026\nB: 2\n";
        List<Piece> p = split(file, 4096);
        assertThat(p).hasSize(2);
        assertThat(p.get(0).oversized()).isTrue();
        assertThat(p.get(0).size()).isEqualTo(file.indexOf("From b") - file.indexOf("A: 1"));
        assertThat(p.get(1).oversized()).isFalse();
        assertThat(p.get(1).text()).isEqualTo("B: 2\n");
    }

    @Test
    void aSeparatorThatWouldTipTheLimitDoesNotCountAgainstThePreviousMessage() throws IOException {
        String first = "A: 1\n" + "y".repeat(80) + "\n";
        String file = "From a Fri Nov 21 10:00:00 2026\n" + first + "From b Fri Nov 21 10:00:00 2026\nB: 2\n";
        List<Piece> p = split(file, first.length() + 5);
        assertThat(p.get(0).oversized()).isFalse();
        assertThat(p.get(0).text()).isEqualTo(first);
    }

    @Test
    void emptyInputHasNoMessagesAndAMissingLastNewlineIsKept() throws IOException {
        assertThat(split("", 100)).isEmpty();
        assertThat(split("From a Fri Nov 21 10:00:00 2026\nA: 1", 100).get(0).text()).isEqualTo("A: 1");
    }
}
