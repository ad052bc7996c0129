package org.opencets.formats.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.core.record.Mention;
import org.opencets.formats.testing.ReaderHarness;

/** The shortcut that skips identifier search must never skip text where the extractor finds something. */
class ChatTextTest {
    /** Texts built from pieces that make identifiers, and pieces that almost do. */
    @Provide
    Arbitrary<String> chatText() {
        Arbitrary<String> piece = Arbitraries.of("a@b.org", "x.y@example.com", "www.example.com", "WWW.EXAMPLE.ORG",
                "http://example.org/x", "ftp://h.example", "ww.x", "w.w.w.", "at", "dot", " ", " ", ".", ",", ":", "::",
                "dead:beef::1", "fe80::1", "cafe:babe", "ab:cd:ef", "a:b", "1.2.3.4", "10.0.0", "+44 20 7946 0018",
                "020 7946 0018", "4111 1111 1111 1111", "٣", "１２３", "hello", "wow", "mail", "@", "@@", "//", ":/",
                "é", "\u202F", "\n", "(", ")", "-", "lol", "email me", "+", "0", "7", "12", "123", "4002", "+683 4002",
                "1-800-FLOWERS", "+1", "٣٤", "０１", "020", "7946 0018", "\n", "\r\n", "4111 1111", "1111 1111", "81.2.",
                "69.160", "a@", "b.org", "\n\n");
        return piece.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void whereTheShortcutSaysNothingTheExtractorFindsNothing(@ForAll("chatText") String text) {
        if (!ChatText.mayHoldIdentifiers(text)) {
            assertThat(TextExtractor.extract(text, ReaderHarness.CONTEXT)).as(text).isEmpty();
        }
    }

    @Property(tries = 3000)
    void mentionsAreExactlyWhatTheExtractorFinds(@ForAll("chatText") String text) {
        List<Mention> out = new java.util.ArrayList<>();
        ChatText.mentions(text, "text", ReaderHarness.CONTEXT, out);
        assertThat(out).extracting(m -> m.identifier().key() + "@" + m.start() + "-" + m.end() + "=" + m.raw())
                .as(text)
                .containsExactlyElementsOf(TextExtractor.extract(text, ReaderHarness.CONTEXT).stream()
                        .map(f -> f.identifier().key() + "@" + f.start() + "-" + f.end() + "=" + f.raw()).toList());
    }

    @Test
    void noIdentifierSpansALineBreakSoLinesAreSearchedAlone() {
        for (String text : List.of("call 020\n7946 0018", "call 020 7946\n0018 now", "card 4111 1111\n1111 1111",
                "81.2.\n69.160", "a@\nb.org", "www.\nexample.org", "+44\n20 7946 0018", "fe80:\n:1 and dead:beef::1",
                "x\n\n mail a@b.org\ncall +44 20 7946 0018\n")) {
            mentionsAreExactlyWhatTheExtractorFinds(text);
        }
    }

    @Test
    void plainChatIsSkippedAndAnythingThatCouldHoldAnIdentifierIsNot() {
        assertThat(ChatText.mayHoldIdentifiers("hello there :) how are you?")).isFalse();
        assertThat(ChatText.mayHoldIdentifiers("see www.example.org")).isTrue();
        assertThat(ChatText.mayHoldIdentifiers("a@b")).isTrue();
        assertThat(ChatText.mayHoldIdentifiers("at 9, back in 15 min")).isFalse();
        assertThat(ChatText.mayHoldIdentifiers("call 4002")).isTrue();
        assertThat(ChatText.mayHoldIdentifiers("1.2.3.4")).isTrue();
        assertThat(ChatText.mayHoldIdentifiers("fe80::")).isTrue();
        assertThat(ChatText.mayHoldIdentifiers("http://x")).isTrue();
        assertThat(ChatText.mayHoldIdentifiers("call ٣٤٥٦")).isTrue();
    }

    /**
     * The shortcut's bound for phones: no region accepts a number of fewer than four digits, written
     * nationally or with a country code. Checked with libphonenumber, which core's phone rules use
     * ({@code isValidNumber}), so an update of its metadata that breaks the bound fails here.
     */
    @Test
    void noValidPhoneNumberHasFewerThanFourDigitsInAnyRegion() {
        com.google.i18n.phonenumbers.PhoneNumberUtil util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        List<String> valid = new java.util.ArrayList<>();
        java.util.Set<String> regions = new java.util.TreeSet<>(util.getSupportedRegions());
        regions.add("ZZ");
        List<String> candidates = new java.util.ArrayList<>();
        for (int len = 1; len <= 3; len++) {
            for (int v = 0; v < Math.pow(10, len); v++) {
                String digits = String.format(java.util.Locale.ROOT, "%0" + len + "d", v);
                candidates.add(digits);
                candidates.add("+" + digits);
            }
        }
        for (String region : regions) {
            for (String candidate : candidates) {
                try {
                    if (util.isValidNumber(util.parse(candidate, region))) {
                        valid.add(region + " " + candidate);
                    }
                } catch (com.google.i18n.phonenumbers.NumberParseException notANumber) {
                    // not a number at all
                }
            }
        }
        assertThat(regions).hasSizeGreaterThan(200);
        assertThat(valid).isEmpty();
    }

    @Test
    void safeTextHasNoCardNumber() {
        assertThat(ChatText.safe("card 4111 1111 1111 1111 ok")).doesNotContain("4111 1111 1111 1111");
        String plain = "no card here 12345";
        assertThat(ChatText.safe(plain)).isSameAs(plain);
    }
}
