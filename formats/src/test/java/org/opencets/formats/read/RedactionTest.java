package org.opencets.formats.read;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void removesLongDigitRunsWhateverSeparatesTheirGroups() {
        for (String sep : new String[] {"", " ", "-", ".", "  ", "\t", "_", "/", "\u00A0", "\u2013", " - ", " / "}) {
            String written = String.join(sep, "4556", "0000", "1234", "5674");
            assertThat(Redaction.digits("amount: '" + written + "' groups its digits irregularly"))
                    .as(sep).isEqualTo("amount: '[digits removed]' groups its digits irregularly");
        }
    }

    @Test
    void leavesShortNumbersAlone() {
        String message = "line 12: date '2024.01.15' at 10:30, IP 81.2.69.160, amount 1234.56, phone 0161 496 0000";
        assertThat(Redaction.digits(message)).isEqualTo(message);
        assertThat(Redaction.digits(null)).isNull();
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.strings().withChars("0123456789 \t-._/\u00A0\u2013x'").ofMaxLength(60);
    }

    /** Whatever is left has no twelve digits joined by nothing but separators. */
    @Property(tries = 1000)
    void noTwelveDigitsSurvive(@ForAll("messages") String message) {
        String joined = Redaction.digits(message).replaceAll("(?<=\\d)[\\h._/\\-\u2013]+(?=\\d)", "");
        assertThat(joined).doesNotContainPattern("\\d{12}");
    }
}
