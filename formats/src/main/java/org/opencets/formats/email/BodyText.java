package org.opencets.formats.email;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Text of a MIME part from its bytes and its declared charset.
 *
 * <p>Design note. Mail is often mislabelled: a Windows client sends Windows-1252 bytes under
 * {@code charset=us-ascii} or {@code iso-8859-1}, or declares no charset at all (which RFC 2045 makes
 * US-ASCII). Rejecting such a message would drop its evidence for a labelling slip, and replacing
 * the bad bytes silently would hide the slip. So: the bytes are decoded strictly in the declared
 * charset (or, when the part declares none, in the charset the user named with {@code --encoding},
 * else US-ASCII); if that fails, strictly as UTF-8; if that fails too, as Windows-1252, the
 * WHATWG-sanctioned reading of "Latin-1" mail, in which only five byte values have no character
 * (these become U+FFFD). Every fallback is reported: the {@link #problem} names the declared charset,
 * the offset of the first byte that is not valid in it and how many bytes are not, and what was used
 * instead. The identifiers extraction looks for (addresses, URLs, numbers) are ASCII, so the choice
 * of fallback cannot change what is found.
 *
 * @param text    the decoded text
 * @param problem null when the declared charset decoded every byte; else what happened
 */
record BodyText(String text, String problem) {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * @param declared    the part's {@code charset} parameter, or null when it has none
     * @param userDefault the charset the user named for the file, or null
     */
    static BodyText decode(byte[] bytes, int length, String declared, Charset userDefault) {
        Charset cs;
        String unknown = null;
        if (declared == null || declared.isBlank()) {
            cs = userDefault != null ? userDefault : StandardCharsets.US_ASCII;
        } else {
            cs = charset(declared.strip());
            if (cs == null) {
                unknown = declared.strip();
            }
        }
        if (cs != null) {
            String s = strict(cs, bytes, length);
            if (s != null) {
                return new BodyText(s, null);
            }
        }
        String what = unknown != null ? "the charset '" + unknown + "' is unknown"
                : describeBadBytes(cs, bytes, length);
        if (!StandardCharsets.UTF_8.equals(cs)) {
            String utf8 = strict(StandardCharsets.UTF_8, bytes, length);
            if (utf8 != null) {
                return new BodyText(utf8, what + "; read as UTF-8, which decodes every byte");
            }
        }
        String latin = new String(bytes, 0, length, WINDOWS_1252);
        int undefined = 0;
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                undefined++;
            }
        }
        return new BodyText(latin, what + "; read as windows-1252"
                + (undefined > 0 ? " (" + undefined + " bytes undefined there became U+FFFD)" : ""));
    }

    /** A charset by its MIME name, or null when Java does not know it. */
    static Charset charset(String name) {
        String n = name;
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1);
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String strict(Charset cs, byte[] bytes, int length) {
        try {
            return newDecoder(cs).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static CharsetDecoder newDecoder(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** "bytes are not valid X (first at offset N of the decoded part, M bytes in all)". */
    private static String describeBadBytes(Charset cs, byte[] bytes, int length) {
        CharsetDecoder d = newDecoder(cs);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(8192);
        long first = -1;
        long bad = 0;
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                if (first < 0) {
                    first = in.position();
                }
                bad += r.length();
                in.position(in.position() + r.length());
            } else if (r.isOverflow()) {
                out.clear();
            } else {
                break;
            }
        }
        return "bytes not valid " + cs.name() + " (the first at byte " + first + " of the decoded part, " + bad
                + " in all)";
    }
}
