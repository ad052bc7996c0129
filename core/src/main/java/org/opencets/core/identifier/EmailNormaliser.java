package org.opencets.core.identifier;

import java.util.Locale;
import org.apache.commons.validator.routines.DomainValidator;
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
 *
 * <p>Design note: a fast path for the common address. commons-validator's {@link EmailValidator}
 * (1.9) accepts {@code local@domain} when the whole does not end with a dot, matches
 * {@code ^(.+)@(\S+)$}, the local part is at most 64 characters of dot-separated words of characters
 * other than white space, controls and {@code ()<>@,;:'\".[]}, and the domain passes the
 * {@link DomainValidator} the validator was built with. When the local part is made only of
 * {@code a-z 0-9 _ + -} words joined by single dots and the domain is the name
 * {@link DomainNames#canonical} has just accepted with that same domain validator (letters, digits,
 * dots and hyphens, no trailing dot), every one of those conditions is known to hold, and the
 * validator's regular expressions are skipped. Any other address is checked by the validator.
 * Results are remembered by raw input ({@link RecentResults}). EmailFastPathTest checks over
 * generated addresses that both paths agree.
 */
final class EmailNormaliser {
    private static final EmailValidator VALIDATOR = new EmailValidator(false, false, DomainNames.VALIDATOR);

    /** RFC 5321's limit on a local part, which the validator applies. */
    private static final int MAX_LOCAL = 64;
    private static final RecentResults<Identifier> RECENT = new RecentResults<>(12);

    private EmailNormaliser() {
    }

    static Identifier normalise(String raw) {
        Identifier known = RECENT.get(raw, null);
        if (known != null) {
            return known;
        }
        Identifier id = normalise(raw, true);
        RECENT.put(raw, null, id);
        return id;
    }

    /** The reference path: every step by the libraries, nothing remembered. */
    static Identifier normaliseWithLibrary(String raw) {
        return normalise(raw, false);
    }

    private static Identifier normalise(String raw, boolean fast) {
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
        // A card number used as a local part never reaches the store: it is replaced by its mask, however
        // its digits are grouped (a local part holds no amounts or dates, and Gmail ignores its dots).
        String lowerLocal = s.substring(0, at).toLowerCase(Locale.ROOT);
        String local = fast && !RecentResults.mayHoldCard(lowerLocal) ? lowerLocal : CardNumbers.redactAnyGrouping(lowerLocal);
        String domainRaw = s.substring(at + 1);
        String domain;
        if (domainRaw.startsWith("[") && domainRaw.endsWith("]")) {
            domain = domainRaw.toLowerCase(Locale.ROOT); // address literal, e.g. [192.0.2.1]; the validator checks it
        } else {
            domain = fast ? DomainNames.canonicalRemembered(IdentifierType.EMAIL, domainRaw, "e-mail domain")
                    : DomainNames.canonical(IdentifierType.EMAIL, domainRaw, "e-mail domain");
        }
        String display = local + "@" + domain;
        if (!(fast && isPlainLocal(local) && isPlainDomain(domain)) && !VALIDATOR.isValid(display)) {
            throw new InvalidIdentifierException(IdentifierType.EMAIL, "e-mail address " + Quoted.of(s)
                    + " is not valid (RFC 5321 syntax: local part of at most 64 allowed characters, no leading, trailing or double dots)");
        }
        return new Identifier(IdentifierType.EMAIL, mailbox(local, domain), display, true);
    }

    /** Words of a-z 0-9 _ + - joined by single dots, at most 64 characters. */
    static boolean isPlainLocal(String local) {
        int n = local.length();
        if (n == 0 || n > MAX_LOCAL || local.charAt(0) == '.' || local.charAt(n - 1) == '.') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = local.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '+' || c == '-';
            if (!word && !(c == '.' && previous != '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Letters, digits, dots and hyphens, not ending with a dot (the domain was validated before). */
    private static boolean isPlainDomain(String domain) {
        int n = domain.length();
        if (n == 0 || domain.charAt(n - 1) == '.') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
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
                local = CardNumbers.redactAnyGrouping(noDots); // digits the dots kept apart may now be a card
            }
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
