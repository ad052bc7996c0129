package org.opencets.core.identifier;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a card number into its keyed hash: HMAC-SHA-256 under the deployment's key, as lower-case
 * hex. Two deployments with different keys produce unrelated hashes for the same card; one key is
 * shared by every agency on one server so that their cards correlate.
 *
 * <p>The number is passed in as a {@code char[]} of digits and never kept.
 */
public final class CardHasher {
    /** Length of a deployment key in bytes. */
    public static final int KEY_BYTES = 32;

    private final SecretKeySpec key;
    /** One initialised MAC per thread: getting and keying a Mac costs more than hashing a card. */
    private final ThreadLocal<Mac> macs;

    public CardHasher(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("card key too short: " + key.length + " bytes, need at least 16");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JDK", e);
        }
    }

    /** A fresh random key, for {@code cets init} and tests. */
    public static byte[] newKey() {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** The keyed hash of the given digits (no spaces or dashes). */
    public String hash(CharSequence digits) {
        Mac mac = macs.get();
        byte[] in = new byte[digits.length()];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) digits.charAt(i);
        }
        byte[] out = mac.doFinal(in); // doFinal leaves the Mac reset, keyed, ready for the next card
        java.util.Arrays.fill(in, (byte) 0);
        return HexFormat.of().formatHex(out);
    }
}
