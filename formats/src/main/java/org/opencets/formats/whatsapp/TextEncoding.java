package org.opencets.formats.whatsapp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of an export that names none: a byte-order mark, else UTF-16 recognised by its zero
 * bytes, else UTF-8.
 *
 * <p>Design note. Some phones write the export as UTF-16 without a byte-order mark. Text of the
 * export always holds many ASCII characters (every line starts with a date and time), and in UTF-16
 * each ASCII character is one zero byte and one non-zero byte: zero bytes at odd offsets mean
 * little-endian, at even offsets big-endian. UTF-8 text has no zero bytes at all (U+0000 is not
 * text). The rule: in the first 4 KiB, at least a fifth of the code units have a zero byte on one
 * side, and the other side has at most a tenth as many.
 */
final class TextEncoding {
    private TextEncoding() {
    }

    /** UTF-16LE or UTF-16BE for a head with a byte-order mark or the zero-byte pattern, else null (UTF-8). */
    static Charset detect(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int n = Math.min(head.length, 4096) & ~1;
        if (n < 8) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (head[i] == 0) {
                evenZeros++;
            }
            if (head[i + 1] == 0) {
                oddZeros++;
            }
        }
        int units = n / 2;
        if (oddZeros * 5 >= units && evenZeros * 10 <= oddZeros) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 5 >= units && oddZeros * 10 <= evenZeros) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The head as text for sniffing (lenient: a cut character at the end does not matter). */
    static String decodeHead(byte[] head) {
        Charset cs = detect(head);
        int skip = 0;
        if (cs == null) {
            cs = StandardCharsets.UTF_8;
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                skip = 3;
            }
        } else if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            skip = 2;
        }
        return new String(head, skip, head.length - skip, cs);
    }
}
