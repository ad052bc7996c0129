package org.opencets.formats.jsonstream;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The date-time shapes chat exports write, read and written on a fast path that gives exactly what
 * {@code java.time} gives.
 *
 * <p>Design note. A chat export carries one or two timestamps a message, and {@link DateTimeFormatter}
 * parsing and {@link Instant#toString()} took about a tenth of the Telegram reader's time in a profile
 * (see docs/BENCHMARKS.md). The shapes here are fixed-width ISO-8601 (RFC 3339 section 5.6), so the
 * digits are taken by position and {@code java.time} still decides validity: {@link LocalDateTime#of}
 * refuses 30 February and hour 25 as the strict formatter does. Any other shape goes to
 * {@code java.time} itself. Property tests hold both paths to the same answers.
 */
public final class IsoTimes {
    private IsoTimes() {
    }

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("H:mm[:ss]", java.util.Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * A time of day as chat logs write it, {@code H:mm}, {@code HH:mm} or either with {@code :ss}:
     * what {@code LocalTime.parse(s, ofPattern("H:mm[:ss]"))} gives in strict resolution.
     */
    public static java.time.LocalTime timeOfDay(String s) {
        int n = s.length();
        int colon = s.indexOf(':');
        if ((colon == 1 || colon == 2) && (n == colon + 3 || n == colon + 6 && s.charAt(colon + 3) == ':')) {
            int h = digits(s, 0, colon);
            int m = digits(s, colon + 1, 2);
            return n == colon + 3 ? java.time.LocalTime.of(h, m) : java.time.LocalTime.of(h, m, digits(s, colon + 4, 2));
        }
        return java.time.LocalTime.parse(s, TIME_OF_DAY);
    }

    /** {@code uuuu-MM-dd'T'HH:mm:ss}, strictly (an impossible date or time is a DateTimeException). */
    public static LocalDateTime localDateTime(String s) {
        if (s.length() == 19 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':') {
            return LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2), digits(s, 11, 2), digits(s, 14, 2),
                    digits(s, 17, 2));
        }
        throw new DateTimeException("'" + s + "' is not of the form uuuu-MM-ddTHH:mm:ss");
    }

    /**
     * An ISO-8601 date-time with offset ({@code 2024-03-01T14:05:09.123+02:00}, {@code …Z}) as the
     * instant's ISO text ({@code 2024-03-01T12:05:09.123Z}), as
     * {@code OffsetDateTime.parse(s, ISO_OFFSET_DATE_TIME).toInstant().toString()} gives it.
     */
    public static String offsetInstant(String s) {
        int n = s.length();
        if (n >= 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':') {
            int i = 19;
            int nanos = 0;
            if (s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                int len = i - start;
                if (len >= 1 && len <= 9) {
                    nanos = digits(s, start, len);
                    for (int k = len; k < 9; k++) {
                        nanos *= 10;
                    }
                } else {
                    return slow(s);
                }
            }
            int offsetSeconds;
            if (i == n - 1 && s.charAt(i) == 'Z') {
                offsetSeconds = 0;
            } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
                int sign = s.charAt(i) == '-' ? -1 : 1;
                offsetSeconds = ZoneOffset.ofHoursMinutesSeconds(sign * digits(s, i + 1, 2), sign * digits(s, i + 4, 2), 0)
                        .getTotalSeconds();
            } else {
                return slow(s);
            }
            LocalDateTime local = LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2), digits(s, 11, 2),
                    digits(s, 14, 2), digits(s, 17, 2));
            return instant(local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds, nanos);
        }
        return slow(s);
    }

    private static String slow(String s) {
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toString();
    }

    /** What {@code Instant.ofEpochSecond(seconds, nanos).toString()} gives. */
    public static String instant(long epochSecond, int nanos) {
        if (epochSecond < 0 || epochSecond > 253_402_300_799L || nanos < 0 || nanos > 999_999_999) {
            return Instant.ofEpochSecond(epochSecond, nanos).toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        char[] c = new char[nanos == 0 ? 20 : nanos % 1_000_000 == 0 ? 24 : nanos % 1000 == 0 ? 27 : 30];
        put(c, 0, t.getYear(), 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        if (nanos != 0) {
            c[19] = '.';
            int digits = c.length - 21;
            put(c, 20, nanos / (digits == 3 ? 1_000_000 : digits == 6 ? 1000 : 1), digits);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digits(String s, int at, int len) {
        int v = 0;
        for (int i = at; i < at + len; i++) {
            char ch = s.charAt(i);
            if (!isDigit(ch)) {
                throw new DateTimeException("'" + s + "' has a non-digit where a digit belongs");
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
