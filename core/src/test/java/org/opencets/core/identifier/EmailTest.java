package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EmailTest {
    private static Identifier email(String raw) {
        return Identifiers.normalise(IdentifierType.EMAIL, raw, Contexts.GB);
    }

    @Test
    void trimsAndFoldsCase() {
        Identifier id = email("  John.Smith@Example.COM \t");
        assertThat(id.type()).isEqualTo(IdentifierType.EMAIL);
        assertThat(id.value()).isEqualTo("john.smith@example.com");
        assertThat(id.display()).isEqualTo("john.smith@example.com");
        assertThat(id.correlatable()).isTrue();
        assertThat(id.key()).isEqualTo("email:john.smith@example.com");
    }

    @Test
    void plusTagIsRemovedFromValueButKeptInDisplay() {
        Identifier id = email("offender+shop42@example.org");
        assertThat(id.value()).isEqualTo("offender@example.org");
        assertThat(id.display()).isEqualTo("offender+shop42@example.org");
    }

    @Test
    void gmailDotsAndGooglemailAreOneMailbox() {
        Identifier a = email("J.O.H.N.Doe+abc@googlemail.com");
        Identifier b = email("johndoe@gmail.com");
        Identifier c = email("john.doe@GMAIL.com");
        assertThat(a.value()).isEqualTo("johndoe@gmail.com");
        assertThat(b.value()).isEqualTo(a.value());
        assertThat(c.value()).isEqualTo(a.value());
        assertThat(a.display()).isEqualTo("j.o.h.n.doe+abc@googlemail.com");
    }

    @Test
    void dotsMatterOutsideGmail() {
        assertThat(email("john.doe@example.com").value()).isNotEqualTo(email("johndoe@example.com").value());
    }

    @Test
    void differentMailboxesStayApart() {
        assertThat(email("alice@example.com").value()).isNotEqualTo(email("alice@example.net").value());
        assertThat(email("alice@gmail.com").value()).isNotEqualTo(email("alicf@gmail.com").value());
        assertThat(email("a.lice@gmail.com").value()).isNotEqualTo(email("alice@outlook.com").value());
    }

    @Test
    void internationalDomainBecomesPunycode() {
        Identifier id = email("Jörg@Bücher.de");
        assertThat(id.display()).isEqualTo("jörg@xn--bcher-kva.de");
        assertThat(id.value()).isEqualTo("jörg@xn--bcher-kva.de");
        assertThat(email("jörg@xn--bcher-kva.de").value()).isEqualTo(id.value());
    }

    @Test
    void mailtoAndAngleBracketsAreStripped() {
        assertThat(email("mailto:Bob@Example.com").value()).isEqualTo("bob@example.com");
        assertThat(email("<bob@example.com>").value()).isEqualTo("bob@example.com");
    }

    @Test
    void trailingDotOfDomainIsDropped() {
        assertThat(email("bob@example.com.").value()).isEqualTo("bob@example.com");
    }

    @Test
    void onionAddressesAreAccepted() {
        String onion = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion";
        assertThat(email("user@" + onion).value()).isEqualTo("user@" + onion);
    }

    @Test
    void rejectsBadSyntaxWithReasons() {
        assertThatThrownBy(() -> email("no-at-sign.example.com")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("no '@'");
        assertThatThrownBy(() -> email("@example.com")).hasMessageContaining("nothing before '@'");
        assertThatThrownBy(() -> email("a..b@example.com")).hasMessageContaining("not valid");
        assertThatThrownBy(() -> email("bob@localhost")).hasMessageContaining("not a valid domain");
        assertThatThrownBy(() -> email("bob@example.nosuchtld")).hasMessageContaining("not a valid domain");
        assertThatThrownBy(() -> email("bob smith@example.com")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> email("   ")).isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).type()).isEqualTo(IdentifierType.EMAIL));
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
                .ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
        Arbitrary<String> tag = Arbitraries.strings().alpha().numeric().ofMaxLength(6).map(t -> t.isEmpty() ? "" : "+" + t);
        Arbitrary<String> domain = Arbitraries.of("example.com", "Example.ORG", "gmail.com", "GoogleMail.com", "bücher.de",
                "mail.example.co.uk", "xn--bcher-kva.de");
        return Combinators.combine(local, tag, domain).as((l, t, d) -> l + t + "@" + d);
    }

    @Property(tries = 300)
    void normalisingTheValueOrDisplayAgainChangesNothing(@ForAll("addresses") String raw) {
        Identifier id = email(raw);
        assertThat(email(id.value()).value()).isEqualTo(id.value());
        assertThat(email(id.display()).value()).isEqualTo(id.value());
        assertThat(email(id.display()).display()).isEqualTo(id.display());
    }

    @Property(tries = 300)
    void caseAndSurroundingSpaceDoNotMatter(@ForAll("addresses") String raw) {
        Identifier id = email(raw);
        assertThat(email(" " + raw.toUpperCase(Locale.ROOT) + "\n").value()).isEqualTo(id.value());
        assertThat(email(raw.toLowerCase(Locale.ROOT)).value()).isEqualTo(id.value());
    }

    @Property(tries = 300)
    void canonicalFormIsLowerCaseAsciiDomainWithoutTag(@ForAll("addresses") String raw) {
        Identifier id = email(raw);
        String value = id.value();
        assertThat(value).isEqualTo(value.toLowerCase(Locale.ROOT));
        String domain = value.substring(value.lastIndexOf('@') + 1);
        assertThat(domain).matches("[a-z0-9.-]+");
        assertThat(value.substring(0, value.lastIndexOf('@'))).doesNotContain("+");
        assertThat(domain).isNotEqualTo("googlemail.com");
    }
}
