package org.opencets.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.opencets.formats.canonical.RecordAssembler.RowException;

class AmountsTest {
    private static String format(long cents, char decimal, char grouping) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        sym.setDecimalSeparator(decimal);
        sym.setGroupingSeparator(grouping);
        DecimalFormat f = new DecimalFormat("#,##0.00", sym);
        return f.format(BigDecimal.valueOf(cents, 2));
    }

    /** Law: an amount grouped and pointed in any common national style reads back as the same number. */
    @Property(tries = 500)
    void groupedAmountsReadBack(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long cents) throws Exception {
        String expected = BigDecimal.valueOf(cents, 2).toPlainString();
        assertThat(Amounts.parse("a", format(cents, '.', ','), '.').value()).isEqualTo(expected);
        assertThat(Amounts.parse("a", format(cents, ',', '.'), ',').value()).isEqualTo(expected);
        assertThat(Amounts.parse("a", format(cents, '.', '\''), '.').value()).isEqualTo(expected);
        assertThat(Amounts.parse("a", format(cents, ',', '\u00A0'), ',').value()).isEqualTo(expected);
        // two decimals after the separator: the file's convention does not matter
        assertThat(Amounts.parse("a", format(cents, ',', '.'), '.').value()).isEqualTo(expected);
        assertThat(Amounts.parse("a", format(cents, '.', ','), ',').value()).isEqualTo(expected);
    }

    @Test
    void currencies() throws Exception {
        assertThat(Amounts.parse("a", "$29.99", '.')).isEqualTo(new Amounts.Amount("29.99", "$", false));
        assertThat(Amounts.parse("a", "US$ 29.99", '.')).isEqualTo(new Amounts.Amount("29.99", "USD", true));
        assertThat(Amounts.parse("a", "12,50 €", ',')).isEqualTo(new Amounts.Amount("12.50", "EUR", true));
        assertThat(Amounts.parse("a", "-£3.00", '.')).isEqualTo(new Amounts.Amount("-3.00", "GBP", true));
        assertThat(Amounts.parse("a", "3.00-", '.').value()).isEqualTo("-3.00");
        assertThat(Amounts.parse("a", "chf 10", '.')).isEqualTo(new Amounts.Amount("10", "CHF", true));
        assertThat(Amounts.parse("a", "1,234", '.').value()).isEqualTo("1234");
        assertThat(Amounts.parse("a", "1,234", ',').value()).isEqualTo("1.234");
        assertThat(Amounts.parse("a", "1.234", ',').value()).isEqualTo("1234");
        assertThat(Amounts.parse("a", "12,5", '.').value()).isEqualTo("12.5");
        for (String bad : new String[] {"abc", "12.34.56,7", "1,2345,678", "$12 EUR", "-(5)", "12 apples", "1.234.56"}) {
            assertThatThrownBy(() -> Amounts.parse("amount", bad, '.')).as(bad).isInstanceOf(RowException.class)
                    .hasMessageStartingWith("amount: '" + bad + "'");
        }
    }
}
