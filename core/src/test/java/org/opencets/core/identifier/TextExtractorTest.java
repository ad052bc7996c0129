package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;

class TextExtractorTest {
    private static List<Found> extract(String text) {
        return TextExtractor.extract(text, Contexts.GB);
    }

    private static List<String> keys(String text) {
        return extract(text).stream().map(f -> f.identifier().key()).toList();
    }

    /** Every non-card match's raw is exactly the substring at its offsets. */
    private static void assertOffsets(String text, List<Found> found) {
        int lastEnd = 0;
        for (Found f : found) {
            assertThat(f.start()).isGreaterThanOrEqualTo(lastEnd);
            assertThat(f.end()).isGreaterThan(f.start()).isLessThanOrEqualTo(text.length());
            if (f.identifier().type() != IdentifierType.CARD) {
                assertThat(f.raw()).isEqualTo(text.substring(f.start(), f.end()));
            }
            lastEnd = f.end();
        }
    }

    @Test
    void findsEachKindWithExactOffsets() {
        String text = "Mail Bob.Smith+x@Example.com or see https://example.org/a?b=1. Server 81.2.69.160, v6 2a00:1450:4009:815::200e; "
                + "phone 07400 123456, www.example.net/page).";
        List<Found> found = extract(text);
        assertOffsets(text, found);
        assertThat(found).extracting(f -> f.identifier().key()).containsExactly(
                "email:bob.smith@example.com",
                "url:https://example.org/a?b=1",
                "ip:81.2.69.160",
                "ip:2a00:1450:4009:815::200e",
                "phone:+447400123456",
                "url:http://www.example.net/page");
        Found mail = found.get(0);
        assertThat(mail.raw()).isEqualTo("Bob.Smith+x@Example.com");
        assertThat(mail.start()).isEqualTo(5);
        assertThat(found.get(1).raw()).isEqualTo("https://example.org/a?b=1");
        assertThat(found.get(5).raw()).isEqualTo("www.example.net/page");
    }

    @Test
    void offsetsAreUtf16IndicesAfterNonAsciiText() {
        // é is one UTF-16 unit, the emoji two (a surrogate pair), the CJK characters one each.
        String text = "Café 😀 日本語: write to jörg@bücher.de now";
        List<Found> found = extract(text);
        assertThat(found).hasSize(1);
        Found f = found.get(0);
        assertThat(f.start()).isEqualTo(text.indexOf("jörg"));
        assertThat(f.start()).isEqualTo(22);
        assertThat(f.end()).isEqualTo(f.start() + "jörg@bücher.de".length());
        assertThat(f.raw()).isEqualTo("jörg@bücher.de");
        assertThat(f.identifier().value()).isEqualTo("jörg@xn--bcher-kva.de");
    }

