package org.opencets.core.identifier;

import java.util.Locale;

/**
 * Cryptographic file hashes and PDQ perceptual hashes, as lower-case hex.
 *
 * <p>File hash: an optional algorithm prefix ({@code md5:}, {@code sha1:} or {@code sha-1:},
 * {@code sha256:} or {@code sha-256:}, any case), then hex whose length gives the algorithm: 32 MD5,
 * 40 SHA-1, 64 SHA-256 (a prefix must agree with the length). {@code value = md5:<hex>},
 * {@code sha1:<hex>} or {@code sha256:<hex>}.
 *
 * <p>PDQ: an optional {@code pdq:} prefix, then 64 hex digits (256 bits); {@code value} is the hex.
 */
final class HashNormaliser {
    private HashNormaliser() {
    }

    static Identifier fileHash(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        String algorithm = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            algorithm = switch (s.substring(0, colon)) {
                case "md5" -> "md5";
                case "sha1", "sha-1" -> "sha1";
                case "sha256", "sha-256" -> "sha256";
                default -> throw new InvalidIdentifierException(IdentifierType.FILE_HASH, "unknown hash algorithm "
                        + Quoted.of(s.substring(0, colon)) + "; expected md5, sha1 or sha256");
            };
            s = s.substring(colon + 1).strip();
        }
        checkHex(IdentifierType.FILE_HASH, s, "file hash");
        String byLength = switch (s.length()) {
            case 32 -> "md5";
            case 40 -> "sha1";
            case 64 -> "sha256";
            default -> throw new InvalidIdentifierException(IdentifierType.FILE_HASH, "file hash has " + s.length()
                    + " hex digits; expected 32 (MD5), 40 (SHA-1) or 64 (SHA-256)");
        };
        if (algorithm != null && !algorithm.equals(byLength)) {
            throw new InvalidIdentifierException(IdentifierType.FILE_HASH, algorithm + " hash must have "
                    + switch (algorithm) { case "md5" -> 32; case "sha1" -> 40; default -> 64; } + " hex digits, found " + s.length());
        }
        return Identifier.of(IdentifierType.FILE_HASH, byLength + ":" + s, true);
    }

    static Identifier pdq(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("pdq:")) {
            s = s.substring(4).strip();
        }
        checkHex(IdentifierType.PDQ, s, "PDQ hash");
        if (s.length() != 64) {
            throw new InvalidIdentifierException(IdentifierType.PDQ, "PDQ hash has " + s.length() + " hex digits; expected 64");
        }
        return Identifier.of(IdentifierType.PDQ, s, true);
    }

    static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static void checkHex(IdentifierType type, String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new InvalidIdentifierException(type, what + " may contain only hex digits 0-9 and a-f; found '"
                        + (Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("U+%04X", (int) c) : String.valueOf(c))
                        + "' at position " + (i + 1));
            }
        }
        if (s.isEmpty()) {
            throw new InvalidIdentifierException(type, what + " is empty");
        }
    }
}
