package org.opencets.formats.whatsapp;

/**
 * The head of a WhatsApp export line, read by hand in one pass. One instance is reused for every
 * line.
 *
 * <pre>
 * line   = android | ios ;
 * android = date sep time SP ("-" | "–") SP rest ;         e.g. 04/03/2024, 21:05 - Alice: hi
 * ios     = "[" date sep time "]" SP rest ;                e.g. [04/03/2024, 21:05:33] Alice: hi
 * date    = n dsep n dsep n ;   dsep: "/" | "." | "-", the same twice, an optional "." after the last n
 *                               n: 1 to 4 digits
 * sep     = ", " | " " | "," ;
 * time    = H ":" MM [":" SS] [space ampm] ;  space: SP, U+00A0 or U+202F
 * ampm    = "AM" | "PM" | "a.m." | "p.m." | "a. m." | "p. m." (any case)
 * rest    = name ": " text | system text ;
 * </pre>
 *
 * The order of the three numbers of the date (day-month-year or another) is not decided here: see
 * {@link DateOrder}.
 */
final class ChatHeader {
    enum Layout { ANDROID, IOS }

    Layout layout;
    int n1;
    int n2;
    int n3;
    int len1;
    int len2;
    int len3;
    char dateSeparator;
    /** Seconds since midnight, after AM/PM. */
    int seconds;
    /** Index of the first character after the head. */
    int rest;
    /** Why a line that has the shape of a head is not a valid one, or null. */
    String problem;

    /** True if the line starts with a head (then {@link #problem} may still say it is invalid). */
    boolean parse(String s) {
        problem = null;
        int n = s.length();
        int i = 0;
        boolean ios = false;
        if (n > 0 && s.charAt(0) == '[') {
            ios = true;
            i = 1;
        }
        // date
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        len1 = i - start;
        if (len1 < 1 || len1 > 4 || i >= n) {
            return false;
        }
        n1 = num(s, start, i);
        char sep = s.charAt(i);
        if (sep != '/' && sep != '.' && sep != '-') {
            return false;
        }
        start = ++i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        len2 = i - start;
        if (len2 < 1 || len2 > 2 || i >= n || s.charAt(i) != sep) {
            return false;
        }
        n2 = num(s, start, i);
        start = ++i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        len3 = i - start;
        if (len3 < 1 || len3 > 4 || i >= n) {
            return false;
        }
        n3 = num(s, start, i);
        if (len1 > 2 && len3 > 2 || len1 != 4 && len3 != 4 && len3 != 2 || len1 == 3 || len3 == 3) {
            return false;
        }
        dateSeparator = sep;
        if (s.charAt(i) == '.') {
            i++;
        }
        // separator between date and time
        if (i < n && s.charAt(i) == ',') {
            i++;
        }
        if (i < n && s.charAt(i) == ' ') {
            i++;
        }
        // time
        start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i - start < 1 || i - start > 2 || i + 3 > n || s.charAt(i) != ':') {
            return false;
        }
        int h = num(s, start, i);
        i++;
        if (!isDigit(s.charAt(i)) || !isDigit(s.charAt(i + 1))) {
            return false;
        }
        int m = num(s, i, i + 2);
        i += 2;
        int sec = 0;
        if (i + 2 < n && s.charAt(i) == ':' && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2))) {
            sec = num(s, i + 1, i + 3);
            i += 3;
        }
        int ampm = 0;
        if (i < n && isSpace(s.charAt(i))) {
            int a = ampm(s, i + 1);
            if (a != 0) {
                ampm = a > 0 ? 1 : 2;
                i = Math.abs(a);
            }
        }
        if (ios) {
            if (i + 1 >= n || s.charAt(i) != ']' || s.charAt(i + 1) != ' ') {
                return false;
            }
            i += 2;
            layout = Layout.IOS;
        } else {
            if (i + 2 >= n || s.charAt(i) != ' ' || (s.charAt(i + 1) != '-' && s.charAt(i + 1) != '\u2013')) {
                return false;
            }
            i += 2;
            if (i < n && s.charAt(i) == ' ') {
                i++;
            }
            layout = Layout.ANDROID;
        }
        rest = i;
        if (ampm != 0) {
            if (h < 1 || h > 12 || m > 59 || sec > 59) {
                problem = "impossible time " + h + ":" + (m < 10 ? "0" : "") + m + (ampm == 1 ? " AM" : " PM");
                return true;
            }
            h = h % 12 + (ampm == 2 ? 12 : 0);
        } else if (h > 23 || m > 59 || sec > 59) {
            problem = "impossible time " + h + ":" + (m < 10 ? "0" : "") + m;
            return true;
        }
        seconds = h * 3600 + m * 60 + sec;
        return true;
    }

    /**
     * AM/PM at i: returns the index after it, positive for AM, negative for PM; 0 if none. Accepts
     * "AM", "a.m.", "a. m." in any case.
     */
    private static int ampm(String s, int i) {
        int n = s.length();
        if (i >= n) {
            return 0;
        }
        char c = Character.toLowerCase(s.charAt(i));
        if (c != 'a' && c != 'p') {
            return 0;
        }
        int j = i + 1;
        if (j < n && s.charAt(j) == '.') {
            j++;
            if (j < n && s.charAt(j) == ' ') {
                j++;
            }
        }
        if (j >= n || Character.toLowerCase(s.charAt(j)) != 'm') {
            return 0;
        }
        j++;
        if (j < n && s.charAt(j) == '.') {
            j++;
        }
        return c == 'a' ? j : -j;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + s.charAt(i) - '0';
        }
        return v;
    }

    /** The date as written, for messages. */
    String dateText() {
        return pad(n1, len1) + dateSeparator + pad(n2, len2) + dateSeparator + pad(n3, len3);
    }

    private static String pad(int v, int len) {
        String s = Integer.toString(v);
        return s.length() >= len ? s : "0".repeat(len - s.length()) + s;
    }
}
