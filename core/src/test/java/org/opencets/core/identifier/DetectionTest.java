package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetectionTest {
    private static Identifier detect(String raw) {
        return Identifiers.detectAndNormalise(raw, Contexts.GB);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Bob@Example.com | EMAIL | bob@example.com",
        "mailto:bob@example.com | EMAIL | bob@example.com",
        "81.2.69.160 | IP | 81.2.69.160",
        "2A00:1450::1 | IP | 2a00:1450::1",
        "fe80::1%eth0 | IP | fe80::1",
        "[::1] | IP | ::1",
        "twitter:@Bob | ACCOUNT | twitter:bob",
        "X:bob | ACCOUNT | twitter:bob",
        "matrix:@bob:example.org | ACCOUNT | matrix:bob:example.org",
        "https://Example.com/a#b | URL | https://example.com/a",
        "http://user@example.com/ | URL | http://user@example.com/",
        "www.example.com | URL | http://www.example.com/",
        "md5:D41D8CD98F00B204E9800998ECF8427E | FILE_HASH | md5:d41d8cd98f00b204e9800998ecf8427e",
        "d41d8cd98f00b204e9800998ecf8427e | FILE_HASH | md5:d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709 | FILE_HASH | sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | FILE_HASH | sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "pdq:F8F8F0CEE0F4A84F06370A22038F63F0B36E2ED596621E1D33E6B39C4E9C9B22 | PDQ | f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
        "+44 7400 123456 | PHONE | +447400123456",
        "07400 123456 | PHONE | +447400123456",
        "(020) 7946-0123 | PHONE | +442079460123",
        "Example.ORG. | DOMAIN | example.org",
        "bücher.de | DOMAIN | xn--bcher-kva.de",
    })
    void detectsAndNormalises(String raw, IdentifierType type, String value) {
        Identifier id = detect(raw);
        assertThat(id.type()).isEqualTo(type);
        assertThat(id.value()).isEqualTo(value);
    }

    @Test
    void luhnValidDigitsAreACardBeforeAPhone() {
        Identifier id = detect("4111 1111 1111 1111");
        assertThat(id.type()).isEqualTo(IdentifierType.CARD);
        assertThat(id.display()).isEqualTo("41111111…1111");
        assertThat(detect("4111-1111-1111-1111").value()).isEqualTo(id.value());
        assertThat(detect("378282246310005").type()).isEqualTo(IdentifierType.CARD);
        // 15 digits failing the Luhn check are not a card; as a phone they are invalid here.
        assertThatThrownBy(() -> detect("378282246310006")).isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).type()).isEqualTo(IdentifierType.PHONE));
        // 12 digits are never taken for a card by detection (13 to 19 only), even if Luhn-valid.
        assertThat(Identifiers.detect("4111 1111 1110")).isNotEqualTo(IdentifierType.CARD);
    }

    @Test
    void phoneDetectionNeedsPlusOrSevenToFifteenDigits() {
        assertThat(Identifiers.detect("+1 202 555 0143")).isEqualTo(IdentifierType.PHONE);
        assertThat(Identifiers.detect("1234567")).isEqualTo(IdentifierType.PHONE);
        assertThatThrownBy(() -> Identifiers.detect("123456")).hasMessageContaining("cannot tell");
        assertThatThrownBy(() -> Identifiers.detect("1234567890123456")).hasMessageContaining("[16 digits]");
    }

    @Test
    void usesTheContextRegion() {
        assertThat(Identifiers.detectAndNormalise("(202) 555-0143", Contexts.US).value()).isEqualTo("+12025550143");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "@bob", "1.2.3", "hello world", "12345", "unknownsite:bob", "javascript:alert(1)"})
    void nothingFitsOrTheChosenTypeRejects(String raw) {
        assertThatThrownBy(() -> detect(raw)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void aCardShapedNumberWithAWrongCheckDigitIsCalledThat() {
        String wrong = "4556737586899856"; // a valid number with its last digit changed
        assertThatThrownBy(() -> detect(wrong)).hasMessageContaining("fails the Luhn check")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong))
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).type()).isEqualTo(IdentifierType.CARD));
        assertThatThrownBy(() -> detect("4556 7375 8689 9856")).hasMessageContaining("fails the Luhn check");
    }

    @Test
    void unknownValueSaysWhatIsAccepted() {
        assertThatThrownBy(() -> detect("bob")).hasMessageContaining("cannot tell what kind of identifier 'bob' is")
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).type()).isNull());
        assertThatThrownBy(() -> detect("  ")).hasMessageContaining("empty");
    }

    /**
     * Records, links and look-ups print an identifier as {@code type:value} ({@link Identifier#toString},
     * {@link Identifier#label}); typed back into {@code cets lookup}, that form means the type it names
     * (session 6 review, finding 14).
     */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "email:J.Smith+shop@gmail.com => EMAIL => jsmith@gmail.com",
        "EMAIL:bob@example.com => EMAIL => bob@example.com",
        "phone:+44 7400 123456 => PHONE => +447400123456",
        "phone:07400 123456 => PHONE => +447400123456",
        "ip:81.2.69.160 => IP => 81.2.69.160",
        "ip:2a00:1450::1 => IP => 2a00:1450::1",
        "account:irc:darkstar => ACCOUNT => irc:darkstar",
        "account:examplechat:darkstar => ACCOUNT => examplechat:darkstar",
        "url:https://example.com/a => URL => https://example.com/a",
        "domain:example.org => DOMAIN => example.org",
        "device:canon|canon eos 5d|0123 => DEVICE => canon|canon eos 5d|0123",
        "file_hash:md5:d41d8cd98f00b204e9800998ecf8427e => FILE_HASH => md5:d41d8cd98f00b204e9800998ecf8427e",
        "file-hash:sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709 => FILE_HASH => sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "pdq:f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22 => PDQ => f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
    })
    void theTypeColonValueFormTheToolPrintsMeansThatType(String raw, IdentifierType type, String value) {
        Identifier id = detect(raw);
        assertThat(id.type()).isEqualTo(type);
        assertThat(id.value()).isEqualTo(value);
    }

    @Test
    void everyPrintedFormLooksUpAsTheIdentifierItPrints() {
        for (Identifier id : new Identifier[] {
                detect("Bob@Example.com"), detect("+44 7400 123456"), detect("81.2.69.160"), detect("2a00:1450::1"),
                detect("twitter:@Bob"), detect("matrix:@bob:example.org"), detect("https://Example.com/a?q=1"),
                detect("Example.ORG"), Identifiers.device("Canon", "EOS 5D", "0123"),
                detect("d41d8cd98f00b204e9800998ecf8427e"), detect("pdq:" + "ab".repeat(32))}) {
            assertThat(detect(id.toString()).key()).as(id.toString()).isEqualTo(id.key());
            assertThat(detect(id.label()).key()).as(id.label()).isEqualTo(id.key());
        }
        Identifier card = detect("4111 1111 1111 1111");
        assertThat(detect("card:4111 1111 1111 1111")).isEqualTo(card);
        assertThatThrownBy(() -> detect(card.toString())).hasMessageContaining("masked")
                .hasMessageContaining("every digit").hasMessageNotContaining("position");
        assertThatThrownBy(() -> detect("card:411111******1111")).hasMessageContaining("masked");
    }

    @Test
    void aValueThatMerelyHoldsAColonIsReadAsBefore() {
        assertThat(detect("2A00:1450::1").type()).isEqualTo(IdentifierType.IP);
        assertThat(detect("fe80::1").type()).isEqualTo(IdentifierType.IP);
        assertThat(detect("::ffff:81.2.69.160").value()).isEqualTo("81.2.69.160");
        assertThat(detect("https://example.com:8443/x").type()).isEqualTo(IdentifierType.URL);
        assertThat(detect("ftp://files.example.com/").type()).isEqualTo(IdentifierType.URL);
        assertThat(detect("X:bob").value()).isEqualTo("twitter:bob");
        assertThat(detect("mailto:bob@example.com").type()).isEqualTo(IdentifierType.EMAIL);
        assertThat(detect("sha256:" + "0".repeat(63) + "1").type()).isEqualTo(IdentifierType.FILE_HASH);
        assertThatThrownBy(() -> detect("nosuchtype:bob")).hasMessageContaining("cannot tell");
    }

    @Test
    void theNamedTypeDecidesAndItsOwnRulesSayWhatIsWrong() {
        assertThatThrownBy(() -> detect("email:not-an-address")).isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).type()).isEqualTo(IdentifierType.EMAIL))
                .hasMessageContaining("'not-an-address'");
        assertThatThrownBy(() -> detect("ip:81.2.69")).satisfies(e ->
                assertThat(((InvalidIdentifierException) e).type()).isEqualTo(IdentifierType.IP));
        assertThatThrownBy(() -> detect("email:")).hasMessageContaining("empty");
    }
}
