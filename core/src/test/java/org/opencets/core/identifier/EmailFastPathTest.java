package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link EmailNormaliser} (plain local parts, remembered domains and results) gives
 * the same identifier or the same rejection as the library path for every input. jqwik prints the
 * seed of a failing run; replay it with {@code @Property(seed = "...")}.
 */
class EmailFastPathTest {
    @Property(tries = 4000)
    void fastAndLibraryPathsAgree(@ForAll("addresses") String raw) {
        String expected = outcome(() -> EmailNormaliser.normaliseWithLibrary(raw));
        Statistics.collect(expected.startsWith("ok") ? "valid" : "invalid");
        Statistics.coverage(c -> c.check("valid").percentage(p -> p > 10));
        assertThat(outcome(() -> EmailNormaliser.normalise(raw))).as(raw).isEqualTo(expected);
        assertThat(outcome(() -> EmailNormaliser.normalise(raw))).as("again, from memory: " + raw).isEqualTo(expected);
    }

    @Test
    void plainLocalParts() {
        assertThat(EmailNormaliser.isPlainLocal("john.smith+tag")).isTrue();
        assertThat(EmailNormaliser.isPlainLocal("a_b-c")).isTrue();
        assertThat(EmailNormaliser.isPlainLocal(".john")).isFalse();
        assertThat(EmailNormaliser.isPlainLocal("john.")).isFalse();
        assertThat(EmailNormaliser.isPlainLocal("jo..hn")).isFalse();
        assertThat(EmailNormaliser.isPlainLocal("\"john\"")).isFalse();
        assertThat(EmailNormaliser.isPlainLocal("John")).isFalse();
        assertThat(EmailNormaliser.isPlainLocal("x".repeat(65))).isFalse();
        assertThat(EmailNormaliser.isPlainLocal("x".repeat(64))).isTrue();
    }

    @Test
    void aCardNumberLocalPartIsMaskedAndNeverRemembered() {
        Identifier id = EmailNormaliser.normalise("4111111111111111@example.org");
        assertThat(id.display()).doesNotContain("4111111111111111");
        assertThat(RecentResults.mayHoldCard("4111111111111111@example.org")).isTrue();
        assertThat(RecentResults.mayHoldCard("buyer12345678901@example.org")).isFalse();
    }

    private static String outcome(java.util.function.Supplier<Identifier> f) {
        return Outcomes.of(f);
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcxyzABZ0129_+-!#$%&'*/=?^`{|}~").ofMinLength(0).ofMaxLength(12);
        Arbitrary<String> plainWord = Arbitraries.strings().withChars("abcdejklmz0189_-").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> local = Arbitraries.oneOf(
                plainWord,
                Combinators.combine(plainWord, Arbitraries.of(".", "..", "+", "+tag.", ". ", ""), plainWord).as((a, s, b) -> a + s + b),
                Combinators.combine(word, Arbitraries.of(".", "", "+", "@", " ", "\""), word).as((a, s, b) -> a + s + b),
                Arbitraries.of("\"john smith\"", "\"a@b\"", "John.Smith", "J.O.H.N", ".john", "john.", "x".repeat(64),
                        "y".repeat(65), "4111111111111111", "4556737586899855", "user+4111111111111111", "ünïcode",
                        "tab\there", "line\nbreak", "a\\b", "(comment)a", "é"));
        Arbitrary<String> domain = Arbitraries.oneOf(
                Arbitraries.of("gmail.com", "googlemail.com", "GMail.COM", "example.org", "example.com", "mail7.test-bench.net",
                        "bücher.de", "xn--bcher-kva.de", "MÜNCHEN.de", "例え.テスト", "example.org.", "example..org", "-a.com",
                        "a-.com", "localhost", "foo", "[192.0.2.1]", "[IPv6:2001:db8::1]", "[300.1.1.1]", "exa mple.org",
                        "example.invalid", "x.onion", "a.b.c.d.e.example", "1.2.3.4", "", "example.org..", "EXAMPLE.ORG",
                        "ex_ample.org", "a".repeat(64) + ".com", "xn--.com", "example.c", "example.co.uk"),
                Combinators.combine(Arbitraries.strings().withChars("abcz09-").ofMinLength(1).ofMaxLength(10),
                        Arbitraries.of("com", "net", "org", "test", "xyz", "zz", "museum")).as((a, t) -> a + "." + t));
        return Combinators.combine(Arbitraries.of("", "", "", " ", "mailto:", "MAILTO: ", "<", "mailto:<"), local,
                        Arbitraries.of("@", "@", "@", "", "@@", " @"), domain, Arbitraries.of("", "", "", ">", " ", "."))
                .as((pre, l, at, d, post) -> pre + l + at + d + ((pre.endsWith("<") && !post.equals(">")) ? ">" : post));
    }
}
