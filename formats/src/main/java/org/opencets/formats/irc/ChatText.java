package org.opencets.formats.irc;

import java.util.List;
import org.opencets.core.identifier.Found;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.core.record.Mention;

/**
 * The free text of a chat line, handed to core's {@link TextExtractor}: the mentions it holds and the
 * form of it that is safe to store. Shared by the IRC and WhatsApp readers.
 *
 * <p>Design note. Most chat lines hold no identifier at all, and {@link TextExtractor#extract} costs
 * several microseconds a line (four regular expressions and libphonenumber's matcher), far more than
 * parsing the line. {@link #mayHoldIdentifiers} is a cheap necessary condition drawn from what the
 * extractor looks for (docs/IDENTIFIERS.md, "Text extraction"): an e-mail needs {@code @}; a URL
 * needs {@code ://} or {@code www.}; an IPv6 literal needs two colons; an IPv4 literal needs four
 * decimal digits, a card number thirteen, and a phone number four: libphonenumber (8.13.50) holds no
 * valid number of fewer than four digits in any region, national or international, as a brute-force
 * check of every region over every string of one to three digits (and "+" with one to four) showed;
 * its matcher reads any Unicode decimal digit, hence {@link Character#isDigit}. Text with fewer than
 * four digits and none of the other marks is not searched (chat is full of "at 9" and "5 min"). A property test
 * ({@code ChatTextTest}) checks on random text that the extractor indeed finds nothing there, so a
 * change to the extractor that breaks the condition fails the build.
 */
public final class ChatText {
    /** The ASCII characters the search condition looks at: digits, '@', ':' and '.'. */
    private static final boolean[] MARKS = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            MARKS[c] = true;
        }
        MARKS['@'] = true;
        MARKS[':'] = true;
        MARKS['.'] = true;
    }

    private ChatText() {
    }

    /** False only when {@link TextExtractor#extract} surely finds nothing in the text. */
    public static boolean mayHoldIdentifiers(String text) {
        int n = text.length();
        int colons = 0;
        int digits = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (!MARKS[c]) {
                    continue;
                }
                if (c >= '0' && c <= '9' && ++digits == 4 || c == '@') {
                    return true;
                }
                if (c == ':' && (++colons == 2 || i + 1 < n && text.charAt(i + 1) == '/')) {
                    return true;
                }
                if ((c == '.') && i >= 3 && isW(text.charAt(i - 1)) && isW(text.charAt(i - 2)) && isW(text.charAt(i - 3))) {
                    return true;
                }
            } else if (Character.isDigit(c) && ++digits == 4) {
                return true;
            }
        }
        return false;
    }

    private static boolean isW(char c) {
        return c == 'w' || c == 'W';
    }

    /**
     * Adds the identifiers found in text to {@code out}, with role {@code text}, the given field, and
     * their offsets in the text.
     */
    public static void mentions(String text, String field, IdentifierContext context, List<Mention> out) {
        mentions(text, 0, field, context, out);
    }

    /**
     * As {@link #mentions(String, String, IdentifierContext, List)} for the text from index {@code from}
     * on (offsets stay those of the whole text).
     */
    public static void mentions(String text, int from, String field, IdentifierContext context, List<Mention> out) {
        if (from > 0) {
            text = text.substring(from);
        }
        if (!mayHoldIdentifiers(text)) {
            return;
        }
        int shift = from;
        int nl = text.indexOf('\n');
        if (nl < 0) {
            add(text, shift, field, context, out);
            return;
        }
        // A message of several lines is searched line by line, each only if it may hold an identifier:
        // no identifier the extractor finds spans a line break (e-mails, URLs, addresses and card numbers
        // cannot hold one; libphonenumber's matcher does not take it as punctuation), so this finds
        // exactly what searching the whole text finds (ChatTextTest checks it), with fewer searches.
        int start = 0;
        while (start <= text.length()) {
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            if (mayHoldIdentifiers(line)) {
                add(line, shift + start, field, context, out);
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
            nl = text.indexOf('\n', start);
        }
    }

    private static void add(String text, int shift, String field, IdentifierContext context, List<Mention> out) {
        for (Found f : TextExtractor.extract(text, context)) {
            out.add(new Mention(f.identifier(), "text", f.raw(), field, f.start() + shift, f.end() + shift));
        }
    }

    /**
     * The text with card numbers replaced by their masks; text with fewer than 12 digits is returned as
     * is (so is text for which {@link #mayHoldIdentifiers} is false).
     */
    public static String safe(String text) {
        return TextExtractor.redactCards(text);
    }
}
