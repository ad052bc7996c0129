package org.opencets.formats.irc;

/**
 * Lines that state the date (or the channel) rather than a message:
 *
 * <pre>
 * --- Log opened Mon Mar 04 10:00:00 2024        irssi      --- Day changed Tue Mar 05 2024
 * --- Log closed Mon Mar 04 23:00:00 2024
 * **** BEGIN LOGGING AT Mon Mar  4 10:00:00 2024  XChat, HexChat    **** ENDING LOGGING AT ...
 * Session Start: Mon Mar 04 10:00:00 2024        mIRC       Session Time: ...   Session Ident: #chan
 * </pre>
 *
 * The date part is read token by token: an English month name (three letters or more), the day after
 * it, a four-digit year, an optional HH:MM:SS; or an ISO date YYYY-MM-DD.
 */
final class LogHeader {
    private static final String[] PREFIXES = {"--- Log opened ", "--- Log closed ", "--- Day changed ",
            "**** BEGIN LOGGING AT ", "**** ENDING LOGGING AT ", "Session Start: ", "Session Close: ", "Session Time: "};

    int year;
    int month;
    int day;
    /** Time of day stated with the date, or -1. */
    int seconds;
    /** The channel named by a mIRC "Session Ident:" line, or null. */
    String channel;
    /** Why a header line could not be read, or null. */
    String problem;

    /** True if the line is a header; then either the date (or channel) fields or {@link #problem} are set. */
    boolean parse(String line) {
        problem = null;
        channel = null;
        year = 0;
        seconds = -1;
        char c = line.isEmpty() ? 0 : line.charAt(0);
        if (c != '-' && c != '*' && c != 'S') {
            return false;
        }
        if (line.startsWith("Session Ident: ")) {
            String id = line.substring(15).strip();
            channel = id.isEmpty() ? null : id;
            return true;
        }
        for (String p : PREFIXES) {
            if (line.startsWith(p)) {
                readDate(line.substring(p.length()).strip());
                return true;
            }
        }
        return false;
    }

    private void readDate(String text) {
        String[] tokens = text.split("\\s+");
        int m = 0;
        int d = 0;
        int y = 0;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-' && digits(t.substring(0, 4))
                    && digits(t.substring(5, 7)) && digits(t.substring(8))) {
                y = Integer.parseInt(t.substring(0, 4));
                m = Integer.parseInt(t.substring(5, 7));
                d = Integer.parseInt(t.substring(8));
            } else if (m == 0 && t.length() >= 3 && t.length() <= 9 && Character.isLetter(t.charAt(0))
                    && IrcLine.month(t, 0) != 0 && !isWeekday(t) && i + 1 < tokens.length
                    && digits(tokens[i + 1]) && tokens[i + 1].length() <= 2) {
                m = IrcLine.month(t, 0);
                d = Integer.parseInt(tokens[++i]);
            } else if (t.length() == 4 && digits(t)) {
                y = Integer.parseInt(t);
            } else if (t.length() == 8 && t.charAt(2) == ':' && t.charAt(5) == ':' && digits(t.substring(0, 2))
                    && digits(t.substring(3, 5)) && digits(t.substring(6))) {
                int h = Integer.parseInt(t.substring(0, 2));
                int mi = Integer.parseInt(t.substring(3, 5));
                int s = Integer.parseInt(t.substring(6));
                if (h < 24 && mi < 60 && s < 60) {
                    seconds = h * 3600 + mi * 60 + s;
                }
            }
        }
        if (y == 0 || m == 0) {
            problem = "cannot read the date in '" + org.opencets.formats.read.Redaction.digits(shorten(text))
                    + "' (expected e.g. Mon Mar 04 10:00:00 2024)";
        } else if (!LogCalendar.valid(y, m, d)) {
            problem = "impossible date in '" + shorten(text) + "'";
        } else {
            year = y;
            month = m;
            day = d;
        }
    }

    private static boolean isWeekday(String t) {
        String l = t.toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("mon") || l.startsWith("tue") || l.startsWith("wed") || l.startsWith("thu")
                || l.startsWith("fri") || l.startsWith("sat") || l.startsWith("sun");
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
