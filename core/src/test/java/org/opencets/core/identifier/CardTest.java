package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cards: the rules, and proof that the number never appears in an identifier, a message, a
 * toString or extracted text, on every path.
 */
class CardTest {
    static final String VISA = "4111111111111111";
    static final String AMEX = "378282246310005";

    private static Identifier card(String raw) {
        return Identifiers.normalise(IdentifierType.CARD, raw, Contexts.GB);
    }

    /** Builds a Luhn-valid number from a prefix of digits by appending the check digit. */
    static String withCheckDigit(String body) {
        for (char c = '0'; c <= '9'; c++) {
            char[] d = (body + c).toCharArray();
            if (CardNumbers.luhn(d, 0, d.length)) {
                return body + c;
            }
        }
        throw new AssertionError("no check digit");
    }

    /**
     * The number is not in the text, written plain or grouped by any separators (the masked form, which
     * drops the middle digits, is allowed).
     */
    static void assertDoesNotLeak(String text, String number) {
        String joined = text.replaceAll("(?<=\\d)[\\s\\h\\-./_\u2010-\u2015\u2212]+(?=\\d)", "");
        assertThat(joined).as("text holds the card number").doesNotContain(number);
        // The hidden middle digits together with the BIN would narrow the number to a handful.
        int bin = number.length() >= 16 ? 8 : 6;
        assertThat(joined).as("text holds the BIN and hidden digits").doesNotContain(number.substring(0, Math.min(number.length() - 2, bin + 2)));
    }

    @Test
    void validCardBecomesHashAndMask() {
        Identifier id = card("4111 1111-1111 1111");
        assertThat(id.type()).isEqualTo(IdentifierType.CARD);
        assertThat(id.value()).isEqualTo(Contexts.HASHER.hash(VISA)).matches("[0-9a-f]{64}");
        assertThat(id.display()).isEqualTo("41111111…1111");
        assertThat(id.correlatable()).isTrue();
        assertDoesNotLeak(id.value(), VISA);
        assertDoesNotLeak(id.display(), VISA);
        assertDoesNotLeak(id.toString(), VISA);
        assertDoesNotLeak(id.key(), VISA);
        assertThat(id.toString()).isEqualTo("card:41111111…1111");
    }

    @Test
    void shorterCardsShowSixDigitBin() {
        assertThat(card(AMEX).display()).isEqualTo("378282…0005");
        String thirteen = withCheckDigit("422222222222");
        assertThat(card(thirteen).display()).isEqualTo("422222…" + thirteen.substring(9));
        assertThat(card(withCheckDigit("60110009901394240")).display()).startsWith("60110009…");
    }

    @Test
    void sameCardSameHashOtherKeyOtherHash() {
        assertThat(card("4111-1111-1111-1111").value()).isEqualTo(card(VISA).value());
        IdentifierContext other = new IdentifierContext("GB", new CardHasher(Contexts.key(9)));
        assertThat(Identifiers.normalise(IdentifierType.CARD, VISA, other).value()).isNotEqualTo(card(VISA).value());
        assertThat(card("4012888888881881").value()).isNotEqualTo(card(VISA).value());
    }

    @Test
    void invalidLuhnSaysSoWithoutTheNumber() {
        String bad = "4111111111111112";
        Throwable t = catchThrowable(() -> card(bad));
        assertThat(t).isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("Luhn");
        assertDoesNotLeak(t.getMessage(), bad);
        assertDoesNotLeak(t.toString(), bad);
        assertThat(((InvalidIdentifierException) t).type()).isEqualTo(IdentifierType.CARD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"41111111111", "41111111111111111111", "4111111111111111111111111", "411111111111111x",
        "4111.1111.1111.1111", "4111/1111/1111/1111", "+4111111111111111"})
    void wrongLengthOrCharactersSaySoWithoutTheNumber(String bad) {
        Throwable t = catchThrowable(() -> card(bad));
        assertThat(t).isInstanceOf(InvalidIdentifierException.class);
        assertThat(t.getMessage()).containsAnyOf("digits", "may contain only");
        assertDoesNotLeak(t.getMessage(), bad.replaceAll("[^0-9]", ""));
    }

