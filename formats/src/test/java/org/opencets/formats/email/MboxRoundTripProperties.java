package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The law of mboxrd: writing messages as a mailbox (separator, body lines with {@code >*From }
 * quoted by one more {@code >}, an empty line) and splitting the result gives back every message,
 * byte for byte, with LF or CRLF line ends.
 */
class MboxRoundTripProperties {
    @Property(tries = 300)
    void writingThenSplittingGivesBackEveryMessage(@ForAll("mailboxes") List<List<String>> messages, @ForAll boolean crlf)
            throws Exception {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder file = new StringBuilder();
        for (List<String> m : messages) {
            file.append("From a@example.org Fri Nov 21 10:00:00 2026").append(eol);
            for (String line : m) {
                file.append(line.matches(">*From .*") ? ">" + line : line).append(eol);
            }
            file.append(eol);
        }
        List<String> back = new ArrayList<>();
        try (MboxSplitter s = new MboxSplitter(new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), 1 << 20)) {
            while (s.next()) {
                back.add(new String(s.bytes(), 0, s.length(), StandardCharsets.UTF_8));
            }
        }
        List<String> expected = messages.stream().map(m -> String.join("", m.stream().map(l -> l + eol).toList())).toList();
        assertThat(back).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<List<String>>> mailboxes() {
        Arbitrary<String> text = Arbitraries.strings().withChars("abc XYZé:>@.-\t0123456789").ofMaxLength(30);
        Arbitrary<String> line = Arbitraries.oneOf(text,
                Arbitraries.of("", "From ", "From the start", ">From quoted", ">>From twice", "From b@example.org Sat Nov 22 08:00:00 2026",
                        ">From b@example.org Sat Nov 22 08:00:00 2026", "Subject: x", "From: a@example.org"));
        return line.list().ofMinSize(1).ofMaxSize(12).list().ofMinSize(1).ofMaxSize(6);
    }
}
