package org.opencets.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;

/** A mention's spelling is the last place a card number written inside another identifier could stay whole. */
class MentionTest {
    private static final String CARD = "4556737586899855";

    @Test
    void aCardInAnAccountOrEmailSpellingIsMaskedHoweverItsDigitsAreGrouped() {
        for (String handle : new String[] {"45.56.73.75.86.89.98.55", "4556.7375.8689.98.55", "card_45_56_73_75_86_89_98_55", CARD}) {
            Identifier account = Identifiers.account("merchant-id", handle);
            Mention m = Mention.ofField(account, "merchant_id", "merchant-id:" + handle, "merchant_id");
            assertThat(account.value()).as(handle).contains("45567375…9855");
            assertThat(m.raw().replaceAll("\\D", "")).as(handle).doesNotContain(CARD).doesNotContain("7586");
        }
        String spelled = "45.56.73.75.86.89.98.55@example.com";
        Identifier email = Identifiers.normalise(IdentifierType.EMAIL, spelled, null);
        Mention m = Mention.ofField(email, "email", spelled, "email");
        assertThat(m.raw().replaceAll("\\D", "")).doesNotContain(CARD).doesNotContain("7586");
    }

    @Test
    void hashesAndPhonesKeepTheirSpelling() {
        Identifier hash = Identifiers.normalise(IdentifierType.FILE_HASH, "md5:0123456789012345678901234567abcd", null);
        String raw = "0123456789012345678901234567ABCD";
        assertThat(Mention.ofField(hash, "file", raw, "md5").raw()).isEqualTo(raw);
    }
}