    @Test
    void lengthMessageCountsDigits() {
        assertThatThrownBy(() -> card("4111 1111 111")).hasMessage("card number must have 12 to 19 digits, found 11");
    }

    @Test
    void cardNumbersOfferedAsOtherTypesDoNotLeakInMessages() {
        String number = VISA;
        for (IdentifierType type : IdentifierType.values()) {
            if (type == IdentifierType.CARD) {
                continue;
            }
            for (String form : List.of(number, "4111 1111 1111 1111", "4111-1111-1111-1111", "x" + number + "@example.com",
                    "http://example.com:" + number + "/", number + ".example.com", "twitter:" + number + "!",
                    "1.2.3.4/" + number, "a" + number + "://example.com/", "md5:" + number, "+" + number, number + "|x",
                    "http://example.com/" + number)) {
                Throwable t = catchThrowable(() -> Identifiers.normalise(type, form, Contexts.GB));
                if (t != null) {
                    assertDoesNotLeak(t.getMessage(), number);
                }
            }
        }
        Throwable t = catchThrowable(() -> Identifiers.detectAndNormalise("4111 1111 1111 1112 9", Contexts.GB));
        assertThat(t).isInstanceOf(InvalidIdentifierException.class);
        assertDoesNotLeak(t.getMessage(), "41111111111111129");
    }

