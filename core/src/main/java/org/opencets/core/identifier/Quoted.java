package org.opencets.core.identifier;

/**
 * Echoes a rejected value in an error message safely: any run of 12 or more digits (with any of the
 * separators a card may be written with between them: white space, dashes, dots, underscores,
 * slashes) could be a card number, so it is replaced by its length alone, and long values are cut.
 * Every normaliser that quotes its input goes through here.
 *
 * <p>A hex word (16 or more letters and digits, all of them hex, at least one a letter: an MD5,
 * SHA or PDQ hash) whose digits include such a run is shortened instead, to its first six and last
 * four characters ({@code d35c12…0123}): cut into {@code [12 digits]} pieces, a hash could not be
 * recognised, while six and four characters are no more of a card than its masked form shows.
 */
final class Quoted {
    private static final int MAX = 80;

    private Quoted() {
    }

    static String of(String raw) {
        if (raw == null) {
            return "null";
        }
        String s = maskDigitRuns(raw);
        return "'" + (s.length() > MAX ? s.substring(0, MAX) + "…" : s) + "'";
    }

    /**
     * The text with every hex word holding 12 digits in a row shortened (see the class note), then
     * every run of 12 or more digits (any {@linkplain CardNumbers#isSeparator separators} between
     * them) replaced by its length.
     */
    static String maskDigitRuns(String raw) {
        if (raw == null) {
            return null;
        }
        return countDigitRuns(shortenHexWords(raw));
    }

    /** Hex words of at least this length are shortened when they hold a long decimal run. */
    private static final int HEX_WORD = 16;

    private static String shortenHexWords(String raw) {
        StringBuilder out = null;
        int n = raw.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(raw.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean hex = true;
            boolean letter = false;
            int run = 0;
            int longestRun = 0;
            while (i < n && Character.isLetterOrDigit(raw.charAt(i))) {
                char c = raw.charAt(i);
                if (isDigit(c)) {
                    longestRun = Math.max(longestRun, ++run);
                } else {
                    run = 0;
                    letter = true;
                    hex &= c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
                }
                i++;
            }
            if (hex && letter && i - start >= HEX_WORD && longestRun >= 12) {
                if (out == null) {
                    out = new StringBuilder(n);
                    out.append(raw, 0, start);
                }
                out.append(raw, start, start + 6).append('…').append(raw, i - 4, i);
            } else if (out != null) {
                out.append(raw, start, i);
            }
            if (out != null && i < n) {
                // the characters up to the next word, as they are
                int j = i;
                while (j < n && !Character.isLetterOrDigit(raw.charAt(j))) {
                    j++;
                }
                out.append(raw, i, j);
                i = j;
            }
        }
        return out == null ? raw : out.toString();
    }

    private static String countDigitRuns(String raw) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX) + 16);
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (isDigit(c)) {
                int j = i;
                int digits = 0;
                int lastDigitEnd = i;
                while (j < n) {
                    char d = raw.charAt(j);
                    if (isDigit(d)) {
                        digits++;
                        lastDigitEnd = ++j;
                        continue;
                    }
                    int k = j;
                    while (k < n && CardNumbers.isSeparator(raw.charAt(k))) {
                        k++;
                    }
                    if (k == j || k >= n || !isDigit(raw.charAt(k))) {
                        break;
                    }
                    j = k;
                }
                if (digits >= 12) {
                    out.append('[').append(digits).append(" digits]");
                } else {
                    out.append(raw, i, lastDigitEnd);
                }
                i = lastDigitEnd;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
