package org.opencets.formats.irc;

import java.time.LocalDate;

/**
 * The date of the lines of a log whose stamps carry only a time (or a month and day without the
 * year): set by a day-change or log-opened line, the file name or the {@code date} option, and moved
 * on by itself at midnight.
 *
 * <p>Midnight roll-over. Without a day-change line, a time earlier than the previous line's by more
 * than an hour is taken as the next day (23:58 then 00:03). A step back of an hour or less is not
 * (the clock put back at the end of summer time, or lines written slightly out of order); a log that
 * is silent from one evening to the next evening's later hour cannot be told from the same day, and
 * is read as the same day. The reader reports how many roll-overs it inferred.
 */
final class LogCalendar {
    private int year;
    private int month;
    private int day;
    private int previousSeconds = -1;
    private String prefix;
    private long rollOvers;

    boolean known() {
        return year != 0;
    }

    int year() {
        return year;
    }

    long rollOvers() {
        return rollOvers;
    }

    static boolean valid(int y, int m, int d) {
        return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= LocalDate.of(y, m, 1).lengthOfMonth();
    }

    /** A date stated by the log (or the user) at a time of day, or -1 when it has none. */
    void set(int y, int m, int d, int secondsOrMinusOne) {
        if (y != year || m != month || d != day) {
            year = y;
            month = m;
            day = d;
            prefix = null;
        }
        previousSeconds = secondsOrMinusOne;
    }

    /** The date prefix {@code YYYY-MM-DDT} of a time-only line at this time of day, rolling over at midnight. */
    String dateFor(int seconds) {
        if (previousSeconds >= 0 && seconds < previousSeconds - 3600) {
            LocalDate next = LocalDate.of(year, month, day).plusDays(1);
            set(next.getYear(), next.getMonthValue(), next.getDayOfMonth(), -1);
            rollOvers++;
        }
        previousSeconds = seconds;
        return prefix();
    }

    /**
     * The date prefix of a line stamped with month and day only: the year is the known date's, moved on
     * by one when the month goes back by six or more (December to January).
     */
    String dateFor(int m, int d) {
        int y = year;
        if (m < month && month - m >= 6) {
            y++;
        }
        if (y != year || m != month || d != day) {
            if (!valid(y, m, d)) {
                return null;
            }
            set(y, m, d, -1);
        }
        return prefix();
    }

    /** The prefix for a full date in the stamp. */
    String dateFor(int y, int m, int d) {
        if (y != year || m != month || d != day) {
            set(y, m, d, -1);
        }
        return prefix();
    }

    private String prefix() {
        if (prefix == null) {
            prefix = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT", year, month, day);
        }
        return prefix;
    }

    /** {@code prefix} followed by HH:MM:SS. */
    static String at(String prefix, int seconds) {
        char[] c = new char[prefix.length() + 8];
        prefix.getChars(0, prefix.length(), c, 0);
        int p = prefix.length();
        int h = seconds / 3600;
        int m = seconds / 60 % 60;
        int s = seconds % 60;
        c[p] = (char) ('0' + h / 10);
        c[p + 1] = (char) ('0' + h % 10);
        c[p + 2] = ':';
        c[p + 3] = (char) ('0' + m / 10);
        c[p + 4] = (char) ('0' + m % 10);
        c[p + 5] = ':';
        c[p + 6] = (char) ('0' + s / 10);
        c[p + 7] = (char) ('0' + s % 10);
        return new String(c);
    }
}
