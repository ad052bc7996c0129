package org.opencets.media.match;

import java.util.Locale;

/** How a file matched a known entry. */
public enum MatchKind {
    MD5, SHA1, SHA256, PDQ;

    /** The lower-case name printed in match files: {@code md5}, {@code sha1}, {@code sha256}, {@code pdq}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the cryptographic (same file) kinds. */
    public boolean exact() {
        return this != PDQ;
    }
}
