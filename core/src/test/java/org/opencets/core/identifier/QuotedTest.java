package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class QuotedTest {
    @Test
    void masksLongDigitRunsOnly() {
        assertThat(Quoted.of("4111 1111 1111 1111")).isEqualTo("'[16 digits]'");
        assertThat(Quoted.of("pay 4111-1111-1111-1111 now")).isEqualTo("'pay [16 digits] now'");
        assertThat(Quoted.of("81.2.69.160")).isEqualTo("'81.2.69.160'");
        assertThat(Quoted.of("07400 123456")).isEqualTo("'07400 123456'");
        assertThat(Quoted.of("12345678901")).isEqualTo("'12345678901'");
        assertThat(Quoted.of("123456789012")).isEqualTo("'[12 digits]'");
        assertThat(Quoted.of("1-2")).isEqualTo("'1-2'");
        assertThat(Quoted.of("pay 4111.1111.1111.1111 now")).isEqualTo("'pay [16 digits] now'");
        assertThat(Quoted.of("4111\t1111 / 1111_1111\u00A01111")).isEqualTo("'[20 digits]'");
        assertThat(Quoted.of("2024.01.15 at 10:30")).isEqualTo("'2024.01.15 at 10:30'");
        assertThat(Quoted.of("x".repeat(100))).hasSize(83).endsWith("…'");
        assertThat(Quoted.of(null)).isEqualTo("null");
    }

    /**
     * A hex hash is not a card: quoted, it stays readable (its start and end, as a card's masked form
     * shows a card's) instead of being cut into "[12 digits]" pieces (session 6 review, finding 14).
     */
    @Test
    void aHexWordIsShortenedNotCutIntoDigitCounts() {
        String md5 = "d35c" + "123456789012" + "e7e" + "1234567890123"; // 32 hex digits, two long decimal runs
        assertThat(Quoted.of("file_hash:md5:" + md5)).isEqualTo("'file_hash:md5:d35c12…0123'");
        assertThat(Quoted.of(md5.toUpperCase(java.util.Locale.ROOT))).isEqualTo("'D35C12…0123'");
        // a hash without a long decimal run is quoted whole
        assertThat(Quoted.of("md5:d41d8cd98f00b204e9800998ecf8427e")).isEqualTo("'md5:d41d8cd98f00b204e9800998ecf8427e'");
        // a card beside letters that are not hex, or beside too few hex letters, is still only counted
        assertThat(Quoted.of("card4556737586899855")).isEqualTo("'card[16 digits]'");
        assertThat(Quoted.of("ab4556737586899855")).isEqualTo("'ab4556…9855'");
        assertThat(Quoted.of("4556737586899855")).isEqualTo("'[16 digits]'");
        assertThat(Quoted.of("abcdef 4556 7375 8689 9855")).isEqualTo("'abcdef [16 digits]'");
    }

    @Property(tries = 1000)
    void noRunOfTwelveDigitsSurvivesInHex(@ForAll @StringLength(max = 80) @Chars({' ', '-', '.', 'a', 'F', ':', '_'})
                                          @CharRange(from = '0', to = '9') String raw) {
        String masked = Quoted.maskDigitRuns(raw);
        String joined = masked.replaceAll("(?<=\\d)[\\h._/\\-\u2013]+(?=\\d)", "");
        assertThat(joined).doesNotContainPattern("\\d{12}");
    }

    @Property(tries = 1000)
    void noRunOfTwelveDigitsSurvives(@ForAll @StringLength(max = 60) @Chars({' ', '-', '.', 'a', '+', '\t', '_', '/', '\u00A0', '\u2013'})
                                     @CharRange(from = '0', to = '9') String raw) {
        String masked = Quoted.maskDigitRuns(raw);
        String joined = masked.replaceAll("(?<=\\d)[\\h._/\\-\u2013]+(?=\\d)", "");
        assertThat(joined).doesNotContainPattern("\\d{12}");
        assertThat(new InvalidIdentifierException(IdentifierType.CARD, raw).getMessage()).isEqualTo(masked);
    }
}
