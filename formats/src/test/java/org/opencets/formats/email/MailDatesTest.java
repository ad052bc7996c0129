package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailDatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Fri, 21 Nov 2026 11:15:30 +0100|2026-11-21T10:15:30Z",
            "21 Nov 2026 10:15:30 -0800 (PST)|2026-11-21T18:15:30Z",
            "Fri, 21 Nov 26 10:15 EST|2026-11-21T15:15:00Z",
            "Tue, 1 Jul 99 10:52:37 GMT|1999-07-01T10:52:37Z",
            "Thu, 13 Feb 1969 23:32:54 -0330|1969-02-14T03:02:54Z",
            "Mon, 01 Jan 2024 00:00:60 +0000|2024-01-01T00:00:59Z",
            "Fri, 21 Nov 2026 10:15:30 -0000|2026-11-21T10:15:30",
            "21 Nov 2026 10:15:30|2026-11-21T10:15:30",
            "2026-11-21T10:15:30+01:00|2026-11-21T09:15:30Z",
            "2026-11-21 10:15:30|2026-11-21T10:15:30"})
    void rfc5322ObsoleteAndCommonForms(String raw, String expected) throws Exception {
        assertThat(MailDates.parse(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sat, 30 Feb 2026 10:00:00 +0000", "Mon, 1 Jan 2024 25:61:00 +0000",
            "Fri, 21 Nov 2026 10:15:30 +9999", "Fri, 21 Nov 2026 10:15:30 +0190", "Fri, 21 Nov 0999 10:15:30 +0000",
            "yesterday", "", "Fri, 99 Nov 2026 10:15:30 +0000", "\u0000\u0001\u00ff", "Fri, 21 Nov 2026 10:15:30 +0000 trailing junk (((",
            "2026-13-45T99:99:99Z"})
    void impossibleOrUnreadableDatesAreReportedNotRolledOver(String raw) {
        assertThatThrownBy(() -> MailDates.parse(raw)).isInstanceOf(MailDates.BadDate.class).hasMessageNotContaining("null");
    }
}
