package org.opencets.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencets.formats.canonical.RecordAssembler.RowException;

class CsvDatesTest {
    /** Law: a real date written in any supported style reads back as itself. */
    @Property(tries = 300)
    void everySupportedStyleReadsBackTheSameDate(@ForAll @IntRange(min = 1900, max = 2100) int year,
                                                 @ForAll @IntRange(min = 1, max = 12) int month,
                                                 @ForAll @IntRange(min = 1, max = 31) int day) throws Exception {
        LocalDate d;
        try {
            d = LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return;
        }
        String iso = d.toString();
        assertThat(CsvDates.dateOnly("date", iso, null)).isEqualTo(iso);
        assertThat(CsvDates.dateOnly("date", d.format(DateTimeFormatter.ofPattern("dd.MM.uuuu")), null)).isEqualTo(iso);
        assertThat(CsvDates.dateOnly("date", d.format(DateTimeFormatter.ofPattern("MM/dd/uuuu")), CsvDates.Order.MDY)).isEqualTo(iso);
        assertThat(CsvDates.dateOnly("date", d.format(DateTimeFormatter.ofPattern("d/M/uuuu")), CsvDates.Order.DMY)).isEqualTo(iso);
        assertThat(CsvDates.dateOnly("date", d.format(DateTimeFormatter.ofPattern("uuuuMMdd")), null)).isEqualTo(iso);
        assertThat(CsvDates.dateOnly("date", d.format(DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH)), null)).isEqualTo(iso);
        assertThat(CsvDates.dateOnly("date", d.format(DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH)), null)).isEqualTo(iso);
        assertThat(CsvDates.dateOnly("date", d.format(DateTimeFormatter.ofPattern("dd-MMM-uuuu", Locale.ENGLISH)), null)).isEqualTo(iso);
    }

    /** Law: a day past the end of its month is refused in every style, never rolled over. */
    @Property(tries = 200)
    void daysPastTheEndOfTheMonthAreRefused(@ForAll @IntRange(min = 1900, max = 2100) int year,
                                            @ForAll @IntRange(min = 1, max = 12) int month) {
        int day = LocalDate.of(year, month, 1).lengthOfMonth() + 1;
        if (day > 31) {
            return;
        }
        String iso = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        String dotted = String.format(Locale.ROOT, "%02d.%02d.%04d", day, month, year);
        assertThatThrownBy(() -> CsvDates.dateOnly("date", iso, null)).isInstanceOf(RowException.class)
                .hasMessageContaining("is not a real date");
        assertThatThrownBy(() -> CsvDates.dateOnly("date", dotted, null)).isInstanceOf(RowException.class)
                .hasMessageContaining("is not a real date");
    }

    /** Law: a time of day in 24-hour or 12-hour form reads back as itself. */
    @Property(tries = 200)
    void clocksReadBack(@ForAll @IntRange(min = 0, max = 23) int h, @ForAll @IntRange(min = 0, max = 59) int m,
                        @ForAll @IntRange(min = 0, max = 59) int s) throws Exception {
        String expected = String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s);
        assertThat(CsvDates.clock("time", expected)).isEqualTo(expected);
        String twelve = String.format(Locale.ROOT, "%d:%02d:%02d %s", h % 12 == 0 ? 12 : h % 12, m, s, h < 12 ? "AM" : "pm");
        assertThat(CsvDates.clock("time", twelve)).isEqualTo(expected);
        assertThat(CsvDates.clock("time", String.format(Locale.ROOT, "%02d%02d%02d", h, m, s))).isEqualTo(expected);
    }

    @Test
    void dateTimesWithZonesAndFractions() throws Exception {
        assertThat(CsvDates.dateTime("t", "2024-03-01T14:05:09.250Z", null)).isEqualTo("2024-03-01T14:05:09.250Z");
        assertThat(CsvDates.dateTime("t", "01/03/2024 14:05 +0100", CsvDates.Order.DMY)).isEqualTo("2024-03-01T14:05:00+01:00");
        assertThat(CsvDates.dateTime("t", "2024-03-01 2:05 PM UTC", null)).isEqualTo("2024-03-01T14:05:00Z");
        assertThat(CsvDates.dateOnly("dob", "1980-02-03 00:00:00", null)).isEqualTo("1980-02-03");
        assertThatThrownBy(() -> CsvDates.dateOnly("dob", "1980-02-03 10:00", null)).hasMessageContaining("not a date");
        assertThatThrownBy(() -> CsvDates.dateOnly("d", "01/03/24", CsvDates.Order.DMY)).hasMessageContaining("2-digit year");
        assertThatThrownBy(() -> CsvDates.dateOnly("d", "03/04/2024", null)).isInstanceOf(CsvDates.Ambiguous.class);
        assertThatThrownBy(() -> CsvDates.dateOnly("d", "03/04/2024", CsvDates.Order.YMD)).hasMessageContaining("ymd");
        assertThatThrownBy(() -> CsvDates.clock("t", "13:00 PM")).hasMessageContaining("1-12");
        assertThatThrownBy(() -> CsvDates.dateTime("t", "2024-03-01T10:00+19:00", null)).hasMessageContaining("offset");
        assertThat(CsvDates.evidence("13/02/2024")).isEqualTo(CsvDates.Order.DMY);
        assertThat(CsvDates.evidence("02/13/2024 10:00")).isEqualTo(CsvDates.Order.MDY);
        assertThat(CsvDates.evidence("02/03/2024")).isNull();
        assertThat(CsvDates.evidence("2024-02-13")).isNull();
    }
}
