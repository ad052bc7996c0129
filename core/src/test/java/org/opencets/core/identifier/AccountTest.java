package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountTest {
    @ParameterizedTest
    @CsvSource({
        "twitter, @JohnDoe, twitter:johndoe",
        "X, johndoe, twitter:johndoe",
        "' Twitter.com ', ' @JohnDoe ', twitter:johndoe",
        "Instagram, Some.Body, instagram:some.body",
        "ig, some.body, instagram:some.body",
        "tg, @Nick_Name, telegram:nick_name",
        "reddit, /u/Throwaway123, reddit:throwaway123",
        "reddit, u/throwaway123, reddit:throwaway123",
        "IRC, 'Nick[away]', irc:nick{away}",
        "irc, 'nick{AWAY}', irc:nick{away}",
        "irc, 'a\\b~', 'irc:a|b^'",
        "matrix, '@Alice:matrix.org', matrix:Alice:matrix.org",
        "SomeForum, BigBoss, someforum:BigBoss",
        "kik, 'Kik  User', kik:kik user",
        "whats app, Name, whatsapp:name",
    })
    void platformAndHandleRules(String platform, String handle, String expected) {
        assertThat(Identifiers.account(platform, handle).value()).isEqualTo(expected);
    }

    @Test
    void displayKeepsTheHandleAsWrittenWithCanonicalPlatform() {
        Identifier id = Identifiers.account("X", "@JohnDoe");
        assertThat(id.display()).isEqualTo("twitter:JohnDoe");
        assertThat(id.type()).isEqualTo(IdentifierType.ACCOUNT);
        assertThat(id.correlatable()).isTrue();
    }

    @Test
    void normaliseParsesPlatformColonHandle() {
        Identifier id = Identifiers.normalise(IdentifierType.ACCOUNT, "Telegram:@SomeOne", Contexts.GB);
        assertThat(id.value()).isEqualTo("telegram:someone");
        assertThat(Identifiers.normalise(IdentifierType.ACCOUNT, "matrix:@bob:example.org", Contexts.GB).value())
                .isEqualTo("matrix:bob:example.org");
    }

    @Test
    void caseSensitivePlatformsKeepCase() {
        assertThat(Identifiers.account("matrix", "Bob:x.org").value()).isNotEqualTo(Identifiers.account("matrix", "bob:x.org").value());
        assertThat(Identifiers.account("unknownsite", "Bob").value()).isNotEqualTo(Identifiers.account("unknownsite", "bob").value());
    }

    @Test
    void emptyPartsAreRejected() {
        assertThatThrownBy(() -> Identifiers.account("twitter", "  @ ")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("empty handle");
        assertThatThrownBy(() -> Identifiers.account("twitter", null)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> Identifiers.account(" ", "bob")).hasMessageContaining("no platform");
        assertThatThrownBy(() -> Identifiers.account(null, "bob")).hasMessageContaining("no platform");
        assertThatThrownBy(() -> Identifiers.account("my site", "bob")).hasMessageContaining("must be letters");
        assertThatThrownBy(() -> Identifiers.normalise(IdentifierType.ACCOUNT, "justahandle", Contexts.GB))
                .hasMessageContaining("platform:handle");
        assertThatThrownBy(() -> Identifiers.normalise(IdentifierType.ACCOUNT, ":bob", Contexts.GB))
                .hasMessageContaining("no platform");
    }

    @Provide
    Arbitrary<String> platforms() {
        return Arbitraries.of("twitter", "x", "Instagram", "telegram", "discord", "reddit", "tiktok", "snapchat", "kik", "skype",
                "facebook", "github", "whatsapp", "irc", "matrix", "someforum", "YouTube");
    }

    @Provide
    Arbitrary<String> handles() {
        return Arbitraries.strings().withChars("abcXYZ019_.-[]{}\\|~^@ ").ofMinLength(1).ofMaxLength(15)
                .filter(h -> !h.replace("@", "").isBlank());
    }

    @Property(tries = 500)
    void idempotentOnValueAndDisplay(@ForAll("platforms") String platform, @ForAll("handles") String handle) {
        Identifier id;
        try {
            id = Identifiers.account(platform, handle);
        } catch (InvalidIdentifierException e) {
            // a handle of only '@' and spaces, or "u/" alone on reddit
            return;
        }
        assertThat(Identifiers.normalise(IdentifierType.ACCOUNT, id.value(), Contexts.GB).value()).isEqualTo(id.value());
        assertThat(Identifiers.normalise(IdentifierType.ACCOUNT, id.display(), Contexts.GB).value()).isEqualTo(id.value());
    }

    @Property(tries = 300)
    void caseInsensitivePlatformsIgnoreCase(@ForAll("handles") String handle) {
        for (String p : new String[] {"twitter", "instagram", "telegram", "discord", "reddit", "tiktok", "snapchat", "kik",
                "skype", "facebook", "github", "whatsapp", "irc"}) {
            try {
                Identifier lower = Identifiers.account(p, handle.toLowerCase(Locale.ROOT));
                Identifier upper = Identifiers.account(p.toUpperCase(Locale.ROOT), handle.toUpperCase(Locale.ROOT));
                assertThat(upper.value()).as(p).isEqualTo(lower.value());
            } catch (InvalidIdentifierException e) {
                // handle empty after removing '@' or reddit's u/
            }
        }
    }
}
