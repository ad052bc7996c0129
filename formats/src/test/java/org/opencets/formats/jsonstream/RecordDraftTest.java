package org.opencets.formats.jsonstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.Found;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.testing.ReaderHarness;

class RecordDraftTest {
    /**
     * The law behind skipping the text search: whenever the gate says a text cannot hold an
     * identifier, the extractor indeed finds none. Texts are drawn from pieces that come close to
     * identifiers without the gate's characters (dotted names, hex runs, "ww.", letters that look like
     * digits) and, now and then, with them.
     */
    @Property(tries = 3000)
    void theGateNeverHidesAnIdentifier(@ForAll("texts") String text) {
        if (!RecordDraft.mayHoldIdentifiers(text)) {
            assertThat(TextExtractor.extract(text, ReaderHarness.CONTEXT)).as(text).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of("alice", "example.org", "www", "ww.", "wWw.", "WWW.", ".", "@", ":", "::",
                "dead:beef", "cafe", "face", "bad", "0", "7", "4556", "555", "+", "-", "(", ")", " ", "  ", "\n", "/", "//",
                "http", "https", "ftp", "mailto", "é", "ж", "\u0661\u0662\u0663", "\uFF11\uFF12\uFF13", "\uD835\uDFCE",
                "O", "l", "I", "one two three", "x.y.z", "a-b", "_", "%", "#", "1.2.3.4", "+44", "tel", "\uFF20", "\uFF1A");
        return piece.list().ofMinSize(0).ofMaxSize(12).map(l -> String.join("", l));
    }

    @Test
    void theGateLetsEveryKindOfIdentifierThrough() {
        for (String s : List.of("a@b.org", "see http://x.org", "WWW.example.org", "fe80::1", "10.0.0.1", "+1 415 555 0123",
                "4556737586899855", "\uFF14\uFF11\uFF15 555 0123")) {
            assertThat(RecordDraft.mayHoldIdentifiers(s)).as(s).isTrue();
        }
        assertThat(RecordDraft.mayHoldIdentifiers("just some words, no more.")).isFalse();
        assertThat(RecordDraft.find("just some words", ReaderHarness.CONTEXT)).isEmpty();
        assertThat(RecordDraft.find("mail a@example.org", ReaderHarness.CONTEXT)).extracting(f -> f.identifier().type())
                .containsExactly(IdentifierType.EMAIL);
    }

    @Test
    void displayValuesAreMaskedButIdsAreKeptAsWritten() {
        RecordDraft d = new RecordDraft(ReaderHarness.CONTEXT);
        d.field("from", "card 4556737586899855");
        d.id("message_id", "4556737586899855");
        List<Found> found = d.text("text", "pay 4556 7375 8689 9855 now");
        ParsedRecord r = d.build(RecordKind.MESSAGE, new Position(3, 1, 10), null);
        assertThat(r.fields().get("from")).asString().doesNotContain("4556737586899855");
        assertThat(r.fields().get("message_id")).isEqualTo("4556737586899855");
        assertThat(r.fields().get("text")).asString().doesNotContain("4556 7375 8689 9855");
        assertThat(found).singleElement().satisfies(f -> assertThat(f.identifier().type()).isEqualTo(IdentifierType.CARD));
        assertThat(r.mentions()).singleElement().satisfies(m -> assertThat(m.raw()).doesNotContain("73758689"));
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.offset()).isEqualTo(10);
        d.clear();
        assertThat(d.build(RecordKind.NOTE, new Position(1, 1, -1), null).fields()).isEmpty();
    }
}
