package org.opencets.core.identifier;

import java.util.Locale;

/** The kinds of identifier OpenCETS normalises and correlates. */
public enum IdentifierType {
    EMAIL, PHONE, CARD, IP, ACCOUNT, URL, DOMAIN, DEVICE, FILE_HASH, PDQ;

    /** The lower-case name used in files, on the command line and in the database, e.g. {@code file_hash}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a code such as {@code email} or {@code file-hash}; the error lists the accepted codes. */
    public static IdentifierType fromCode(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (IdentifierType t : values()) {
            if (t.name().equals(c)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown identifier type '" + code + "'; expected one of "
                + java.util.Arrays.stream(values()).map(IdentifierType::code).toList());
    }
}
