package org.opencets.core.identifier;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Payment card numbers: checked, then reduced at once to a keyed hash and a masked display form.
 *
 * <p>Rules: spaces and dashes are removed; 12 to 19 digits must remain (ISO/IEC 7812-1 allows 8-19,
 * but no payment network issues fewer than 12); the Luhn check digit must hold (ISO/IEC 7812-1
 * annex B). {@code value} is {@link CardHasher#hash} of the digits; {@code display} is the issuer
 * identification number and the last four digits, {@code 41111111…1111}: the first 8 digits for
 * numbers of 16 digits or more (ISO/IEC 7812-1:2017 eight-digit IINs), the first 6 otherwise.
 *
 * <p>Design note. The number must never leave this class in clear (DESIGN principle 8): the digits
 * live in a {@code char[]} that is wiped after hashing, the messages of every rejection name only
 * lengths and the failed rule, and the Luhn check is written here on that array rather than calling
 * commons-validator's {@code LuhnCheckDigit}, which takes the number as a {@code String} (five lines,
 * not worth another copy of the number on the heap).
 */
final class CardNumbers {
    static final int MIN_DIGITS = 12;
    static final int MAX_DIGITS = 19;
    /** In free text and in user input with no type, fewer digits than this are too likely something else. */
    static final int MIN_DIGITS_IN_TEXT = 13;

    private CardNumbers() {
    }

