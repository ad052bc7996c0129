package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The E.164 fast path of {@link PhoneNormaliser} gives what libphonenumber gives: the same parsed
 * number whenever it takes an input, and the same identifier or the same rejection message for every
 * input. jqwik prints the seed of a failing run; replay it with {@code @Property(seed = "...")}.
 */
class PhoneFastPathTest {
    private static final String[] REGIONS = {"US", "GB", "IT", "DE", "FR", "AU", "BR", "AR", "MX", "IN", "RU", "JP", "ZZ", null};
    private static final String[] CALLING_CODES = {"1", "44", "39", "49", "33", "61", "55", "54", "52", "91", "7", "81",
            "353", "86", "800", "808", "870", "881", "882", "883", "888", "979", "262", "590", "599", "0", "2", "28", "969", "42"};

    @Property(tries = 3000)
    void fastParseIsTheLibrarysParse(@ForAll("e164") String raw) throws NumberParseException {
        PhoneNumber fast = PhoneNormaliser.parseE164(raw);
        Statistics.collect(fast != null ? "fast path" : "library");
        Statistics.coverage(c -> c.check("fast path").percentage(p -> p > 20));
        if (fast != null) {
            assertThat(fast.exactlySameAs(PhoneNormaliser.UTIL.parse(raw, "ZZ"))).as(raw).isTrue();
            assertThat(fast.exactlySameAs(PhoneNormaliser.UTIL.parse(raw, "US"))).as(raw).isTrue();
        }
    }

    @Property(tries = 3000)
    void fastAndLibraryPathsAgree(@ForAll("phones") String raw, @ForAll("regions") String region) {
        IdentifierContext ctx = new IdentifierContext(region, Contexts.HASHER);
        assertThat(outcome(() -> PhoneNormaliser.normalise(raw, ctx)))
                .as("%s in %s", raw, region)
                .isEqualTo(outcome(() -> PhoneNormaliser.normaliseWithLibrary(raw, PhoneNormaliser.region(ctx))));
        // a second call may be answered from memory: the same again
        assertThat(outcome(() -> PhoneNormaliser.normalise(raw, ctx)))
                .isEqualTo(outcome(() -> PhoneNormaliser.normaliseWithLibrary(raw, PhoneNormaliser.region(ctx))));
    }

    @Test
    void takesTheCommonE164Shapes() {
        assertThat(PhoneNormaliser.parseE164("+14155550123")).isNotNull();
        assertThat(PhoneNormaliser.parseE164("+447700900123")).isNotNull();
        assertThat(PhoneNormaliser.parseE164("+33612345678")).isNotNull();
        assertThat(PhoneNormaliser.parseE164("+80012345678")).isNotNull();
    }

    @Test
    void leavesEveryOtherShapeToTheLibrary() {
        assertThat(PhoneNormaliser.parseE164("+390612345678")).as("Italian leading zero").isNull();
        assertThat(PhoneNormaliser.parseE164("+1 415 555 0123")).isNull();
        assertThat(PhoneNormaliser.parseE164("4155550123")).isNull();
        assertThat(PhoneNormaliser.parseE164("+14155550123x12")).isNull();
        assertThat(PhoneNormaliser.parseE164("+04155550123")).isNull();
        assertThat(PhoneNormaliser.parseE164("+1")).isNull();
        assertThat(PhoneNormaliser.parseE164("+1234567890123456789012")).isNull();
        assertThat(PhoneNormaliser.parseE164("+١٤١٥٥٥٥٠١٢٣")).as("non-ASCII digits").isNull();
    }

    @Test
    void rejectionsKeepTheirMessages() {
        IdentifierContext us = Contexts.US;
        assertThat(outcome(() -> PhoneNormaliser.normalise("+10005550123", us)))
                .isEqualTo(outcome(() -> PhoneNormaliser.normaliseWithLibrary("+10005550123", "US")))
                .startsWith("error:phone number '+10005550123' is not a valid number");
    }

    private static String outcome(java.util.function.Supplier<Identifier> f) {
        return Outcomes.of(f);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(REGIONS).injectNull(0.0);
    }

    @Provide
    Arbitrary<String> e164() {
        return Combinators.combine(Arbitraries.of(CALLING_CODES), Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(19),
                        Arbitraries.of("", "", "", "0", "00", "1", "11"))
                .as((cc, digits, lead) -> "+" + cc + lead + digits);
    }

    @Provide
    Arbitrary<String> phones() {
        Arbitrary<String> national = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14);
        Arbitrary<String> decorated = Combinators.combine(Arbitraries.of("", "+", "00", "0", "(0)", "+39 0", "tel:", " ", "011"),
                        Arbitraries.of(CALLING_CODES), national,
                        Arbitraries.of("", " ", "-", ".", ")", "(", " / "),
                        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(8),
                        Arbitraries.of("", "", " ext. 12", "x123", ";ext=9", " #5", "abc", "A", "  ", "."))
                .as((pre, cc, a, sep, b, tail) -> pre + cc + sep + a + sep + b + tail);
        Arbitrary<String> real = Arbitraries.of("+14155550123", "+1 (415) 555-0123", "415.555.0123", "07700 900123",
                "+44 7700 900123", "+447700900123", "+390612345678", "06 1234 5678", "+39 06 1234 5678", "+4915123456789",
                "+61 2 9876 5432", "+5511987654321", "+5491123456789", "+52 1 55 1234 5678", "+12025550123",
                "+18005550123", "+1 800 FLOWERS", "+1415555012", "+141555501234", "+8613912345678", "+7 912 345-67-89",
                "+80012345678", "+882 1234 5678", "+44 (0) 20 7946 0000", "+4402079460000", "+110005550123",
                "+14155550123;ext=22", "+442079460000 ext 4", "+9991234567", "++14155550123", "+\u200B14155550123");
        return Arbitraries.oneOf(decorated, real, e164());
    }
}
