package org.opencets.core.identifier;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers in free text: messages, notes, tips.
 *
 * <p>What it finds: e-mail addresses; URLs beginning {@code http://}, {@code https://},
 * {@code ftp://} or {@code www.} (trailing sentence punctuation and unbalanced closing brackets are
 * not part of the URL); IPv4 literals standing alone (not a part of a longer dotted number such as
 * {@code 1.2.3.4.5}; three-part versions like {@code 1.2.3} never match); IPv6 literals with at least
 * two non-zero-length groups; phone numbers as libphonenumber's {@code findNumbers} finds them with
 * the context's default region and {@link Leniency#VALID}; card numbers (13 to 19 digits, whole or
 * grouped: by single spaces or dashes, or in three or more groups of 3 to 6 digits by dots, white space,
 * underscores, slashes or dashes; see {@link CardNumbers#find}) that pass the Luhn check. Every candidate
 * must also normalise (see {@link Identifiers#normalise}); one that does not is skipped.
 *
 * <p>Overlaps. Matches never overlap. A card always wins, so a card number can never travel inside
 * an e-mail, URL or phone identifier; among the others the longer match wins (an e-mail over the
 * domain or {@code www.} URL inside it, a URL over the e-mail in its query or the IP that is its
 * host), the earlier on a tie.
 *
 * <p>Offsets are UTF-16 indices into the text given ({@link String#substring} indices). {@link Found#raw}
 * is the exact matched text, except for a card, where it is the masked display form.
 */
public final class TextExtractor {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}._%+\\-])[\\p{L}\\p{M}\\p{N}._%+\\-]++@(?:[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}\\-]*[\\p{L}\\p{M}\\p{N}])?\\.)+[\\p{L}\\p{M}\\p{N}\\-]{2,}");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'`]+");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{L}\\p{N}_]|[\\p{L}\\p{N}_]\\.)\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?![\\p{L}\\p{N}_]|\\.[\\p{L}\\p{N}_])");

    private TextExtractor() {
    }

    /** The identifiers in text, ordered by start offset, non-overlapping. */
    public static List<Found> extract(String text, IdentifierContext ctx) {
        Objects.requireNonNull(text, "text");
        return extract(text, ctx, Shape.of(text));
    }

    /** {@link #extract} with every pattern run whatever the text holds: the reference the shortcuts must equal. */
    static List<Found> extractWithoutShortcuts(String text, IdentifierContext ctx) {
        return extract(text, ctx, Shape.ANYTHING);
    }

    private static List<Found> extract(String text, IdentifierContext ctx, Shape shape) {
        Objects.requireNonNull(ctx, "ctx");
        List<Found> cards = new ArrayList<>();
        if (shape.digits >= CardNumbers.MIN_DIGITS_IN_TEXT) {
            for (CardNumbers.Span s : CardNumbers.find(text, ctx.cardHasher())) {
                cards.add(new Found(s.identifier(), s.start(), s.end(), s.masked()));
            }
        }
        List<Found> others = new ArrayList<>();
        // Cheap tests that rule a pattern out before running it: most chat lines hold no '@', no
        // "://" or "www.", fewer than three dots and fewer than three digits (a card needs thirteen), and then the regular
        // expressions and libphonenumber's scan (most of the cost of reading a chat log) are skipped.
        // Each test is implied by its pattern, so results are the same.
        if (shape.at) {
            emails(text, others);
        }
        if (shape.url) {
            urls(text, others);
        }
        if (shape.dots >= 3 && shape.digits >= 4) {
            ipv4(text, others);
        }
        if (shape.colons >= 2) {
            ipv6(text, others);
        }
        if (shape.digits >= MIN_PHONE_DIGITS) {
            phones(text, ctx, others);
        }

        others.sort(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed().thenComparingInt(Found::start));
        List<Found> accepted = new ArrayList<>(cards);
        for (Found f : others) {
            if (accepted.stream().noneMatch(a -> a.start() < f.end() && f.start() < a.end())) {
                accepted.add(f);
            }
        }
        accepted.sort(Comparator.comparingInt(Found::start));
        return List.copyOf(accepted);
    }

    /**
     * No valid phone number in libphonenumber's metadata has fewer national digits than this (the
     * shortest, in a few small territories, have four); a text with fewer digits holds none.
     */
    static final int MIN_PHONE_DIGITS = 3;

    /** Counts of the characters the patterns need, from one pass over the text. */
    private record Shape(boolean at, boolean url, int dots, int colons, int digits) {
        static final Shape ANYTHING = new Shape(true, true, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

        static Shape of(String text) {
            boolean at = false;
            boolean url = false;
            int dots = 0;
            int colons = 0;
            int digits = 0;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9' || c > 127 && Character.isDigit(c)) {
                    digits++;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isDigit(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    digits++; // counted to stay on the safe side, though libphonenumber (8.13) reads only BMP digits
                    i++;
                } else if (c == '.') {
                    dots++;
                    if (!url && i >= 3 && (text.charAt(i - 1) | 0x20) == 'w' && (text.charAt(i - 2) | 0x20) == 'w'
                            && (text.charAt(i - 3) | 0x20) == 'w') {
                        url = true;
                    }
                } else if (c == ':') {
                    colons++;
                    if (!url && i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                        url = true;
                    }
                } else if (c == '@') {
                    at = true;
                }
            }
            return new Shape(at, url, dots, colons, digits);
        }
    }

    /**
     * {@link #redactCards}, but taking digit groups of any size joined by any separators as one
     * number, as an e-mail's local part and an account's handle are masked when normalised: for the
     * spelling of such an identifier, which holds no dates or amounts to keep apart.
     */
    public static String redactCardsAnyGrouping(String text) {
        return text == null ? null : CardNumbers.redactAnyGrouping(text);
    }

    /**
     * The text with every Luhn-valid card number (as {@link #extract} finds them) replaced by its
     * masked display form; the same string when it holds none, and null for null (an optional
     * reason or title), so callers need no guard of their own.
     */
    public static String redactCards(String text) {
        return text == null ? null : CardNumbers.redact(text);
    }

    private static void emails(String text, List<Found> out) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            int start = m.start();
            while (start < m.end() && text.charAt(start) == '.') {
                start++;
            }
            add(out, IdentifierType.EMAIL, text, start, m.end());
        }
    }

    private static void urls(String text, List<Found> out) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start()) {
                char c = text.charAt(end - 1);
                if (".,;:!?*".indexOf(c) >= 0
                        || c == ')' && unbalanced(text, m.start(), end, '(', ')')
                        || c == ']' && unbalanced(text, m.start(), end, '[', ']')
                        || c == '}' && unbalanced(text, m.start(), end, '{', '}')) {
                    end--;
                } else {
                    break;
                }
            }
            add(out, IdentifierType.URL, text, m.start(), end);
        }
    }

    private static boolean unbalanced(String text, int from, int to, char open, char close) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
        }
        return depth < 0;
    }

    private static void ipv4(String text, List<Found> out) {
        Matcher m = IPV4.matcher(text);
        while (m.find()) {
            add(out, IdentifierType.IP, text, m.start(), m.end());
        }
    }

    /**
     * IPv6 candidates: maximal runs of hex digits, colons and dots holding at least two colons. A run
     * glued to a word before it ({@code ID:2001:db8::1}) starts after its first colon; a run glued to
     * a word after it is not an address. Sentence dots and a single trailing colon are trimmed.
     */
    private static void ipv6(String text, List<Found> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isIpv6Char(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int colons = 0;
            while (end < n && isIpv6Char(text.charAt(end))) {
                colons += text.charAt(end) == ':' ? 1 : 0;
                end++;
            }
            i = end;
            if (colons < 2 || end < n && isWordChar(text.charAt(end))) {
                continue;
            }
            if (start > 0 && isWordChar(text.charAt(start - 1)) || text.charAt(start) == '.') {
                start = text.indexOf(':', start) + 1;
                if (start < end && text.charAt(start) == ':') {
                    continue;
                }
            }
            while (end > start && text.charAt(end - 1) == '.') {
                end--;
            }
            if (end - start >= 2 && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
                end--;
            }
            int groups = 0;
            for (String g : text.substring(start, end).split(":")) {
                if (!g.isEmpty()) {
                    groups++;
                }
            }
            if (groups >= 2) {
                add(out, IdentifierType.IP, text, start, end);
            }
        }
    }

    private static boolean isIpv6Char(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static void phones(String text, IdentifierContext ctx, List<Found> out) {
        String region = PhoneNormaliser.region(ctx);
        for (PhoneNumberMatch pm : PhoneNormaliser.UTIL.findNumbers(text, region, Leniency.VALID, Long.MAX_VALUE)) {
            try {
                out.add(new Found(PhoneNormaliser.of(pm.number(), pm.rawString()), pm.start(), pm.end(), pm.rawString()));
            } catch (InvalidIdentifierException e) {
                // VALID leniency already requires a valid number; nothing else to do.
            }
        }
    }

    private static void add(List<Found> out, IdentifierType type, String text, int start, int end) {
        if (end <= start) {
            return;
        }
        String raw = text.substring(start, end);
        try {
            out.add(new Found(Identifiers.normalise(type, raw, null), start, end, raw));
        } catch (InvalidIdentifierException e) {
            // not a valid identifier of this type: not a match
        }
    }
}
