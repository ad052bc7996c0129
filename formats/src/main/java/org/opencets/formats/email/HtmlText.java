package org.opencets.formats.email;

import java.util.Locale;
import java.util.Map;

/**
 * The readable text of an HTML body, crudely: enough for identifier extraction, not a renderer.
 *
 * <p>Design note. Only the text is wanted, to find addresses, phones and links in it, so a single
 * linear pass suffices: tags become a space; the contents of {@code script}, {@code style} and
 * comments are dropped; the values of {@code href} and {@code src} attributes are kept (a
 * {@code mailto:} link or a URL may appear nowhere else); the five XML entities, {@code &nbsp;} and
 * numeric references are decoded, other named entities are left as written. Malformed markup cannot
 * make it fail: an unclosed tag ends the text. It never backtracks, so a hostile body costs linear
 * time.
 */
final class HtmlText {
    private static final Map<String, String> ENTITIES = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

    private HtmlText() {
    }

    static String strip(String html) {
        StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 20));
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                if (html.startsWith("<!--", i)) {
                    int end = html.indexOf("-->", i + 4);
                    i = end < 0 ? n : end + 3;
                    continue;
                }
                int end = html.indexOf('>', i + 1);
                if (end < 0) {
                    break;
                }
                String tag = html.substring(i + 1, end);
                String name = tagName(tag);
                attribute(tag, "href", out);
                attribute(tag, "src", out);
                out.append(' ');
                i = end + 1;
                if (!tag.startsWith("/") && (name.equals("script") || name.equals("style"))) {
                    int close = indexOfIgnoreCase(html, "</" + name, i);
                    i = close < 0 ? n : close;
                }
            } else if (c == '&') {
                int semi = -1;
                for (int j = i + 1; j < Math.min(n, i + 11); j++) {
                    if (html.charAt(j) == ';') {
                        semi = j;
                        break;
                    }
                }
                if (semi > i + 1) {
                    String decoded = entity(html.substring(i + 1, semi));
                    if (decoded != null) {
                        out.append(decoded);
                        i = semi + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String tagName(String tag) {
        int s = tag.startsWith("/") ? 1 : 0;
        int e = s;
        while (e < tag.length() && Character.isLetterOrDigit(tag.charAt(e))) {
            e++;
        }
        return tag.substring(s, e).toLowerCase(Locale.ROOT);
    }

    /** Appends the value of name="…" (or '…', or unquoted) in the tag, if present. */
    private static void attribute(String tag, String name, StringBuilder out) {
        int at = indexOfIgnoreCase(tag, name, 0);
        while (at >= 0) {
            boolean boundary = at == 0 || Character.isWhitespace(tag.charAt(at - 1));
            int j = at + name.length();
            while (j < tag.length() && Character.isWhitespace(tag.charAt(j))) {
                j++;
            }
            if (boundary && j < tag.length() && tag.charAt(j) == '=') {
                j++;
                while (j < tag.length() && Character.isWhitespace(tag.charAt(j))) {
                    j++;
                }
                if (j >= tag.length()) {
                    return;
                }
                char q = tag.charAt(j);
                int end;
                if (q == '"' || q == '\'') {
                    end = tag.indexOf(q, j + 1);
                    j++;
                } else {
                    end = j;
                    while (end < tag.length() && !Character.isWhitespace(tag.charAt(end))) {
                        end++;
                    }
                }
                if (end < 0) {
                    end = tag.length();
                }
                out.append(' ').append(strip(tag.substring(j, end))).append(' ');
                return;
            }
            at = indexOfIgnoreCase(tag, name, at + 1);
        }
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ENTITIES.get(name.toLowerCase(Locale.ROOT));
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        int last = s.length() - what.length();
        for (int i = Math.max(0, from); i <= last; i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }
}
