package org.opencets.formats.irc;

/**
 * The parts of one IRC log line, found by hand (no regular expression on the common path: a message
 * line is read in one pass over its characters). One instance is reused for every line of a file.
 *
 * <p>Grammar of a line (after the stamp, {@link Stamp}):
 * <pre>
 * line     = stamp SP body | header ;
 * body     = "&lt;" [mode] nick "&gt;" (SP | TAB) text         ; a message
 *          | "*" (SP | TAB) nick SP text                 ; an action (mIRC events also start "* ")
 *          | "-" nick ["(" userhost ")"] "-" SP text      ; a notice
 *          | marker (SP | TAB) sentence                  ; a join, part, quit, nick change, kick or other
 *          | sentence                                    ; eggdrop writes events without a marker
 * marker   = "-!-" | "===" | "***" | "--&gt;" | "&lt;--" | "---" | "--" | "*"
 * mode     = "@" | "+" | "%" | "&amp;" | "~" | SP
 * weechat  = date SP time TAB prefix TAB text           ; prefix: [mode] nick, "--&gt;", "&lt;--", "--", " *"
 * </pre>
 */
final class IrcLine {
    Stamp stamp;
    /** Seconds since midnight. */
    int seconds;
    /** The date in the stamp; 0 where the stamp holds none ({@link #month} and {@link #day} without {@link #year} for MONTH_DAY). */
    int year;
    int month;
    int day;
    /** Index in the line where the body starts. */
    int body;
    /** Why a line that looked stamped is not a valid line, or null. */
    String problem;

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    /**
     * Reads the stamp at the start of the line. Returns false when the line does not begin with one
     * (then {@link #problem} is null) or when the stamp names an impossible time ({@link #problem} says
     * which).
     */
    boolean parseStamp(String s) {
        problem = null;
        year = 0;
        month = 0;
        day = 0;
        int n = s.length();
        if (n < 5) {
            return false;
        }
        char c0 = s.charAt(0);
        if (c0 == '[') {
            int close = s.indexOf(']', 1);
            if (close < 0 || close > 40) {
                return false;
            }
            int t = 1;
            if (close - 1 >= 16 && isIsoDate(s, 1)) {
                if (!readIsoDate(s, 1)) {
                    return true;
                }
                t = 12;
                if (s.charAt(11) != ' ' && s.charAt(11) != 'T') {
                    return false;
                }
            }
            int end = readTime(s, t, close);
            if (end != close) {
                return problem != null;
            }
            stamp = Stamp.BRACKETED;
            body = skipOneSpace(s, close + 1);
            return true;
        }
        if (c0 >= '0' && c0 <= '9') {
            if (n >= 20 && isIsoDate(s, 0) && s.charAt(10) == ' ') {
                int tab = s.indexOf('\t', 11);
                if (tab < 0) {
                    return false;
                }
                if (!readIsoDate(s, 0)) {
                    return true;
                }
                int end = readTime(s, 11, tab);
                if (end != tab) {
                    return problem != null;
                }
                stamp = Stamp.ISO_TAB;
                body = tab + 1;
                return true;
            }
            int sp = 0;
            while (sp < n && sp < 9 && s.charAt(sp) != ' ' && s.charAt(sp) != '\t') {
                sp++;
            }
            if (sp >= n || sp < 4) {
                return false;
            }
            int end = readTime(s, 0, sp);
            if (end != sp) {
                return problem != null;
            }
            stamp = Stamp.TIME;
            body = sp + 1;
            return true;
        }
        if (n >= 16 && Character.isLetter(c0)) {
            int m = month(s, 0);
            if (m == 0 || s.charAt(3) != ' ') {
                return false;
            }
            int i = 4;
            if (s.charAt(i) == ' ') {
                i++;
            }
            int d = 0;
            int digits = 0;
            while (i < n && digits < 3 && isDigit(s.charAt(i))) {
                d = d * 10 + s.charAt(i++) - '0';
                digits++;
            }
            if (digits == 0 || digits > 2 || i >= n || s.charAt(i) != ' ') {
                return false;
            }
            i++;
            int sp = i;
            while (sp < n && sp < i + 9 && s.charAt(sp) != ' ' && s.charAt(sp) != '\t') {
                sp++;
            }
            if (sp >= n) {
                return false;
            }
            int end = readTime(s, i, sp);
            if (end != sp) {
                return problem != null;
            }
            if (d < 1 || d > 31) {
                problem = "impossible day " + d + " in '" + s.substring(0, sp) + "'";
                return true;
            }
            month = m;
            day = d;
            stamp = Stamp.MONTH_DAY;
            body = sp + 1;
            return true;
        }
        return false;
    }

    /** The month named by three letters at i (English, any case), 1-12, or 0. */
    static int month(String s, int i) {
        if (i + 3 > s.length()) {
            return 0;
        }
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(true, i, MONTHS[m], 0, 3)) {
                return m + 1;
            }
        }
        return 0;
    }

    private static int skipOneSpace(String s, int i) {
        return i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t') ? i + 1 : i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIsoDate(String s, int i) {
        return s.length() >= i + 10 && isDigit(s.charAt(i)) && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2))
                && isDigit(s.charAt(i + 3)) && s.charAt(i + 4) == '-' && isDigit(s.charAt(i + 5))
                && isDigit(s.charAt(i + 6)) && s.charAt(i + 7) == '-' && isDigit(s.charAt(i + 8)) && isDigit(s.charAt(i + 9));
    }

    /** Reads YYYY-MM-DD at i into year, month, day; false (with {@link #problem}) if it is no date of the calendar. */
    private boolean readIsoDate(String s, int i) {
        int y = num(s, i, 4);
        int m = num(s, i + 5, 2);
        int d = num(s, i + 8, 2);
        if (!LogCalendar.valid(y, m, d)) {
            problem = "impossible date " + s.substring(i, i + 10);
            return false;
        }
        year = y;
        month = m;
        day = d;
        return true;
    }

    private static int num(String s, int i, int len) {
        int v = 0;
        for (int k = 0; k < len; k++) {
            v = v * 10 + s.charAt(i + k) - '0';
        }
        return v;
    }

    /**
     * Reads H:MM, HH:MM or HH:MM:SS from i, ending exactly at {@code limit}; returns the end index, or
     * -1 if there is no time there. An hour over 23 or a minute or second over 59 sets {@link #problem}.
     */
    private int readTime(String s, int i, int limit) {
        int len = limit - i;
        if (len != 4 && len != 5 && len != 8 && len != 7) {
            return -1;
        }
        int h;
        int p;
        if (isDigit(s.charAt(i)) && s.charAt(i + 1) == ':') {
            h = s.charAt(i) - '0';
            p = i + 2;
        } else if (isDigit(s.charAt(i)) && isDigit(s.charAt(i + 1)) && s.charAt(i + 2) == ':') {
            h = num(s, i, 2);
            p = i + 3;
        } else {
            return -1;
        }
        if (p + 2 > limit || !isDigit(s.charAt(p)) || !isDigit(s.charAt(p + 1))) {
            return -1;
        }
        int m = num(s, p, 2);
        p += 2;
        int sec = 0;
        if (p < limit) {
            if (p + 3 != limit || s.charAt(p) != ':' || !isDigit(s.charAt(p + 1)) || !isDigit(s.charAt(p + 2))) {
                return -1;
            }
            sec = num(s, p + 1, 2);
            p += 3;
        }
        if (h > 23 || m > 59 || sec > 59) {
            problem = "impossible time " + s.substring(i, limit);
            return -1;
        }
        seconds = h * 3600 + m * 60 + sec;
        return p;
    }
}
