package org.opencets.core.identifier;

/**
 * Echoes a rejected value in an error message safely: any run of 12 or more digits (with any of the
 * separators a card may be written with between them: white space, dashes, dots, underscores,
 * slashes) could be a card number, so it is replaced by its length alone, and long values are cut.
 * Every normaliser that quotes its input goes through here.
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

    /** The text with every run of 12 or more digits (any {@linkplain CardNumbers#isSeparator separators} between them) replaced by its length. */
    static String maskDigitRuns(String raw) {
        if (raw == null) {
            return null;
        }
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