    @Test
    void cardInFreeTextIsMaskedInExtractionAndRedaction() {
        String text = "paid with 4111 1111 1111 1111 exp 12/27, backup card 378282246310005; call 07400 123456";
        List<Found> found = TextExtractor.extract(text, Contexts.GB);
        List<Found> cards = found.stream().filter(f -> f.identifier().type() == IdentifierType.CARD).toList();
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).raw()).isEqualTo("41111111…1111");
        assertThat(cards.get(0).start()).isEqualTo(text.indexOf("4111"));
        assertThat(cards.get(0).end()).isEqualTo(text.indexOf(" exp"));
        assertThat(cards.get(1).raw()).isEqualTo("378282…0005");
        for (Found f : found) {
            assertDoesNotLeak(f.toString(), VISA);
            assertDoesNotLeak(f.toString(), AMEX);
        }
        String redacted = TextExtractor.redactCards(text);
        assertThat(redacted).isEqualTo("paid with 41111111…1111 exp 12/27, backup card 378282…0005; call 07400 123456");
        assertDoesNotLeak(redacted, VISA);
        assertDoesNotLeak(redacted, AMEX);
    }

    @Test
    void cardNumbersInsideUrlsAndMailboxesAreMaskedThere() {
        Identifier url = Identifiers.normalise(IdentifierType.URL,
                "https://shop.example.com/pay/4111-1111-1111-1111?pan=378282246310005&u=4111111111111111#x", Contexts.GB);
        assertThat(url.value()).isEqualTo("https://shop.example.com/pay/41111111%E2%80%A61111?pan=378282%E2%80%A60005&u=41111111%E2%80%A61111");
        assertThat(Identifiers.normalise(IdentifierType.URL, url.value(), Contexts.GB)).isEqualTo(url);
        assertDoesNotLeak(url.value(), VISA);
        assertDoesNotLeak(url.value(), AMEX);
        Identifier mail = Identifiers.normalise(IdentifierType.EMAIL, "4111111111111111@example.com", Contexts.GB);
        assertThat(mail.value()).isEqualTo("41111111…1111@example.com");
        assertThat(Identifiers.normalise(IdentifierType.EMAIL, mail.display(), Contexts.GB)).isEqualTo(mail);
        // Not a card: a 16-digit order number failing the Luhn check stays.
        assertThat(Identifiers.normalise(IdentifierType.URL, "http://example.com/o/4111111111111112", Contexts.GB).value())
                .isEqualTo("http://example.com/o/4111111111111112");
    }

    @Test
    void redactionLeavesNonCardsAlone() {
        String text = "order 4111111111111112 (bad check digit), phone +44 7400 123456, id 12345678901234567890123";
        assertThat(TextExtractor.redactCards(text)).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> cardNumbers() {
        return Arbitraries.integers().between(12, 18).flatMap(len ->
                Arbitraries.strings().numeric().ofLength(len).map(body -> withCheckDigit(String.valueOf(1 + (body.charAt(0) - '0') % 9) + body.substring(1))));
    }

    @Property(tries = 500)
    void everyValidNumberNormalisesGroupedOrNotAndNeverLeaks(@ForAll("cardNumbers") String number) {
        Identifier plain = card(number);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append(i % 8 == 0 ? '-' : ' ');
            }
            grouped.append(number.charAt(i));
        }
        assertThat(card(" " + grouped + " ")).isEqualTo(plain);
        int bin = number.length() >= 16 ? 8 : 6;
        assertThat(plain.display()).isEqualTo(number.substring(0, bin) + "…" + number.substring(number.length() - 4));
        assertDoesNotLeak(plain.value() + plain.toString(), number);
        String text = "ref: " + grouped + ".";
        String redacted = TextExtractor.redactCards(text);
        if (number.length() >= CardNumbers.MIN_DIGITS_IN_TEXT) {
            assertThat(redacted).isEqualTo("ref: " + plain.display() + ".");
        }
    }

    @Property(tries = 500)
    void aMistypedDigitIsAlwaysCaught(@ForAll("cardNumbers") String number, @ForAll java.util.Random random) {
        int pos = random.nextInt(number.length());
        char wrong = (char) ('0' + (number.charAt(pos) - '0' + 1 + random.nextInt(9)) % 10);
        String typo = number.substring(0, pos) + wrong + number.substring(pos + 1);
        Throwable t = catchThrowable(() -> card(typo));
        assertThat(t).isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("Luhn");
        assertDoesNotLeak(t.getMessage(), typo);
    }

    @Provide
    Arbitrary<String> wrappers() {
        return Arbitraries.of("%s", " %s ", "x%s@example.com", "http://example.com:%s/", "%s.example.com", "twitter:%s!",
                "1.2.3.4/%s", "a%s://example.com/", "md5:%s", "sha1:%s", "pdq:%s", "+%s", "%s|x", "%s/%s", "[%s]", "%s:%s::1",
                "http://[%s]/", "mailto:%s", "www.%s", "%s%s");
    }

    @Property(tries = 1000)
    void noRejectionMessageEverHoldsTheNumber(@ForAll("cardNumbers") String number, @ForAll("wrappers") String wrapper,
                                              @ForAll IdentifierType type, @ForAll boolean grouped, @ForAll("textSeparators") String separator) {
        String written = grouped ? number.replaceAll("(\\d{4})(?=\\d)", "$1" + java.util.regex.Matcher.quoteReplacement(separator)) : number;
        String raw = wrapper.replace("%s", written);
        Throwable t = catchThrowable(() -> Identifiers.normalise(type, raw, Contexts.GB));
        if (t != null) {
            assertThat(t).isInstanceOf(InvalidIdentifierException.class);
            assertDoesNotLeak(t.getMessage(), number);
        }
        Throwable d = catchThrowable(() -> Identifiers.detectAndNormalise(raw, Contexts.GB));
        if (d != null) {
            assertThat(d).isInstanceOf(InvalidIdentifierException.class);
            assertDoesNotLeak(d.getMessage(), number);
        }
    }

    @Test
    void seededRandomTextNeverLeaksCardsThroughExtraction() {
        long seed = System.nanoTime();
        System.out.println("CardTest.seededRandomTextNeverLeaksCardsThroughExtraction seed=" + seed);
        Random r = new Random(seed);
        String[] fillers = {"call me", "+44 7400 123456", "bob@example.com", "http://example.com/x", "81.2.69.160", "at", ",", "\n", "é"};
        for (int round = 0; round < 50; round++) {
            StringBuilder text = new StringBuilder();
            List<String> numbers = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                text.append(fillers[r.nextInt(fillers.length)]).append(' ');
                if (r.nextInt(3) == 0) {
                    StringBuilder body = new StringBuilder("4");
                    int len = 13 + r.nextInt(7);
                    while (body.length() < len - 1) {
                        body.append(r.nextInt(10));
                    }
                    String n = withCheckDigit(body.toString());
                    numbers.add(n);
                    text.append(n).append(' ');
                }
            }
            List<Found> found = TextExtractor.extract(text.toString(), Contexts.GB);
            String redacted = TextExtractor.redactCards(text.toString());
            for (String n : numbers) {
                assertThat(found.stream().filter(f -> f.identifier().type() == IdentifierType.CARD)
                        .anyMatch(f -> f.identifier().value().equals(Contexts.HASHER.hash(n)))).as("seed %s", seed).isTrue();
                for (Found f : found) {
                    assertDoesNotLeak(f.toString(), n);
                }
                assertDoesNotLeak(redacted, n);
            }
        }
    }

    /** The quick pre-check of redaction never skips text in which the search would find a card. */
    @Property(tries = 2000)
    void thePreCheckNeverHidesACard(@ForAll("digitHeavyText") String text) {
        if (!CardNumbers.mayHoldInText(text)) {
            assertThat(CardNumbers.find(text, null)).isEmpty();
        }
    }

    @Property(tries = 300)
    void thePreCheckLetsEveryGroupedCardThrough(@ForAll("digitHeavyText") String before, @ForAll("digitHeavyText") String after,
                                                @ForAll("textSeparators") String separator) {
        String text = before + " " + VISA.substring(0, 4) + "-" + VISA.substring(4, 8) + " " + VISA.substring(8) + " " + after;
        assertThat(CardNumbers.mayHoldInText(text)).isTrue();
        String other = before + " " + String.join(separator, VISA.substring(0, 4), VISA.substring(4, 8), VISA.substring(8, 12), VISA.substring(12))
                + " " + after;
        assertThat(CardNumbers.mayHoldInText(other)).isTrue();
    }

    /**
     * Text made of card-number pieces and the characters around them: a number of 13 to 19 digits
     * (Luhn-valid half the time) cut at random places, joined by gaps the search knows and some it
     * does not, with more digit groups before and after. The search finds a card in part of it; the
     * pre-check must let all of that part through.
     */
    @Property(tries = 3000)
    void thePreCheckNeverHidesACardInGroupedText(@ForAll("groupedText") String text) {
        boolean found = !CardNumbers.find(text, null).isEmpty();
        net.jqwik.api.statistics.Statistics.label("a card in the text").collect(found);
        if (found) {
            assertThat(CardNumbers.mayHoldInText(text)).as(text).isTrue();
        }
    }

    @Provide
    Arbitrary<String> groupedText() {
        Arbitrary<String> number = Arbitraries.integers().between(12, 18).flatMap(len -> Arbitraries.strings().numeric().ofLength(len))
                .flatMap(body -> Arbitraries.of(withCheckDigit(body), body + "0"));
        Arbitrary<String> gap = Arbitraries.of(" ", "-", ".", "  ", "\t", "_", "/", "\u00A0", "\u2013", " - ", " . ", ":", ",", "a", "\n", "..", "-.");
        Arbitrary<String> extra = Arbitraries.strings().numeric().ofMaxLength(6);
        return net.jqwik.api.Combinators.combine(number, gap.list().ofSize(20), Arbitraries.randoms(), extra, extra)
                .as((digits, gaps, random, before, after) -> {
                    StringBuilder sb = new StringBuilder(before).append(before.isEmpty() ? "" : gaps.get(18));
                    int at = 0;
                    int k = 0;
                    while (at < digits.length()) {
                        int g = Math.min(digits.length() - at, random.nextInt(4) == 0 ? 1 + random.nextInt(6) : 3 + random.nextInt(4));
                        sb.append(at == 0 ? "" : gaps.get(random.nextInt(4) == 0 ? k : 0)).append(digits, at, at + g);
                        at += g;
                        k++;
                    }
                    return sb.append(after.isEmpty() ? "" : gaps.get(19)).append(after).toString();
                });
    }

    @Provide
    Arbitrary<String> textSeparators() {
        return Arbitraries.of(" ", "-", ".", "  ", "\t", "_", "/", "\u00A0", "\u202F", "\u2013", " - ");
    }

    @Provide
    Arbitrary<String> digitHeavyText() {
        return Arbitraries.strings().withChars("0123456789      --.a/_\t\u00A0\u2013").ofMaxLength(48);
    }
}