    @Test
    void cardOffsetsAfterAnEmoji() {
        String text = "😀😀 4111 1111 1111 1111!";
        List<Found> found = extract(text);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).start()).isEqualTo(5);
        assertThat(found.get(0).end()).isEqualTo(5 + 19);
        assertThat(found.get(0).raw()).isEqualTo("41111111…1111");
    }

    @Test
    void versionNumbersAndLongerDottedNumbersAreNotAddresses() {
        assertThat(keys("upgrade to 1.2.3 then 10.0.1.2.3 and 1.2.3.4.5, build 2.0.0.1a, v1.2.3.4")).isEmpty();
        assertThat(keys("IP 300.1.1.1 is bad")).isEmpty();
        assertThat(keys("at 12:30:45 on 2024-01-02, MAC 00:1a:2b:3c:4d:5e, std::vector")).isEmpty();
    }

    @Test
    void addressesAtSentenceEndsAndWithPorts() {
        assertThat(keys("from 81.2.69.160.")).containsExactly("ip:81.2.69.160");
        assertThat(keys("(81.2.69.160:8080)")).containsExactly("ip:81.2.69.160");
        assertThat(keys("host 2001:db8::1: refused")).containsExactly("ip:2001:db8::1");
        assertThat(keys("ID:2a00:1450::1.")).containsExactly("ip:2a00:1450::1");
    }

    @Test
    void emailWinsOverTheUrlInsideIt() {
        String text = "contact: www.shop@www.example.com";
        List<Found> found = extract(text);
        assertThat(found).extracting(f -> f.identifier().key()).containsExactly("email:www.shop@www.example.com");
    }

    @Test
    void urlWinsOverTheEmailInItsQueryAndTheIpThatIsItsHost() {
        assertThat(keys("see http://example.com/?to=bob@example.org now"))
                .containsExactly("url:http://example.com/?to=bob@example.org");
        assertThat(keys("see http://81.2.69.160/admin")).containsExactly("url:http://81.2.69.160/admin");
    }

    @Test
    void cardWinsOverAPhoneOnTheSameDigits() {
        // A German mobile number, +49 160 1234567X, whose 13 digits pass the Luhn check for one X.
        String digits = CardTest.withCheckDigit("491601234567");
        String written = "+49 160 " + digits.substring(5);
        String text = "ring " + written + " now";
        assertThat(PhoneNormaliser.UTIL.findNumbers(text, "DE", Leniency.VALID, Long.MAX_VALUE))
                .as("libphonenumber alone takes it for a phone").isNotEmpty();
        List<Found> found = TextExtractor.extract(text, new IdentifierContext("DE", Contexts.HASHER));
        assertThat(found).extracting(f -> f.identifier().type()).containsExactly(IdentifierType.CARD);
        assertThat(found.get(0).start()).isEqualTo(text.indexOf("49"));
        assertThat(found.get(0).end()).isEqualTo(text.indexOf(" now"));
    }

    @Test
    void groupedCardsAndExpiryDates() {
        String text = "4111 1111 1111 1111 12/27 and 5555-5555-5555-4444 and 3782 822463 10005";
        List<Found> found = extract(text);
        assertThat(found).extracting(Found::raw).containsExactly("41111111…1111", "55555555…4444", "378282…0005");
        assertThat(found.get(0).end()).isEqualTo(19);
        assertThat(text.substring(found.get(1).start(), found.get(1).end())).isEqualTo("5555-5555-5555-4444");
    }

    @Test
    void trailingPunctuationAndBrackets() {
        assertThat(extract("(see https://example.com/wiki/Foo_(bar)).").get(0).raw()).isEqualTo("https://example.com/wiki/Foo_(bar)");
        assertThat(extract("[https://example.com/x]").get(0).raw()).isEqualTo("https://example.com/x");
        assertThat(extract("go to www.example.com!").get(0).raw()).isEqualTo("www.example.com");
        assertThat(extract("mail .bob@example.com.").get(0).raw()).isEqualTo("bob@example.com");
    }

    @Test
    void phonesUseTheContextRegion() {
        assertThat(TextExtractor.extract("call (202) 555-0143 today", Contexts.US)).extracting(f -> f.identifier().value())
                .containsExactly("+12025550143");
        assertThat(TextExtractor.extract("call 07400 123456 today", Contexts.NO_REGION)).isEmpty();
        assertThat(TextExtractor.extract("call +44 7400 123456 today", Contexts.NO_REGION)).extracting(Found::raw)
                .containsExactly("+44 7400 123456");
    }

    @Test
    void invalidCandidatesAreSkipped() {
        assertThat(keys("write to bob@localhost or http://localhost/ or ftp://[zz::1]/")).isEmpty();
        assertThat(keys("")).isEmpty();
    }

    @Test
    @Timeout(30) // a guard against a hang (quadratic scans of long runs), not a speed claim
    void longRunsOfWordCharactersAndDigitGroupsDoNotHang() {
        // Big blobs (base64, hex dumps, digit tables) must stay linear: no regex backtracking, no
        // scan of all group pairs of a long run of digit groups.
        String blob = "A".repeat(100_000) + " " + "1:".repeat(10_000) + " " + "a.".repeat(10_000) + " " + "1 ".repeat(10_000)
                + " " + "1-".repeat(10_000) + "x " + "1.".repeat(10_000);
        assertThat(extract(blob)).isEmpty();
        assertThat(TextExtractor.redactCards(blob)).isEqualTo(blob);
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        return Arbitraries.of("bob@example.com", "https://example.org/x", "81.2.69.160", "2a00:1450::1", "07400 123456",
                "4111 1111 1111 1111", "hello", "é", "😀", "日本", ",", ".", " ", "\n", "(", ")", "1.2.3", "www.example.net").list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void outputIsOrderedNonOverlappingAndRawMatchesOffsets(@ForAll("pieces") List<String> pieces) {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(pieces.hashCode());
        for (String p : pieces) {
            sb.append(p).append(r.nextBoolean() ? " " : "");
        }
        String text = sb.toString();
        List<Found> found = extract(text);
        assertOffsets(text, found);
        for (Found f : found) {
            // each match, extracted alone, gives the same identifier
            String alone = text.substring(f.start(), f.end());
            List<Found> again = extract(alone);
            assertThat(again).extracting(Found::identifier).contains(f.identifier());
        }
    }

    @Provide
    Arbitrary<String> shortTexts() {
        return Arbitraries.strings().withChars("@:/.wW0123456789 abc-+()٣０")
                .ofMaxLength(40)
                .map(t -> t + (t.length() % 3 == 0 ? " +44 20 7946 0123" : ""));
    }

    @Property(tries = 1000)
    void theShortcutsNeverChangeWhatIsFound(@ForAll("shortTexts") String text, @ForAll("pieces") List<String> pieces) {
        String joined = text + " " + String.join("", pieces);
        for (String t : new String[] {text, joined}) {
            assertThat(TextExtractor.extract(t, Contexts.GB)).isEqualTo(TextExtractor.extractWithoutShortcuts(t, Contexts.GB));
        }
    }
}
