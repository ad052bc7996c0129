package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.core.identifier.CardTest.assertDoesNotLeak;
import static org.opencets.core.identifier.CardTest.withCheckDigit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Card numbers in free text written with separators other than a single space or dash between the
 * digit groups (dots, several spaces, tabs, no-break spaces, underscores, slashes, typographic dashes):
 * found whole, keyed-hashed and masked, while IPv4 addresses, dates, amounts, versions and dotted phone
 * numbers stay what they are. Every number here is synthetic (a body with its check digit).
 */
class CardSeparatorsInTextTest {
    /** 4-4-4-4. */
    static final String SIXTEEN = withCheckDigit("455600001234567");
    /** 4-6-5, as American Express numbers are printed. */
    static final String FIFTEEN = withCheckDigit("37820000123456");
    /** 4-4-5. */
    static final String THIRTEEN = withCheckDigit("422200001234");
    /** 4-4-4-4-3. */
    static final String NINETEEN = withCheckDigit("601100001234567890");

    /** The separators people put between card digit groups, beyond a single space or dash. */
    static final List<String> SEPARATORS = List.of(".", "  ", "   ", "\t", " \t ", "_", "/", "\u00A0", "\u202F", "\u2013", "\u2014",
            " - ", " . ", " / ", " \u2013 ");

    static String written(String number, String separator) {
        int[] groups = switch (number.length()) {
            case 13 -> new int[] {4, 4, 5};
            case 15 -> new int[] {4, 6, 5};
            case 16 -> new int[] {4, 4, 4, 4};
            case 19 -> new int[] {4, 4, 4, 4, 3};
            default -> throw new IllegalArgumentException("no grouping for " + number.length() + " digits");
        };
        return grouped(number, groups, separator);
    }

