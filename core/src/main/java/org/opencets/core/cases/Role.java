package org.opencets.core.cases;

import java.util.Locale;

/** What a user may do beyond reading the cases they are entitled to. */
public enum Role {
    /** Manages agencies, users and cases; imports into any case. Reads case content only by the need-to-know rules. */
    ADMIN,
    /** Creates cases for their agency and imports into them. */
    INVESTIGATOR,
    /** Reads and searches what their agency is entitled to; cannot import. */
    ANALYST,
    /**
     * Oversight: reads the whole audit log, every agency's entries in full (an administrator reads
     * other agencies' entries only as who-did-what-when, without targets or reasons). Cases are
     * read as by any user of their agency; the role adds no case access.
     */
    AUDITOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + code + "'; expected admin, investigator, analyst or auditor");
        }
    }
}
