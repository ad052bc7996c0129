package org.opencets.formats.jsonstream;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The first bytes of a file as text, for format detection only: decoded by the same byte-order-mark
 * and NUL rules as {@link JsonExport} (malformed bytes replaced, a character cut at the end dropped),
 * with questions a sniffer asks of JSON.
 */
public final class HeadText {
    private final String text;

    private HeadText(String text) {
        this.text = text;
    }

    public static HeadText of(byte[] head) {
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (b0 == 0xFF && b1 == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b0 == 0xEF && b1 == 0xBB && head.length > 2 && (head[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (b0 == 0) {
            cs = StandardCharsets.UTF_16BE;
        } else if (b1 == 0) {
            cs = StandardCharsets.UTF_16LE;
        }
        return new HeadText(new String(head, skip, head.length - skip, cs));
    }

    public String text() {
        return text;
    }

    /** Whether the text, past white space, starts with this character. */
    public boolean startsWith(char c) {
        for (int i = 0; i < text.length(); i++) {
            char x = text.charAt(i);
            if (!Character.isWhitespace(x)) {
                return x == c;
            }
        }
        return false;
    }

    /** Whether a JSON member of this name appears: {@code "name"} followed by a colon. */
    public boolean hasMember(String name) {
        return Pattern.compile("(?<!\\\\)\"" + Pattern.quote(name) + "\"\\s*:").matcher(text).find();
    }

    /** Whether a member of this name has this string value somewhere: {@code "name": "value"}. */
    public boolean hasMember(String name, String value) {
        return Pattern.compile("(?<!\\\\)\"" + Pattern.quote(name) + "\"\\s*:\\s*\"" + Pattern.quote(value) + "\"")
                .matcher(text).find();
    }

    /** Whether the text contains this string. */
    public boolean contains(String s) {
        return text.contains(s);
    }
}
