package org.opencets.store.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.store.StoreException;

/** A record's mentions column: what the importer writes reads back the same, and a damaged one is reported. */
class StoredMentionTest {

    /** A mention and the id the store gave its identifier. */
    record Given(long id, Mention mention) {
    }

    @Provide
    Arbitrary<Given> mentions() {
        // any text, quotes, backslashes, controls and characters beyond U+FFFF included
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<Integer> offset = Arbitraries.integers().between(-1, 1_000_000);
        return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), text, text, text, Arbitraries.of(true, false),
                        offset, offset)
                .as((id, role, field, raw, asDisplayed, start, end) -> {
                    Identifier identifier = Identifier.of(IdentifierType.EMAIL, "x@example.org", true);
                    return new Given(id, new Mention(identifier, role, asDisplayed ? identifier.display() : raw, field, start, end));
                });
    }

    @Property(tries = 300)
    void whatIsWrittenReadsBackInOrder(@ForAll @Size(max = 6) List<@From("mentions") Given> given) throws Exception {
        long[] ids = given.stream().mapToLong(Given::id).toArray();
        String[] tails = given.stream().map(g -> StoredMention.tail(g.mention())).toArray(String[]::new);
        String json = StoredMention.encode(ids, tails);

        List<StoredMention> expected = new ArrayList<>();
        for (Given g : given) {
            Mention m = g.mention();
            String raw = m.raw().equals(m.identifier().display()) ? null : m.raw();
            expected.add(new StoredMention(g.id(), m.role(), m.field(), m.start(), m.end(), raw));
        }
        assertThat(StoredMention.decode(1, json)).containsExactlyElementsOf(expected);
        if (json != null) {
            // plain JSON any reader (and the engines' JSON functions) can take
            assertThat(new ObjectMapper().readTree(json).size()).isEqualTo(given.size());
        }
    }

    @Test
    void aRecordWithoutMentionsStoresNothing() {
        assertThat(StoredMention.encode(new long[0], new String[0])).isNull();
        assertThat(StoredMention.decode(1, null)).isEmpty();
    }

    @Test
    void aDamagedColumnNamesItsRecord() {
        assertThatThrownBy(() -> StoredMention.decode(42, "[[7,\"from\",\"from\",-1,-1]] trailing"))
                .isInstanceOf(StoreException.class).hasMessageContaining("record 42");
        assertThatThrownBy(() -> StoredMention.decode(42, "[[\"7\",\"from\",\"from\",-1,-1]]"))
                .isInstanceOf(StoreException.class).hasMessageContaining("record 42");
        assertThatThrownBy(() -> StoredMention.decode(42, "[[7,\"from\",\"from\",-1]]"))
                .isInstanceOf(StoreException.class).hasMessageContaining("record 42");
        assertThatThrownBy(() -> StoredMention.decode(42, "[[7,\"from\""))
                .isInstanceOf(StoreException.class).hasMessageContaining("record 42");
    }
}
