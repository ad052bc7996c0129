package org.opencets.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueNormaliserTest {
    @Test
    void textLosesCaseAccentsSpacesAndPunctuation() {
        assertThat(ValueNormaliser.text("  Mc Mellon ")).isEqualTo("mcmellon");
        assertThat(ValueNormaliser.text("Tenison-Woods Circuit")).isEqualTo("tenisonwoodscircuit");
        assertThat(ValueNormaliser.text("Zoë O'Brien")).isEqualTo("zoeobrien");
        assertThat(ValueNormaliser.text(" - ")).isNull();
    }

    @Test
    void datesBecomeYearMonthDay() {
        assertThat(ValueNormaliser.date("19080712")).isEqualTo("19080712");
        assertThat(ValueNormaliser.date("1908-07-12")).isEqualTo("19080712");
        assertThat(ValueNormaliser.date("12/7/1908")).isEqualTo("19080712");
        assertThat(ValueNormaliser.date("1908-7-2")).isEqualTo("19080702");
        assertThat(ValueNormaliser.date("unknown")).isNull();
        assertThat(ValueNormaliser.date("12.1908")).isEqualTo("121908");
    }
}
