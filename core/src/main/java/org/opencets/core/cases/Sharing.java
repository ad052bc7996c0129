package org.opencets.core.cases;

import java.util.Locale;

/** Who may read a case beyond its own agency. */
public enum Sharing {
    /** Only the owning agency; others learn of it only as a pointer (agency, case number, lead contact). */
    AGENCY,
    /** Every agency on the network. */
    NETWORK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sharing fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown sharing level '" + code + "'; expected agency or network");
        }
    }
}