    static String grouped(String number, int[] groups, String separator) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int g : groups) {
            if (at > 0) {
                sb.append(separator);
            }
            sb.append(number, at, at + g);
            at += g;
        }
        return sb.toString();
    }

    static String mask(String number) {
        int bin = number.length() >= 16 ? 8 : 6;
        return number.substring(0, bin) + "…" + number.substring(number.length() - 4);
    }

    static Stream<Arguments> spellings() {
        return SEPARATORS.stream().flatMap(sep -> Stream.of(SIXTEEN, FIFTEEN, THIRTEEN, NINETEEN)
                .map(n -> Arguments.of(visible(sep), n, written(n, sep))));
    }

    /** The separator in a test's name, so a failing case says which one it was. */
    private static String visible(String sep) {
        return sep.replace(" ", "␠").replace("\t", "⇥").replace("\u00A0", "NBSP").replace("\u202F", "NNBSP")
                .replace("\u2013", "en-dash").replace("\u2014", "em-dash");
    }

    private static List<Found> cards(List<Found> found) {
        return found.stream().filter(f -> f.identifier().type() == IdentifierType.CARD).toList();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("spellings")
    void extractionFindsTheWholeSpellingAsOneCard(String separator, String number, String written) {
        String text = "paid with " + written + " yesterday";
        List<Found> found = TextExtractor.extract(text, Contexts.GB);
        assertThat(found).hasSize(1);
        Found card = found.get(0);
        assertThat(card.identifier().type()).isEqualTo(IdentifierType.CARD);
        assertThat(card.identifier().value()).isEqualTo(Contexts.HASHER.hash(number));
        assertThat(card.start()).isEqualTo("paid with ".length());
        assertThat(card.end()).isEqualTo(card.start() + written.length());
        assertThat(card.raw()).isEqualTo(mask(number));
        assertDoesNotLeak(found.toString(), number);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("spellings")
    void redactionMasksTheWholeSpelling(String separator, String number, String written) {
        assertThat(CardNumbers.mayHoldInText(written)).isTrue();
        String redacted = TextExtractor.redactCards("paid with " + written + " yesterday");
        assertThat(redacted).isEqualTo("paid with " + mask(number) + " yesterday");
        assertDoesNotLeak(redacted, number);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("spellings")
    void theSameCardWhateverTheSpelling(String separator, String number, String written) {
        Identifier plain = Identifiers.normalise(IdentifierType.CARD, number, Contexts.GB);
        assertThat(TextExtractor.extract(written, Contexts.GB)).extracting(Found::identifier).containsExactly(plain);
    }

    @Test
    void anEmailLocalPartWithADottedCardIsMaskedInDisplayAndValue() {
        String local = written(SIXTEEN, ".");
        Identifier mail = Identifiers.normalise(IdentifierType.EMAIL, local + "@gmail.com", Contexts.GB);
        assertThat(mail.display()).isEqualTo(mask(SIXTEEN) + "@gmail.com");
        assertDoesNotLeak(mail.value() + " " + mail.display(), SIXTEEN);
        Identifier url = Identifiers.normalise(IdentifierType.URL, "https://shop.example.com/pay?pan=" + written(SIXTEEN, "_"), Contexts.GB);
        assertDoesNotLeak(url.value(), SIXTEEN);
    }

    @Test
    void aGmailLocalPartThatIsACardOnceItsDotsAreGoneIsMaskedInTheValue() {
        // Irregular dots are no card spelling in text, but the Gmail rule removes dots from the value.
        Identifier mail = Identifiers.normalise(IdentifierType.EMAIL, SIXTEEN.substring(0, 10) + "." + SIXTEEN.substring(10) + "@gmail.com",
                Contexts.GB);
        assertDoesNotLeak(mail.value(), SIXTEEN);
        assertThat(mail.value()).isEqualTo(mask(SIXTEEN) + "@gmail.com");
    }

    @Test
    void digitsAroundADottedOrSpacedCardStayOutOfIt() {
        String text = "ref 12." + written(SIXTEEN, ".") + ".00 and " + written(FIFTEEN, "  ") + " 12/27";
        List<Found> found = cards(TextExtractor.extract(text, Contexts.GB));
        assertThat(found).extracting(f -> f.identifier().value())
                .containsExactly(Contexts.HASHER.hash(SIXTEEN), Contexts.HASHER.hash(FIFTEEN));
        assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo(written(SIXTEEN, "."));
        assertThat(text.substring(found.get(1).start(), found.get(1).end())).isEqualTo(written(FIFTEEN, "  "));
        String after = "from 81.2.69.160 " + written(SIXTEEN, ".") + " and 2024.01.15 " + written(THIRTEEN, "_");
        assertThat(TextExtractor.extract(after, Contexts.GB)).extracting(f -> f.identifier().key())
                .containsExactly("ip:81.2.69.160", "card:" + Contexts.HASHER.hash(SIXTEEN), "card:" + Contexts.HASHER.hash(THIRTEEN));
        // An ungrouped number followed by cents is the number alone, as before.
        assertThat(TextExtractor.redactCards("amount " + SIXTEEN + ".00")).isEqualTo("amount " + mask(SIXTEEN) + ".00");
    }

    /**
     * A dotted number of 13 to 19 digits that passes the Luhn check, in one of the shapes dots are
     * otherwise used for; built by varying its last digits, so that only the shape keeps it from
     * being a card.
     */
    private static String luhnValidVariant(String format) {
        for (int i = 0; i < 1000; i++) {
            String s = String.format(format, i % 10, i / 10 % 10, i / 100);
            if (CardNumbers.luhn(s.replaceAll("\\D", "").toCharArray(), 0, s.replaceAll("\\D", "").length())) {
                return s;
            }
        }
        throw new AssertionError(format);
    }

    @Test
    void dottedNumbersThatAreNotCardsStayWhatTheyAre() {
        String datetime = luhnValidVariant("2024.01.15.10.3%d.4%d");            // 14 digits, groups of 2
        String decimal = luhnValidVariant("12345678901.%d%d");                  // 13 digits, an amount
        String version = luhnValidVariant("120.0.6099.1%d%d");                  // 13 digits, a browser version
        String phone = luhnValidVariant("0044.20.7946.01%d%d");                 // 14 digits, a phone written with dots
        String thousands = luhnValidVariant("1.234.567.890.12%d");              // 13 digits, a European amount
        String slashes = luhnValidVariant("2024/01/15/10/3%d/4%d");             // 14 digits, a path of a date
        String twoGroups = luhnValidVariant("4556000012.34567%d");              // 16 digits in two groups
        for (String s : List.of(datetime, decimal, version, phone, thousands, slashes, twoGroups)) {
            String text = "see " + s + " now";
            assertThat(cards(TextExtractor.extract(text, Contexts.GB))).as(s).isEmpty();
            assertThat(TextExtractor.redactCards(text)).as(s).isEqualTo(text);
        }
        String text = "from 81.2.69.160 and 192.168.100.200 on 2024.01.15, 15/01/2024, 202.555.0143, v1.2.3.4, total 1234.56";
        assertThat(TextExtractor.extract(text, Contexts.US)).extracting(f -> f.identifier().key())
                .containsExactly("ip:81.2.69.160", "ip:192.168.100.200", "phone:+12025550143");
        assertThat(TextExtractor.redactCards(text)).isEqualTo(text);
    }

    // ---- properties ----

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.integers().between(13, 19).flatMap(len -> Arbitraries.strings().numeric().ofLength(len - 1)
                .map(body -> withCheckDigit((char) ('1' + (body.charAt(0) - '0') % 9) + body.substring(1))));
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(SEPARATORS);
    }

    /** Random groups of 3 to 6 digits, at least three of them, covering the number. */
    /**
     * Whether the last groups, after a first part, are a card written in fours of 13 or more digits
     * ({@code 265 4556 7375 8689 9855}): that is also how digits written before a card look
     * ({@code qty 3 4556 7375 8689 9855}), and the search reads it so (see {@link CardNumbers#find}),
     * so such groupings are no case of "any grouping is the card". Given the groups reversed, the
     * same for first groups in fours before other digits (a card and its security code).
     */
    static boolean endsInFours(List<Integer> groups) {
        int digits = groups.get(groups.size() - 1) <= 4 ? groups.get(groups.size() - 1) : -1;
        for (int k = groups.size() - 2; k >= 1 && digits > 0; k--) {
            if (groups.get(k) != 4) {
                return false;
            }
            digits += 4;
            if (digits >= 13) {
                return true;
            }
        }
        return false;
    }

    static int[] randomGroups(int length, Random r) {
        while (true) {
            List<Integer> groups = new ArrayList<>();
            int left = length;
            while (left > 6) {
                int g = 3 + r.nextInt(Math.min(4, left - 2));
                groups.add(g);
                left -= g;
            }
            if (left >= 3) {
                groups.add(left);
            } else {
                continue; // 1 or 2 left over: draw again
            }
            if (groups.size() >= 3 && !endsInFours(groups) && !endsInFours(groups.reversed())) {
                return groups.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /** Filler words, some with digits, dots and slashes of their own. */
    private static final String[] WORDS = {"paid", "with", "card", "at", "ok", "2024.01.15", "81.2.69.160", "v1.2.3", "1234.56", "555.123.4567",
        "12/27", "😀", "é", "日本", "bob@example.com", "+44 7400 123456", "#", "and"};

    private static String words(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int k = r.nextInt(6); k > 0; k--) {
            sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        return sb.toString();
    }

    /**
     * Whatever the grouping (three or more groups of 3 to 6 digits) and the separator, a card written
     * in text between ordinary words is found whole with its own hash, and masked by redaction. The
     * card is delimited from the words around it by a character that joins no digit groups (a colon,
     * a bracket, a comma, a line break): digits joined to it by a separator would make another run of
     * groups, in which another card may be taken (see {@link CardNumbers#find}).
     */
    @Property(tries = 1500)
    void anyGroupingWithAnySeparatorIsFoundAndMasked(@ForAll("numbers") String number, @ForAll("separators") String separator,
                                                     @ForAll Random random) {
        String written = grouped(number, randomGroups(number.length(), random), separator);
        String[] opens = {"card: ", "(", "\n", "#", "card "};
        String[] closes = {")", ", ", "\n", "; ", "!"};
        String before = words(random) + opens[random.nextInt(opens.length)];
        String text = before + written + closes[random.nextInt(closes.length)] + words(random);

        List<Found> found = cards(TextExtractor.extract(text, Contexts.GB));
        assertThat(found).as("%s in %s", written, text).anyMatch(f -> f.identifier().value().equals(Contexts.HASHER.hash(number))
                && f.start() == before.length() && f.end() == before.length() + written.length());
        String redacted = TextExtractor.redactCards(text);
        assertThat(redacted).contains(mask(number));
        assertDoesNotLeak(redacted, number);
        assertThat(CardNumbers.mayHoldInText(text)).isTrue();
    }

    @Provide
    Arbitrary<List<String>> ipv4() {
        return Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3)).list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<String>> dates() {
        Arbitrary<Integer> year = Arbitraries.integers().between(1970, 2039);
        Arbitrary<Integer> month = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 28);
        Arbitrary<String> sep = Arbitraries.of(".", "/", "-", "_");
        return net.jqwik.api.Combinators.combine(year, month, day, sep, Arbitraries.integers().between(0, 2))
                .as((y, m, d, s, order) -> switch (order) {
                    case 0 -> String.format("%d%s%02d%s%02d", y, s, m, s, d);
                    case 1 -> String.format("%02d%s%02d%s%d", d, s, m, s, y);
                    default -> String.format("%d%s%02d%s%02d%s%02d%s%02d", y, s, m, s, d, s, d % 24, s, m * 4);
                }).list().ofMaxSize(5);
    }

    /** IPv4 addresses and dates, however many of them a text lists, are never taken for cards. */
    @Property(tries = 1000)
    void addressesAndDatesAreNeverCards(@ForAll("ipv4") List<String> ips, @ForAll("dates") List<String> dates,
                                        @ForAll @IntRange(min = 0, max = 3) int joiner, @ForAll Random random) {
        List<String> items = new ArrayList<>(ips);
        items.addAll(dates);
        java.util.Collections.shuffle(items, random);
        if (joiner == 0) {
            // Two dates written with dashes and joined by one space ("2024-01-15 2024-01-16") are a run of
            // 16 digits in groups joined by single dashes and a space, the spelling cards have always been
            // found in, whatever the size of the groups: a known false positive, not a concern here.
            items.replaceAll(s -> s.replace('-', '/'));
        }
        String text = String.join(new String[] {" ", ", ", " and ", "; "}[joiner], items);
        assertThat(cards(TextExtractor.extract(text, Contexts.GB))).as(text).isEmpty();
        assertThat(TextExtractor.redactCards(text)).isEqualTo(text);
        assertThat(CardNumbers.find(text, null)).isEmpty();
    }

    /**
     * A card whose first groups, with digits written just before it (a date, a quantity), also pass
     * the Luhn check: the first such card after {@code seed}, so the test always meets the case.
     */
    private static String cardTakenPartlyBy(String prefixDigits, int seed) {
        for (int i = seed; i < seed + 10_000; i++) {
            String card = withCheckDigit("4556" + String.format("%04d", i % 10_000) + String.format("%07d", 8_689_985L + i / 10_000));
            for (int groups = 1; groups <= 3; groups++) {
                String joined = prefixDigits + card.substring(0, 4 * groups);
                if (joined.length() >= 13 && joined.length() <= 19
                        && CardNumbers.luhn(joined.toCharArray(), 0, joined.length())) {
                    return card;
                }
            }
        }
        throw new AssertionError(prefixDigits);
    }

    /**
     * Digits written just before a card (a date, a quantity, an order number), joined to it by the
     * card's own single spaces or dashes, do not take part of it, even where their digits with the
     * card's first groups pass the Luhn check: the card, written in fours, is found whole and masked,
     * and none of its digits stays in clear beyond its masked form.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"paid 2024-03-07 %s ok", "qty 3 %s", "order 12 %s", "ref 2024 07 %s!"})
    void digitsJoinedBeforeACardDoNotTakePartOfIt(String template) {
        String prefixDigits = template.substring(0, template.indexOf("%s")).replaceAll("\\D", "");
        for (String separator : new String[] {" ", "-"}) {
            String card = cardTakenPartlyBy(prefixDigits, separator.equals(" ") ? 0 : 20_000);
            String written = written(card, separator);
            String text = template.formatted(written);
            List<Found> found = cards(TextExtractor.extract(text, Contexts.GB));
            assertThat(found).as(text).extracting(f -> f.identifier().value()).containsExactly(Contexts.HASHER.hash(card));
            assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo(written);
            String redacted = TextExtractor.redactCards(text);
            assertThat(redacted).as(text).isEqualTo(template.formatted(mask(card)));
            assertDoesNotLeak(redacted, card);
        }
    }

    /**
     * However many short numbers (of one to three digits: a quantity, a day, a count) stand before a
     * card written in fours, joined by single spaces or dashes, the card is found whole with its own
     * hash. (Four-digit numbers joined by the card's own separator are a card's shape themselves,
     * {@code 8701-1307-2973-4384 4851…}: either reading may be taken.)
     */
    @Property(tries = 1000)
    void shortNumbersBeforeACardInFoursNeverTakePartOfIt(@ForAll("numbers") String number,
                                                          @ForAll @IntRange(min = 1, max = 3) int before,
                                                          @ForAll Random random) {
        if (number.length() != 16) {
            number = withCheckDigit("4" + (number + "0000000000000000").substring(1, 15));
        }
        String separator = random.nextBoolean() ? " " : "-";
        StringBuilder prefix = new StringBuilder("on ");
        for (int i = 0; i < before; i++) {
            prefix.append(1 + random.nextInt(random.nextBoolean() ? 99 : 999)).append(random.nextBoolean() ? " " : "-");
        }
        String written = written(number, separator);
        String text = prefix + written + " ok";
        List<Found> found = cards(TextExtractor.extract(text, Contexts.GB));
        String expected = Contexts.HASHER.hash(number);
        assertThat(found).as(text).anyMatch(f -> f.identifier().value().equals(expected)
                && text.substring(f.start(), f.end()).equals(written));
        assertDoesNotLeak(TextExtractor.redactCards(text), number);
    }

    /**
     * Digits written just after a card in fours and joined to it by its own gap (a security code, an
     * expiry date) do not take part of it, even where the card's last groups with them pass the Luhn
     * check: the card is found whole, and its first group is not left in clear.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"card %s 51 ok", "%s 123 cvv", "%s 12 25"})
    void digitsJoinedAfterACardDoNotTakePartOfIt(String template) {
        String suffixDigits = template.substring(template.indexOf("%s") + 2).replaceAll("\\D", "");
        for (String separator : new String[] {" ", "-"}) {
            String t = separator.equals(" ") ? template : template.replace(" 51", "-51").replace(" 123", "-123").replace(" 12 25", "-12-25");
            String card = cardTakenPartlyAfter(suffixDigits, separator.equals(" ") ? 0 : 20_000);
            String written = written(card, separator);
            String text = t.formatted(written);
            List<Found> found = cards(TextExtractor.extract(text, Contexts.GB));
            assertThat(found).as(text).extracting(f -> f.identifier().value()).containsExactly(Contexts.HASHER.hash(card));
            assertThat(TextExtractor.redactCards(text)).as(text).isEqualTo(t.formatted(mask(card)));
        }
    }

    /** A card whose last groups, with digits written just after it, also pass the Luhn check. */
    private static String cardTakenPartlyAfter(String suffixDigits, int seed) {
        for (int i = seed; i < seed + 10_000; i++) {
            // the first group varies too: with an even number of digits after it, the Luhn sum of the
            // last groups and those digits depends only on the card's first group
            String card = withCheckDigit("4" + String.format("%03d", i % 1_000) + String.format("%04d", i / 1_000 % 10_000) + "8689985");
            for (int groups = 1; groups <= 3; groups++) {
                String joined = card.substring(16 - 4 * groups) + suffixDigits;
                if (joined.length() >= 13 && joined.length() <= 19
                        && CardNumbers.luhn(joined.toCharArray(), 0, joined.length())) {
                    return card;
                }
            }
        }
        throw new AssertionError(suffixDigits);
    }

    /** A line of thousands of cards (a dump) is searched in time in proportion to its length, without deep recursion. */
    @Test
    void aLineOfManyCardsIsSearchedWhole() {
        String card = withCheckDigit("411111111111111");
        String line = (card + " ").repeat(20_000);
        String redacted = TextExtractor.redactCards(line);
        assertThat(redacted).isEqualTo((mask(card) + " ").repeat(20_000));
        String grouped = (written(card, " ") + "  ").repeat(5_000);
        assertThat(TextExtractor.extract(grouped, Contexts.GB)).hasSize(5_000);
    }
}
