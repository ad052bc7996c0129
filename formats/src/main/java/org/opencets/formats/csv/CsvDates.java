package org.opencets.formats.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencets.formats.canonical.RecordAssembler.RowException;

/**
 * Dates and times as exports write them, turned into ISO-8601 for the record assembler (which parses
 * and checks them again).
 *
 * <p>Grammar of a value (case-insensitive; a time may stand alone only in a time column):
 * <pre>
 *   value    = date [ ("T" | " "+) clock ] | clock ;
 *   date     = YYYY sep MM sep DD                       year first: always year-month-day
 *            | A sep B sep YYYY                         day and month in the order settled below
 *            | YYYYMMDD                                 eight digits, no separator
 *            | D [" " | "-"] MONTH [" " | "-" | ", "] YYYY | MONTH " " D [","] " " YYYY ;
 *   sep      = "-" | "/" | "." ;                        the same separator twice
 *   MONTH    = an English month name or its three-letter abbreviation
 *   clock    = H ":" MM [":" SS [("." | ",") FRACTION]] [" "] [AM | PM | "a.m." | "p.m."] [zone]
 *            | HHMM | HHMMSS ;                          digits only, in a time column only
 *   zone     = [" "] ("Z" | "UTC" | "GMT" | ("+" | "-") HH [[":"] MM]) ;
 * </pre>
 * A two-digit year is refused (which century is a guess). The order of {@code A} and {@code B} is
 * the {@code date-order} option when given; else a value decides it itself when one of them is over
 * 12; else dotted dates are day first (the European convention); else the value is
 * {@linkplain Ambiguous ambiguous} and the caller settles the order over the whole file. A date that
 * does not exist (30 February) or a time out of range (25:00) is a bad row, never rolled over.
 */
final class CsvDates {
    /** The order of day and month in dates whose year comes last; YMD only confirms year-first dates. */
    enum Order {
        DMY, MDY, YMD;

        static Order parse(String option) {
            return switch (option.strip().toLowerCase(Locale.ROOT)) {
                case "dmy" -> DMY;
                case "mdy" -> MDY;
                case "ymd" -> YMD;
                default -> throw new IllegalArgumentException("date-order must be dmy, mdy or ymd, not '" + option + "'");
            };
        }
    }

    /** A date such as 03/04/2024 whose day and month cannot be told apart without knowing the file's order. */
    static final class Ambiguous extends Exception {
        Ambiguous(String value) {
            super(value, null, false, false);
        }
    }

