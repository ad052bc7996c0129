package org.opencets.core.identifier;

import java.util.Locale;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * E-mail addresses.
 *
 * <p>Rules: the input is stripped of white space, of a leading {@code mailto:} and of enclosing angle
 * brackets; the domain is case-folded and converted to its IDNA ASCII form (see {@link DomainNames});
 * the local part is case-folded with {@link Locale#ROOT}; the result must pass commons-validator's
 * {@link EmailValidator}.
 *
 * <ul>
 *   <li>{@code display}: the address as written, lower-cased, punycode domain.</li>
 *   <li>{@code value}, the mailbox used for correlation: the display form, with a {@code +tag}
 *       sub-address removed from an unquoted local part (RFC 5233 sub-addressing, which Gmail,
 *       Outlook.com, Fastmail, Proton and most hosts honour), and for {@code gmail.com} and
 *       {@code googlemail.com} every dot of the local part removed and the domain written
 *       {@code gmail.com} (Google delivers all those spellings to one mailbox).</li>
 * </ul>
 *
 * <p>A local part holding a card number (13-19 digits passing the Luhn check) has the number
 * replaced by its masked form ({@code 41111111…1111}), as everywhere a card number could reach the
 * store.
 *
 * <p>Case-folding the local part is strictly wrong by RFC 5321 but right in practice: no large
 * provider distinguishes case, and offenders vary case to dodge exact matching.
 */
final class EmailNormaliser {
    private static final EmailValidator VALIDATOR = new EmailValidator(false, false, DomainNames.VALIDATOR);

    private EmailNormaliser() {
    }

    static Identifier normalise(String raw) {
        String s = raw.strip();
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7).strip();
        }
        if (s.length() >= 2 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>') {
            s = s.substring(1, s.length() - 1).strip();
        }
        int at = s.lastIndexOf('@');
        if (at < 0) {
            throw new InvalidIdentifierException(IdentifierType.EMAIL, "e-mail address " + Quoted.of(s) + " has no '@'");
        }
        if (at == 0) {
            throw new InvalidIdentifierException(IdentifierType.EMAIL, "e-mail address " + Quoted.of(s) + " has nothing before '@'");
        }
        // A card number used as a local part never reaches the store: it is replaced by its mask.
        String local = CardNumbers.redact(s.substring(0, at).toLowerCase(Locale.ROOT));
        String domainRaw = s.substring(at + 1);
        String domain;
        if (domainRaw.startsWith("[") && domainRaw.endsWith("]")) {
            domain = domainRaw.toLowerCase(Locale.ROOT); // address literal, e.g. [192.0.2.1]; the validator checks it
        } else {
            domain = DomainNames.canonical(IdentifierType.EMAIL, domainRaw, "e-mail domain");
        }
        String display = local + "@" + domain;
        if (!VALIDATOR.isValid(display)) {
            throw new InvalidIdentifierException(IdentifierType.EMAIL, "e-mail address " + Quoted.of(s)
                    + " is not valid (RFC 5321 syntax: local part of at most 64 allowed characters, no leading, trailing or double dots)");
        }
        return new Identifier(IdentifierType.EMAIL, mailbox(local, domain), display, true);
    }

    /** The canonical mailbox: sub-address removed, Gmail dots removed. */
    private static String mailbox(String local, String domain) {
        if (local.startsWith("\"")) {
            return local + "@" + domain;
        }
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            String noDots = local.replace(".", "");
            if (!noDots.isEmpty()) {
                local = noDots;
            }
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
