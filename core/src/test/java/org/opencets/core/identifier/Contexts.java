package org.opencets.core.identifier;

import java.util.Arrays;

/** Contexts for tests: a fixed card key, so hashes are reproducible within a run. */
final class Contexts {
    static final byte[] KEY = key(7);
    static final CardHasher HASHER = new CardHasher(KEY);
    static final IdentifierContext GB = new IdentifierContext("GB", HASHER);
    static final IdentifierContext US = new IdentifierContext("US", HASHER);
    static final IdentifierContext NO_REGION = new IdentifierContext(null, HASHER);

    private Contexts() {
    }

    static byte[] key(int fill) {
        byte[] k = new byte[CardHasher.KEY_BYTES];
        Arrays.fill(k, (byte) fill);
        return k;
    }
}
