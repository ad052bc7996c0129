package org.opencets.core.identifier;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import org.apache.commons.validator.routines.DomainValidator;

/**
 * Domain names: lower case, IDNA ASCII form (punycode, RFC 3490 via {@link IDN#toASCII}), no trailing
 * dot, validated by commons-validator's {@link DomainValidator} with local names (localhost,
 * localdomain) off.
 *
 * <p>Beyond the IANA root zone list the validator carries, four special-use top-level names are
 * accepted: {@code onion} (RFC 7686, Tor services, common in this work) and {@code test},
 * {@code example}, {@code invalid} (RFC 2606 / 6761). The last three never name a real host; they are
 * accepted so that synthetic test data parses, and the bundled {@link Stoplist} keeps them from
 * correlating.
 */
final class DomainNames {
    static final DomainValidator VALIDATOR = DomainValidator.getInstance(false, List.of(
            new DomainValidator.Item(DomainValidator.ArrayType.GENERIC_PLUS, "onion", "test", "example", "invalid")));

    /** Canonical forms by raw input, for e-mail domains, which repeat (see {@link RecentResults}). */
    private static final RecentResults<String> RECENT = new RecentResults<>(10);

    private DomainNames() {
    }

    /**
     * {@link #canonical}, remembered by raw input: a domain accepted once is accepted again with the
     * same answer (which depends on nothing else); a rejected one is checked again and fails with the
     * same message.
     */
    static String canonicalRemembered(IdentifierType type, String raw, String what) {
        String known = RECENT.get(raw, null);
        if (known != null) {
            return known;
        }
        String ascii = canonical(type, raw, what);
        RECENT.put(raw, null, ascii);
        return ascii;
    }

    /** The canonical ASCII form, or throws with the reason. */
    static String canonical(IdentifierType type, String raw, String what) {
        String s = raw.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new InvalidIdentifierException(type, what + " is empty");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentifierException(type, what + " " + Quoted.of(s)
                    + " is not a valid internationalised name (IDNA: label too long, or characters not allowed)");
        }
        if (!VALIDATOR.isValid(ascii)) {
            throw new InvalidIdentifierException(type, what + " " + Quoted.of(s)
                    + " is not a valid domain name (labels of letters, digits and hyphens under a known top-level domain)");
        }
        return ascii;
    }

    static Identifier normalise(String raw) {
        String d = canonical(IdentifierType.DOMAIN, raw, "domain");
        return Identifier.of(IdentifierType.DOMAIN, d, true);
    }
}