    static Identifier normalise(String raw, CardHasher hasher) {
        if (raw == null) {
            throw new InvalidIdentifierException(IdentifierType.CARD, "card number is missing");
        }
        char[] digits = new char[MAX_DIGITS];
        int n = 0;
        int lo = 0;
        int hi = raw.length();
        while (lo < hi && Character.isWhitespace(raw.charAt(lo))) {
            lo++;
        }
        while (hi > lo && Character.isWhitespace(raw.charAt(hi - 1))) {
            hi--;
        }
        try {
            for (int i = lo; i < hi; i++) {
                char c = raw.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (n < MAX_DIGITS) {
                        digits[n] = c;
                    }
                    n++;
                } else if (c != ' ' && c != '-') {
                    throw new InvalidIdentifierException(IdentifierType.CARD,
                            "card number may contain only digits, spaces and dashes (found '" + printable(c) + "' at position " + (i + 1) + ")");
                }
            }
            if (n < MIN_DIGITS || n > MAX_DIGITS) {
                throw new InvalidIdentifierException(IdentifierType.CARD,
                        "card number must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, found " + n);
            }
            if (!luhn(digits, 0, n)) {
                throw new InvalidIdentifierException(IdentifierType.CARD,
                        "card number fails the Luhn check (mistyped digit?); " + n + " digits given");
            }
            String value = hasher.hash(CharBuffer.wrap(digits, 0, n));
            return new Identifier(IdentifierType.CARD, value, mask(digits, 0, n), true);
        } finally {
            Arrays.fill(digits, '\0');
        }
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    /** The Luhn check over d[from, from + n). */
    static boolean luhn(char[] d, int from, int n) {
        int sum = 0;
        boolean twice = false;
        for (int i = from + n - 1; i >= from; i--) {
            int v = d[i] - '0';
            if (twice) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** BIN (8 digits from 16 up, else 6) + "…" + last four, from d[from, from + n). */
    static String mask(char[] d, int from, int n) {
        int bin = n >= 16 ? 8 : 6;
        return new String(d, from, bin) + "…" + new String(d, from + n - 4, 4);
    }

    /** The text with every card number {@link #find} finds replaced by its masked display form. */
    static String redact(String text) {
        if (!mayHoldInText(text)) {
            return text; // most fields and messages: no run of digits long enough to search
        }
        List<Span> spans = find(text, null);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span s : spans) {
            out.append(text, at, s.start()).append(s.masked());
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * A card number found in text.
     *
     * @param start  UTF-16 index of its first digit
     * @param end    one past its last digit
     * @param masked the display form
     * @param hash   the keyed hash, or null when no hasher was given
     */
    record Span(int start, int end, String masked, String hash) {
        Identifier identifier() {
            return new Identifier(IdentifierType.CARD, hash, masked, true);
        }
    }

    /**
     * Finds Luhn-valid card numbers in text: 13 to 19 digits, optionally grouped by single spaces or
     * dashes. A run of digit groups is taken whole when it is a card; otherwise the longest card made
     * of consecutive whole groups, scanning left to right, so {@code 4111 1111 1111 1111 12/25} yields
     * the card without the expiry month. An ungrouped run of digits is never cut.
     *
     * @param hasher when not null, each span carries the keyed hash of its number
     */
    static List<Span> find(CharSequence text, CardHasher hasher) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        char[] digits = new char[64];
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i)) || (i > 0 && isDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            // A run: groups of digits joined by a single space or dash.
            List<int[]> groups = new ArrayList<>(); // {start, end} of each group
            int j = i;
            while (true) {
                int g = j;
                while (j < n && isDigit(text.charAt(j))) {
                    j++;
                }
                groups.add(new int[] {g, j});
                if (j + 1 < n && (text.charAt(j) == ' ' || text.charAt(j) == '-') && isDigit(text.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            scanRun(text, groups, digits, hasher, out);
            i = j;
        }
        Arrays.fill(digits, '\0');
        return out;
    }

    private static void scanRun(CharSequence text, List<int[]> groups, char[] buf, CardHasher hasher, List<Span> out) {
        int g = 0;
        while (g < groups.size()) {
            int found = -1;
            // Longest card starting at group g. A single ungrouped run is either whole or nothing.
            // Every group holds a digit, so a card spans at most MAX_DIGITS groups.
            int maxLast = g;
            int digitsSoFar = groups.get(g)[1] - groups.get(g)[0];
            while (maxLast + 1 < groups.size() && digitsSoFar <= MAX_DIGITS) {
                maxLast++;
                digitsSoFar += groups.get(maxLast)[1] - groups.get(maxLast)[0];
            }
            for (int last = maxLast; last >= g; last--) {
                int count = collect(text, groups, g, last, buf);
                if (count >= MIN_DIGITS_IN_TEXT && count <= MAX_DIGITS && luhn(buf, 0, count)) {
                    String hash = hasher == null ? null : hasher.hash(CharBuffer.wrap(buf, 0, count));
                    out.add(new Span(groups.get(g)[0], groups.get(last)[1], mask(buf, 0, count), hash));
                    found = last;
                    break;
                }
            }
            g = found >= 0 ? found + 1 : g + 1;
        }
    }

    /** Copies the digits of groups [first, last] into buf; returns their count, or -1 when too many. */
    private static int collect(CharSequence text, List<int[]> groups, int first, int last, char[] buf) {
        int count = 0;
        for (int k = first; k <= last; k++) {
            int[] gr = groups.get(k);
            for (int p = gr[0]; p < gr[1]; p++) {
                if (count == MAX_DIGITS) {
                    return -1;
                }
                buf[count++] = text.charAt(p);
            }
        }
        return count;
    }

    /** Whether s has at least {@link #MIN_DIGITS} ASCII digits, the fewest any card number has. */
    static boolean mayHold(CharSequence s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i)) && ++digits >= MIN_DIGITS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text has a run of at least {@value #MIN_DIGITS_IN_TEXT} digits, grouped by single
     * spaces or dashes: {@link #find} finds cards only within such runs, so text without one (a date,
     * an amount, an already masked number) needs no search.
     */
    static boolean mayHoldInText(CharSequence s) {
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                if (++run >= MIN_DIGITS_IN_TEXT) {
                    return true;
                }
            } else if (!(run > 0 && (c == ' ' || c == '-') && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                run = 0;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
