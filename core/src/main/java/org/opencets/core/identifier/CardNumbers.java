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
                } else if (c == '…' || c == '*' || c == '•') {
                    // the form the tool itself shows (41111111…1111), or a processor's masked PAN
                    throw new InvalidIdentifierException(IdentifierType.CARD, "a masked card number (first digits, '"
                            + c + "', last four) cannot be looked up or compared: its keyed hash needs every digit");
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
        return redact(text, false);
    }

    /**
     * {@link #redact}, but taking digit groups of any size joined by any separators as one number: for
     * an e-mail local part, which holds no amounts, dates or versions, and whose dots Gmail ignores.
     */
    static String redactAnyGrouping(String text) {
        return redact(text, true);
    }

    private static String redact(String text, boolean anyGrouping) {
        if (!mayHoldInText(text)) {
            return text; // most fields and messages: no run of digits long enough to search
        }
        List<Span> spans = find(text, null, anyGrouping);
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
     * Finds Luhn-valid card numbers of 13 to 19 digits in text, written whole or in groups.
     *
     * <p>Spellings. Between two digit groups stands a <em>gap</em>: white space (spaces, tabs, no-break
     * and other Unicode spaces; not line breaks), one mark of {@code - . _ /} or a typographic dash
     * (U+2010 to U+2015, U+2212), or one such mark with white space around it. A card is
     * <ul>
     *   <li>an ungrouped run of digits, or</li>
     *   <li>groups of any size joined by single spaces or dashes, mixed (the spelling known before
     *       dots were; kept as it was), or</li>
     *   <li>three or more groups of 3 to 6 digits joined by gaps of one kind: all white space, or all
     *       with the same mark ({@code 4556.7375.8689.9855}, {@code 4556  7375  8689  9855},
     *       {@code 4556 / 7375 / 8689 / 9855}).</li>
     * </ul>
     *
     * <p>Design note. The last rule is strict because the same marks join other numbers: an IPv4
     * address has groups of 1 to 3 digits and never more than 12 digits; dates, times, versions
     * ({@code 120.0.6099.109}) and phone numbers written with dots have groups of one or two digits; an
     * amount ({@code 12345678901.25}) has two groups. A tenth of such numbers pass the Luhn check by
     * chance, so the shape, not the check digit, must tell them apart. Gaps of one kind keep an address
     * or date from joining a card written next to it with another separator.
     *
     * <p>Digit groups joined by gaps form a run. Within a run, of the Luhn-valid numbers of consecutive
     * whole groups written in one of the spellings above, the best written is taken first (see
     * {@link #shape}: a whole stretch of alike gaps in a card's layout, then fours ending such a
     * stretch, then a whole stretch in another layout, then any alike gaps, then the rest), and among
     * equals the leftmost, then the longest. Then the groups on either side are
     * searched the same way. So {@code 4111 1111 1111 1111 12/25} yields the card without the expiry
     * date, and {@code paid 2024-03-07 4556 7375 8689 9855} the card without the date, although the
     * date's digits with the first two groups happen to pass the Luhn check too. An ungrouped run of
     * digits is never cut. Where two readings are written equally well, the leftmost wins and may be
     * the wrong one (about a tenth of the time, by the Luhn check); its digits are masked all the same,
     * but the hash is not the card's.
     *
     * @param hasher when not null, each span carries the keyed hash of its number
     */
    static List<Span> find(CharSequence text, CardHasher hasher) {
        return find(text, hasher, false);
    }

    private static List<Span> find(CharSequence text, CardHasher hasher, boolean anyGrouping) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        char[] digits = new char[MAX_DIGITS];
        Run run = null;
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i)) || (i > 0 && isDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            if (run == null) {
                run = new Run();
            }
            run.size = 0;
            int j = i;
            char kind = 0;
            boolean single = false;
            while (true) {
                int g = j;
                while (j < n && isDigit(text.charAt(j))) {
                    j++;
                }
                run.add(g, j, kind, single);
                // A gap: white space, one mark, or one mark with white space around it; then a digit.
                int k = j;
                while (k < n && isSpace(text.charAt(k))) {
                    k++;
                }
                kind = ' ';
                if (k < n && isMark(text.charAt(k))) {
                    kind = mark(text.charAt(k));
                    k++;
                    while (k < n && isSpace(text.charAt(k))) {
                        k++;
                    }
                }
                if (k == j || k >= n || !isDigit(text.charAt(k))) {
                    break;
                }
                single = k == j + 1 && (text.charAt(j) == ' ' || text.charAt(j) == '-');
                j = k;
            }
            scanRun(text, run, digits, hasher, anyGrouping, out);
            i = j;
        }
        Arrays.fill(digits, '\0');
        return out;
    }

    /**
     * The digit groups of one run, in primitive arrays reused from run to run: where each starts and
     * ends, and the gap before it (its kind: {@code ' '} for white space, else its mark; whether it is
     * a single space or dash).
     */
    private static final class Run {
        int[] start = new int[8];
        int[] end = new int[8];
        char[] gapKind = new char[8];
        boolean[] singleGap = new boolean[8];
        int size;

        void add(int from, int to, char kind, boolean single) {
            if (size == start.length) {
                start = Arrays.copyOf(start, size * 2);
                end = Arrays.copyOf(end, size * 2);
                gapKind = Arrays.copyOf(gapKind, size * 2);
                singleGap = Arrays.copyOf(singleGap, size * 2);
            }
            start[size] = from;
            end[size] = to;
            gapKind[size] = kind;
            singleGap[size] = single;
            size++;
        }

        int length(int g) {
            return end[g] - start[g];
        }

        /** Whether groups [first, last] are written as a card is (see {@link CardNumbers#find}). */
        boolean cardSpelling(int first, int last) {
            if (first == last) {
                return true;
            }
            boolean singles = true;
            for (int k = first + 1; k <= last && singles; k++) {
                singles = singleGap[k];
            }
            if (singles) {
                return true;
            }
            if (last - first < 2) {
                return false;
            }
            char kind = gapKind[first + 1];
            for (int k = first; k <= last; k++) {
                int len = length(k);
                if (len < 3 || len > 6 || k > first && gapKind[k] != kind) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void scanRun(CharSequence text, Run run, char[] buf, CardHasher hasher, boolean anyGrouping, List<Span> out) {
        int before = out.size();
        // ranges of groups still to search, as a stack (no recursion: a line may hold thousands of cards)
        java.util.ArrayDeque<int[]> ranges = new java.util.ArrayDeque<>();
        ranges.push(new int[] {0, run.size - 1});
        while (!ranges.isEmpty()) {
            int[] r = ranges.pop();
            int[] best = bestCard(text, run, r[0], r[1], buf, anyGrouping);
            if (best == null) {
                continue;
            }
            int count = collect(text, run, best[0], best[1], buf);
            String hash = hasher == null ? null : hasher.hash(CharBuffer.wrap(buf, 0, count));
            out.add(new Span(run.start[best[0]], run.end[best[1]], mask(buf, 0, count), hash));
            ranges.push(new int[] {best[1] + 1, r[1]});
            ranges.push(new int[] {r[0], best[0] - 1});
        }
        if (out.size() - before > 1) {
            out.subList(before, out.size()).sort(java.util.Comparator.comparingInt(Span::start));
        }
    }

    /**
     * The best-written card among groups [lo, hi] (see {@link #shape}), leftmost and then longest
     * among equals, as {first group, last group}; null when there is none. Only cards that could
     * overlap the leftmost one are compared: one starting more than {@value #MAX_DIGITS} groups
     * after it cannot, and is found when the groups right of the choice are searched. So a run of
     * many cards costs time in proportion to its length. Choosing by how the number is written,
     * not only by position, keeps a date, a quantity or a reference joined to a card from taking
     * part of it: in {@code paid 2024-03-07 4556 7375 8689 9855} the leftmost Luhn-valid groups
     * ({@code 2024-03-07 4556 7375}) would otherwise win, leaving most of the real card in clear.
     */
    private static int[] bestCard(CharSequence text, Run run, int lo, int hi, char[] buf, boolean anyGrouping) {
        int bestFirst = -1;
        int bestLast = -1;
        int bestShape = -1;
        int window = hi;
        for (int g = lo; g <= Math.min(hi, window); g++) {
            // Every group holds a digit, so a card spans at most MAX_DIGITS groups.
            int maxLast = g;
            int digitsSoFar = run.length(g);
            while (maxLast + 1 <= hi && digitsSoFar <= MAX_DIGITS) {
                maxLast++;
                digitsSoFar += run.length(maxLast);
            }
            for (int last = maxLast; last >= g; last--) {
                if (!anyGrouping && !run.cardSpelling(g, last)) {
                    continue;
                }
                int count = collect(text, run, g, last, buf);
                if (count >= MIN_DIGITS_IN_TEXT && count <= MAX_DIGITS && luhn(buf, 0, count)) {
                    int shape = shape(run, g, last);
                    if (bestFirst < 0) {
                        window = g + MAX_DIGITS; // later starts cannot overlap this card
                    }
                    if (shape > bestShape) {
                        bestShape = shape;
                        bestFirst = g;
                        bestLast = last;
                    }
                }
            }
            if (bestShape == MAX_SHAPE) {
                break; // nothing further right is better written, and ties go to the left
            }
        }
        return bestFirst < 0 ? null : new int[] {bestFirst, bestLast};
    }

    /**
     * How much groups [first, last] look like one card as people write it, 0 to 4. A <em>segment</em>
     * is a stretch of the run whose gaps are all alike (same kind, single or not).
     * <ul>
     *   <li>4: written whole, or a whole segment with a card's layout (fours with a shorter last
     *       group, {@code 4556 7375 8689 9855}; four, six and four or five, {@code 3714 496353 98431});</li>
     *   <li>3: fours starting or ending where their segment does, beside other digits of it (a
     *       quantity before, a security code or expiry date after);</li>
     *   <li>2: a whole segment in another layout;</li>
     *   <li>1: gaps all alike;</li>
     *   <li>0: otherwise.</li>
     * </ul>
     * So digits joined before a card by the card's own gaps ({@code order 12 4556 7375 8689 9855})
     * give way to the card in fours, and a card in an unusual grouping ({@code 265—0100—121091—0219})
     * is taken whole rather than a part of it that happens to have a card's layout. A whole segment
     * whose first or last groups are fours ({@code 265 4556 7375 8689 9855}) reads as digits beside
     * a card; where both readings are fours, the leftmost is taken.
     */
    private static int shape(Run run, int first, int last) {
        if (first == last) {
            return MAX_SHAPE;
        }
        char kind = run.gapKind[first + 1];
        boolean single = run.singleGap[first + 1];
        for (int k = first + 2; k <= last; k++) {
            if (run.gapKind[k] != kind || run.singleGap[k] != single) {
                return 0;
            }
        }
        boolean endsSegment = last + 1 == run.size || run.gapKind[last + 1] != kind || run.singleGap[last + 1] != single;
        boolean startsSegment = first == 0 || run.gapKind[first] != kind || run.singleGap[first] != single;
        boolean fours = true;
        for (int k = first; k < last && fours; k++) {
            fours = run.length(k) == 4;
        }
        fours = fours && run.length(last) <= 4;
        boolean amex = last == first + 2 && run.length(first) == 4 && run.length(first + 1) == 6
                && (run.length(last) == 4 || run.length(last) == 5);
        if (startsSegment && endsSegment) {
            return fours || amex ? MAX_SHAPE : 2;
        }
        if (fours && (endsSegment || startsSegment)) {
            return 3;
        }
        return 1;
    }

    /** The best {@link #shape}: a card written whole, or a whole stretch of alike gaps in a card's layout. */
    private static final int MAX_SHAPE = 4;

    /** Copies the digits of groups [first, last] into buf; returns their count, or -1 when too many. */
    private static int collect(CharSequence text, Run run, int first, int last, char[] buf) {
        int count = 0;
        for (int k = first; k <= last; k++) {
            for (int p = run.start[k]; p < run.end[k]; p++) {
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
     * Whether the text has a run of at least {@value #MIN_DIGITS_IN_TEXT} digits with nothing but
     * {@linkplain #isSeparator separators} between them: {@link #find} finds cards only within such
     * runs, so text without one (a date, an amount, an already masked number) needs no search. One
     * pass, no allocation; it counts a run through any separators, more than a gap allows, which only
     * lets some text through to a search that finds nothing.
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
            } else if (run > 0 && !isSeparator(c)) {
                run = 0;
            }
        }
        return false;
    }

    /** A character that may stand between the digit groups of a card: white space or a mark (see {@link #find}). */
    static boolean isSeparator(char c) {
        return isSpace(c) || isMark(c);
    }

    /** A tab or a Unicode space separator (space, no-break space, thin and figure spaces, …); not a line break. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c >= 0x80 && Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isMark(char c) {
        return c == '-' || c == '.' || c == '_' || c == '/' || c >= '\u2010' && c <= '\u2015' || c == '\u2212';
    }

    /** The kind of a mark: every dash is {@code -}. */
    private static char mark(char c) {
        return c >= '\u2010' && c <= '\u2015' || c == '\u2212' ? '-' : c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
