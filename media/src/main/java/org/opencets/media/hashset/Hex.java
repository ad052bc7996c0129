package org.opencets.media.hashset;

import java.util.Locale;

/** Hex-digest checks shared by the readers. */
final class Hex {
    private Hex() {
    }

    static boolean isHex(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case hex of the given length, or null when blank; throws with a reason when malformed. */
    static String digest(String s, int length, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (!isHex(t, length)) {
            throw new IllegalArgumentException(name + " '" + shorten(t) + "' is not " + length + " hex digits");
        }
        return t.toLowerCase(Locale.ROOT);
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
