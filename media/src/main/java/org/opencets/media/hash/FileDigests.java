package org.opencets.media.hash;

import java.util.Objects;

/**
 * The cryptographic hashes of one file, lower-case hex.
 *
 * @param md5    32 hex digits
 * @param sha1   40 hex digits
 * @param sha256 64 hex digits
 */
public record FileDigests(String md5, String sha1, String sha256) {
    public FileDigests {
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(sha1, "sha1");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The digests of a byte range. */
    public static FileDigests of(byte[] data, int offset, int length) {
        TripleDigest d = new TripleDigest();
        d.update(data, offset, length);
        return d.finish();
    }

    /** The digests of a whole array. */
    public static FileDigests of(byte[] data) {
        return of(data, 0, data.length);
    }
}
