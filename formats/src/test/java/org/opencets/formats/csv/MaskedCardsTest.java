package org.opencets.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedCardsTest {
    @Test
    void theCommonMaskedFormsKeepBinAndLastFour() {
        assertThat(MaskedCards.parse("455673******9855")).isEqualTo(new MaskedCards.Masked("455673…9855", "455673", "9855"));
        assertThat(MaskedCards.parse("4556 73XX XXXX 9855")).isEqualTo(new MaskedCards.Masked("455673…9855", "455673", "9855"));
        assertThat(MaskedCards.parse("45567375****9855")).isEqualTo(new MaskedCards.Masked("45567375…9855", "45567375", "9855"));
        assertThat(MaskedCards.parse("45567375…9855")).isEqualTo(new MaskedCards.Masked("45567375…9855", "45567375", "9855"));
        assertThat(MaskedCards.parse("************9855")).isEqualTo(new MaskedCards.Masked("…9855", null, "9855"));
        assertThat(MaskedCards.parse("3714##*****8431")).isEqualTo(new MaskedCards.Masked("…8431", null, "8431"));
    }

    @Test
    void whatIsNotAMaskedNumberIsRefused() {
        assertThat(MaskedCards.parse("4556737586899855")).isNull();
        assertThat(MaskedCards.parse("455673*9855")).as("too short").isNull();
        assertThat(MaskedCards.parse("455673***********9855X")).isNull();
        assertThat(MaskedCards.parse("455673*****12*9855")).as("digits inside the mask").isNull();
        assertThat(MaskedCards.parse("455673737******9855")).as("nine leading digits").isNull();
        assertThat(MaskedCards.looksMasked("4556737586899855")).isFalse();
        assertThat(MaskedCards.looksMasked("4556-73xx")).isTrue();
    }
}