    private static final String CLOCK_RE = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
            + "(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.))?"
            + "(?:\\s*(z|utc|gmt|[+-]\\d{2}(?::?\\d{2})?))?";
    private static final Pattern CLOCK = Pattern.compile(CLOCK_RE, Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPACT_CLOCK = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})?");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,4})([-/.])(\\d{1,2})\\2(\\d{1,4})");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[ -]([a-z]{3,9})\\.?(?:[ -]|, ?)(\\d{2,4})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("([a-z]{3,9})\\.? (\\d{1,2}),? (\\d{2,4})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BETWEEN = Pattern.compile("(?:t|\\s+)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = months();

    private CsvDates() {
    }

    private static Map<String, Integer> months() {
        String[] names = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"};
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], i + 1);
            m.put(names[i].substring(0, 3), i + 1);
        }
        m.put("sept", 9);
        return Map.copyOf(m);
    }

    /** True when the value is a time of day with no date, e.g. {@code 14:05} or {@code 2:05 PM}. */
    static boolean isClock(String raw) {
        String s = raw.strip();
        return CLOCK.matcher(s).matches() || COMPACT_CLOCK.matcher(s).matches();
    }

    /**
     * A date, or a date and time, as ISO-8601: {@code 2024-03-01}, {@code 2024-03-01T14:05:00},
     * {@code 2024-03-01T14:05:00Z} or {@code 2024-03-01T14:05:00+01:00}.
     */
    static String dateTime(String field, String raw, Order order) throws RowException, Ambiguous {
        String s = raw.strip();
        int[] ymd = new int[3];
        int end = date(field, s, order, ymd);
        String date = isoDate(field, raw, ymd);
        if (end == s.length()) {
            return date;
        }
        char next = s.charAt(end);
        if (next == 'T' || next == 't') { // what BETWEEN matches there, without the matcher
            return date + "T" + clock(field, s.substring(end + 1), raw, false);
        }
        Matcher between = BETWEEN.matcher(s).region(end, s.length());
        if (!between.lookingAt()) {
            throw bad(field, raw, "is not a date or a date and time");
        }
        return date + "T" + clock(field, s.substring(between.end()), raw, false);
    }

    /** A date alone; a time after it is allowed only when it is midnight (spreadsheets add one). */
    static String dateOnly(String field, String raw, Order order) throws RowException, Ambiguous {
        String iso = dateTime(field, raw, order);
        if (iso.length() > 10) {
            String time = iso.substring(11);
            if (!time.startsWith("00:00:00") || time.length() > 8 && !time.substring(8).matches("(\\.0+)?")) {
                throw bad(field, raw, "is a date and time, not a date");
            }
            return iso.substring(0, 10);
        }
        return iso;
    }

    /** A time of day as {@code HH:mm:ss[.fraction][zone]}. */
    static String clock(String field, String raw) throws RowException {
        return clock(field, raw.strip(), raw, true);
    }

    /**
     * What one value says about the file's order of day and month: DMY or MDY when one of its first
     * two numbers is over 12, else null.
     */
    static Order evidence(String raw) {
        Matcher m = NUMERIC_DATE.matcher(raw.strip());
        if (!m.lookingAt() || m.group(4).length() != 4 || m.group(1).length() > 2) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        if (a > 12 && b <= 12) {
            return Order.DMY;
        }
        if (b > 12 && a <= 12) {
            return Order.MDY;
        }
        return null;
    }

    /** Reads the date at the start of s into ymd; returns where it ends. */
    private static int date(String field, String s, Order order, int[] ymd) throws RowException, Ambiguous {
        // fast path for the usual YYYY-MM-DD, read without a regular expression
        if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && (s.length() == 10 || !isDigit(s.charAt(10)))) {
            int y = number(s, 0, 4);
            int mo = number(s, 5, 7);
            int d = number(s, 8, 10);
            if (y >= 0 && mo >= 0 && d >= 0) {
                ymd[0] = y;
                ymd[1] = mo;
                ymd[2] = d;
                return 10;
            }
        }
        Matcher m = COMPACT_DATE.matcher(s);
        if (m.lookingAt()) {
            ymd[0] = Integer.parseInt(m.group(1));
            ymd[1] = Integer.parseInt(m.group(2));
            ymd[2] = Integer.parseInt(m.group(3));
            return m.end();
        }
        m = NUMERIC_DATE.matcher(s);
        if (m.lookingAt()) {
            String first = m.group(1);
            String last = m.group(4);
            int a = Integer.parseInt(first);
            int b = Integer.parseInt(m.group(3));
            if (first.length() == 4) {
                if (last.length() > 2) {
                    throw bad(field, s, "is not a date");
                }
                ymd[0] = a;
                ymd[1] = b;
                ymd[2] = Integer.parseInt(last);
                return m.end();
            }
            if (first.length() > 2) {
                throw bad(field, s, "is not a date");
            }
            if (last.length() != 4) {
                throw bad(field, s, "has a " + last.length() + "-digit year; write the year in full (which century is a guess)");
            }
            ymd[0] = Integer.parseInt(last);
            Order o = order;
            if (o == Order.YMD) {
                throw bad(field, s, "writes the year last, but the date order given is ymd");
            }
            if (o == null) {
                if (a > 12 && b <= 12) {
                    o = Order.DMY;
                } else if (b > 12 && a <= 12) {
                    o = Order.MDY;
                } else if (a == b || a > 12) {
                    o = Order.DMY; // either order reads the same, or neither can (refused below)
                } else if (m.group(2).equals(".")) {
                    o = Order.DMY;
                } else {
                    throw new Ambiguous(s.substring(0, m.end()));
                }
            }
            ymd[1] = o == Order.DMY ? b : a;
            ymd[2] = o == Order.DMY ? a : b;
            return m.end();
        }
        m = DAY_MONTH_YEAR.matcher(s);
        if (m.lookingAt() && MONTHS.containsKey(m.group(2).toLowerCase(Locale.ROOT))) {
            return named(field, s, m.group(1), m.group(2), m.group(3), m.end(), ymd);
        }
        m = MONTH_DAY_YEAR.matcher(s);
        if (m.lookingAt() && MONTHS.containsKey(m.group(1).toLowerCase(Locale.ROOT))) {
            return named(field, s, m.group(2), m.group(1), m.group(3), m.end(), ymd);
        }
        throw bad(field, s, "is not a date (write e.g. 2024-03-01, 01/03/2024 with --date-order, or 1 Mar 2024)");
    }

    private static int named(String field, String s, String day, String month, String year, int end, int[] ymd)
            throws RowException {
        if (year.length() != 4) {
            throw bad(field, s, "has a " + year.length() + "-digit year; write the year in full (which century is a guess)");
        }
        ymd[0] = Integer.parseInt(year);
        ymd[1] = MONTHS.get(month.toLowerCase(Locale.ROOT));
        ymd[2] = Integer.parseInt(day);
        return end;
    }

    private static String isoDate(String field, String raw, int[] ymd) throws RowException {
        try {
            return LocalDate.of(ymd[0], ymd[1], ymd[2]).toString();
        } catch (DateTimeException e) {
            throw bad(field, raw, "is not a real date (" + e.getMessage() + ")");
        }
    }

    private static String clock(String field, String s, String raw, boolean aloneInColumn) throws RowException {
        // fast path for the usual HH:mm, HH:mm:ss and HH:mm:ssZ, read without a regular expression
        int n = s.length();
        if ((n == 5 || n == 8 || n == 9 && s.charAt(8) == 'Z') && s.charAt(2) == ':' && (n == 5 || s.charAt(5) == ':')) {
            int h = number(s, 0, 2);
            int mi = number(s, 3, 5);
            int se = n == 5 ? 0 : number(s, 6, 8);
            if (h >= 0 && mi >= 0 && se >= 0) {
                if (h > 23 || mi > 59 || se > 59) {
                    throw bad(field, raw, "is not a real time of day");
                }
                return (n == 5 ? s + ":00" : s.substring(0, 8)) + (n == 9 ? "Z" : "");
            }
        }
        Matcher m = CLOCK.matcher(s);
        int hour;
        int minute;
        int second = 0;
        String fraction = null;
        String ampm = null;
        String zone = null;
        if (m.matches()) {
            hour = Integer.parseInt(m.group(1));
            minute = Integer.parseInt(m.group(2));
            if (m.group(3) != null) {
                second = Integer.parseInt(m.group(3));
            }
            fraction = m.group(4);
            ampm = m.group(5);
            zone = m.group(6);
        } else {
            Matcher c = COMPACT_CLOCK.matcher(s);
            if (!aloneInColumn || !c.matches()) {
                throw bad(field, raw, "has no valid time of day (write e.g. 14:05, 14:05:30 or 2:05 PM)");
            }
            hour = Integer.parseInt(c.group(1));
            minute = Integer.parseInt(c.group(2));
            if (c.group(3) != null) {
                second = Integer.parseInt(c.group(3));
            }
        }
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                throw bad(field, raw, "has an hour outside 1-12 before AM/PM");
            }
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw bad(field, raw, "is not a real time of day");
        }
        StringBuilder sb = new StringBuilder(32);
        sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d", hour, minute, second));
        if (fraction != null) {
            sb.append('.').append(fraction);
        }
        if (zone != null) {
            sb.append(zone(field, raw, zone));
        }
        return sb.toString();
    }

    private static String zone(String field, String raw, String zone) throws RowException {
        String z = zone.toUpperCase(Locale.ROOT);
        if (z.equals("Z") || z.equals("UTC") || z.equals("GMT")) {
            return "Z";
        }
        String digits = z.substring(1).replace(":", "");
        int hh = Integer.parseInt(digits.substring(0, 2));
        int mm = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        if (hh > 18 || mm > 59) {
            throw bad(field, raw, "has an offset from UTC out of range");
        }
        return String.format(Locale.ROOT, "%c%02d:%02d", z.charAt(0), hh, mm);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The decimal number in s[from, to), or -1 when a character there is not a digit. */
    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static RowException bad(String field, String raw, String why) {
        return new RowException(field + ": '" + raw.strip() + "' " + why);
    }
}
