package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PhoneTest {
    private static Identifier phone(String raw, IdentifierContext ctx) {
        return Identifiers.normalise(IdentifierType.PHONE, raw, ctx);
    }

    @Test
    void nationalFormatUsesTheDefaultRegion() {
        Identifier id = phone("07400 123456", Contexts.GB);
        assertThat(id.value()).isEqualTo("+447400123456");
        assertThat(id.display()).isEqualTo("+44 7400 123456");
        assertThat(id.correlatable()).isTrue();
    }

    @Test
    void internationalFormsOfOneNumberAgree() {
        String expected = "+447400123456";
        assertThat(phone("+44 (0)7400 123 456", Contexts.US).value()).isEqualTo(expected);
        assertThat(phone("+44-7400-123456", Contexts.NO_REGION).value()).isEqualTo(expected);
        assertThat(phone("0044 7400 123456", Contexts.GB).value()).isEqualTo(expected);
        assertThat(phone("tel:+44-7400-123456", Contexts.NO_REGION).value()).isEqualTo(expected);
    }

    @Test
    void usNumberInNationalAndInternationalForm() {
        assertThat(phone("(202) 555-0143", Contexts.US).value()).isEqualTo("+12025550143");
        assertThat(phone("+1 202-555-0143", Contexts.GB).value()).isEqualTo("+12025550143");
    }

    @Test
    void extensionIsDropped() {
        assertThat(phone("+44 20 7946 0123 ext. 45", Contexts.GB).value()).isEqualTo("+442079460123");
    }

    @Test
    void nationalNumberWithoutRegionIsRejected() {
        assertThatThrownBy(() -> phone("07400 123456", Contexts.NO_REGION)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("no default region");
    }

    @Test
    void invalidNumberSaysWhichRegion() {
        assertThatThrownBy(() -> phone("+44 1234", Contexts.GB)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("not a valid number with country code +44"); // GB, and Jersey, Guernsey, Man
        // Ofcom's drama range for mobiles is not an allocated range: it parses but is not valid.
        assertThatThrownBy(() -> phone("07700 900123", Contexts.GB)).hasMessageContaining("not a valid number for region GB");
        assertThatThrownBy(() -> phone("hello", Contexts.GB)).hasMessageContaining("not a phone number");
    }

    /**
     * The region a message names is the one the number was read in: the context's for a number
     * written without a country code, else the number's own; a country code that several regions
     * share (+1: the United States, Canada and the Caribbean) names no region at all (session 6
     * review, finding 17: "region US" for a Canadian agency's number).
     */
    @Test
    void anInvalidNumberNamesTheRegionItWasReadIn() {
        IdentifierContext canada = new IdentifierContext("CA", Contexts.HASHER);
        assertThatThrownBy(() -> phone("613 123 4567", canada))
                .hasMessageContaining("'613 123 4567' is not a valid number for region CA (no country code, so read as CA;")
                .hasMessageNotContaining("US");
        assertThatThrownBy(() -> phone("(613) 123-4567", canada)).hasMessageContaining("for region CA");
        assertThatThrownBy(() -> phone("+1 613 123 4567", canada))
                .hasMessageContaining("is not a valid number with country code +1 (").hasMessageNotContaining("US");
        assertThatThrownBy(() -> phone("+16131234567", canada)).hasMessageContaining("with country code +1 (");
        assertThatThrownBy(() -> phone("+1 011 555 0100", Contexts.GB)).hasMessageContaining("with country code +1 (")
                .hasMessageNotContaining("GB");
        assertThatThrownBy(() -> phone("+44 7700 900123", canada)).hasMessageContaining("with country code +44 (its digits")
                .hasMessageNotContaining("CA");
        assertThatThrownBy(() -> phone("+33 1 23", canada)).hasMessageContaining("for region FR (").hasMessageNotContaining("CA");
        assertThatThrownBy(() -> phone("+800 1234", canada)).hasMessageContaining("with country code +800");
    }

    @Provide
    Arbitrary<String> ukMobiles() {
        return Arbitraries.integers().between(0, 999_999).map(n -> String.format("07400 %06d", n));
    }

    @Property(tries = 200)
    void idempotentOnValueAndDisplay(@ForAll("ukMobiles") String raw) {
        Identifier id = phone(raw, Contexts.GB);
        assertThat(phone(id.value(), Contexts.US).value()).isEqualTo(id.value());
        assertThat(phone(id.display(), Contexts.NO_REGION).value()).isEqualTo(id.value());
        assertThat(id.value()).matches("\\+[1-9]\\d{6,14}");
    }

    @Property(tries = 200)
    void separatorsDoNotMatter(@ForAll("ukMobiles") String raw) {
        String digits = raw.replace(" ", "");
        String dashed = digits.substring(0, 5) + "-" + digits.substring(5, 8) + "-" + digits.substring(8);
        String dotted = "(" + digits.substring(0, 5) + ") " + digits.substring(5).replaceAll("(\\d{3})(\\d{3})", "$1.$2");
        Identifier id = phone(raw, Contexts.GB);
        assertThat(phone(digits, Contexts.GB)).isEqualTo(id);
        assertThat(phone(dashed, Contexts.GB)).isEqualTo(id);
        assertThat(phone(dotted, Contexts.GB)).isEqualTo(id);
    }
}
