package org.opencets.media.pdq;

/**
 * A PDQ hash with its quality.
 *
 * @param hash    the 256-bit hash
 * @param quality 0..100: how much gradient the 64&times;64 image has; hashes under
 *                {@link #MIN_MATCH_QUALITY} are too weak to match on
 */
public record PdqResult(PdqHash hash, int quality) {
    /** Hashes of lower quality never match (Meta's convention). */
    public static final int MIN_MATCH_QUALITY = 50;

    /** True if the hash is strong enough to be matched. */
    public boolean matchable() {
        return quality >= MIN_MATCH_QUALITY;
    }
}
