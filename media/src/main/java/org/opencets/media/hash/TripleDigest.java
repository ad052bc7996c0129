package org.opencets.media.hash;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * MD5, SHA-1 and SHA-256 fed from the same buffer, so a file is read once for all three. Not
 * thread-safe; {@link #finish()} resets it for the next file.
 */
public final class TripleDigest {
    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha1 = digest("SHA-1");
    private final MessageDigest sha256 = digest("SHA-256");

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks " + algorithm + ", which every Java SE platform must provide", e);
        }
    }

    /** Adds bytes to all three digests. */
    public void update(byte[] data, int offset, int length) {
        md5.update(data, offset, length);
        sha1.update(data, offset, length);
        sha256.update(data, offset, length);
    }

    /** Reads a stream to its end into the digests; returns the number of bytes read. */
    public long update(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            update(buffer, 0, n);
            total += n;
        }
        return total;
    }

    /** The three digests of everything added since the last finish. */
    public FileDigests finish() {
        HexFormat hex = HexFormat.of();
        return new FileDigests(hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()), hex.formatHex(sha256.digest()));
    }
}
