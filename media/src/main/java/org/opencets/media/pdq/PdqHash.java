package org.opencets.media.pdq;

import java.util.HexFormat;

/**
 * A 256-bit PDQ hash.
 *
 * <p>Bit {@code k} (0..255) is the sign of DCT coefficient {@code (k / 16, k % 16)} (row = vertical
 * frequency, column = horizontal frequency) against the median. The text form is the 256-bit number
 * whose bit {@code k} has weight 2<sup>k</sup>, in 64 lower-case hex digits, most significant first
 * — the order in which the reference implementations print their sixteen 16-bit words, word 15
 * first. {@code w3} holds bits 192..255 (the first 16 hex digits), {@code w0} bits 0..63.
 */
public record PdqHash(long w0, long w1, long w2, long w3) implements Comparable<PdqHash> {

    /** The number of bits in a PDQ hash. */
    public static final int BITS = 256;

    /** Parses 64 hex digits (either case); the message says what is wrong. */
    public static PdqHash fromHex(String hex) {
        String h = hex.strip();
        if (h.length() != 64) {
            throw new IllegalArgumentException("a PDQ hash has 64 hex digits, got " + h.length());
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(h.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("a PDQ hash has only hex digits; character " + (i + 1)
                        + " is not one");
            }
        }
        return new PdqHash(
                Long.parseUnsignedLong(h, 48, 64, 16),
                Long.parseUnsignedLong(h, 32, 48, 16),
                Long.parseUnsignedLong(h, 16, 32, 16),
                Long.parseUnsignedLong(h, 0, 16, 16));
    }

    /** True if {@code s} is 64 hex digits. */
    public static boolean isHex(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A hash from its four 64-bit words, {@code words[0]} holding bits 0..63. */
    public static PdqHash ofWords(long[] words) {
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    /** The 64 lower-case hex digits, as the reference prints them. */
    public String toHex() {
        HexFormat f = HexFormat.of();
        return f.toHexDigits(w3) + f.toHexDigits(w2) + f.toHexDigits(w1) + f.toHexDigits(w0);
    }

    /** Bit {@code k}, 0..255. */
    public boolean bit(int k) {
        return ((word(k >>> 6) >>> (k & 63)) & 1L) != 0;
    }

    /** Word {@code i} (0..3); word 0 holds bits 0..63. */
    public long word(int i) {
        return switch (i) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException("a PDQ hash has words 0..3, not " + i);
        };
    }

    /** The four words, word 0 first. */
    public long[] words() {
        return new long[] {w0, w1, w2, w3};
    }

    /** The Hamming distance: the number of bits in which the two hashes differ. */
    public int distance(PdqHash o) {
        return Long.bitCount(w0 ^ o.w0) + Long.bitCount(w1 ^ o.w1)
                + Long.bitCount(w2 ^ o.w2) + Long.bitCount(w3 ^ o.w3);
    }

    /** The number of set bits. */
    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    @Override
    public int compareTo(PdqHash o) {
        int c = Long.compareUnsigned(w3, o.w3);
        if (c == 0) {
            c = Long.compareUnsigned(w2, o.w2);
        }
        if (c == 0) {
            c = Long.compareUnsigned(w1, o.w1);
        }
        if (c == 0) {
            c = Long.compareUnsigned(w0, o.w0);
        }
        return c;
    }

    @Override
    public String toString() {
        return toHex();
    }
}
