package org.opencets.core.identifier;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Normalises values of every identifier type: the one entry point readers, the command line and the
 * store use. The rules of each type are in docs/IDENTIFIERS.md and in the Javadoc of the
 * package-private normaliser it delegates to.
 *
 * <p>Every rejection is an {@link InvalidIdentifierException} whose message says what is wrong and,
 * where the value is quoted, has any run of twelve or more digits replaced by its length, so that no
 * message can carry a card number, whatever type the number was offered as.
 */
public final class Identifiers {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*://.*", Pattern.DOTALL);
    private static final Pattern HASH_PREFIX = Pattern.compile("(?i)(md5|sha-?1|sha-?256):.*", Pattern.DOTALL);
    private static final Pattern CARD_LIKE = Pattern.compile("\\d(?:[ -]?\\d){12,18}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-.()/]");
    private static final Pattern HEX_HASH = Pattern.compile("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}");
    private static final Pattern DOTTED_NAME = Pattern.compile("[^\\s@/:]+\\.[^\\s@/:]+");

    private Identifiers() {
    }

    /**
     * Normalises raw as the given type.
     *
     * @throws InvalidIdentifierException with a clear reason (never containing a card number)
     */
    public static Identifier normalise(IdentifierType type, String raw, IdentifierContext ctx) {
        Objects.requireNonNull(type, "type");
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentifierException(type, type.code() + " value is empty");
        }
        return switch (type) {
            case EMAIL -> EmailNormaliser.normalise(raw);
            case PHONE -> PhoneNormaliser.normalise(raw, Objects.requireNonNull(ctx, "ctx"));
            case CARD -> CardNumbers.normalise(raw, Objects.requireNonNull(ctx, "ctx").cardHasher());
            case IP -> IpAddresses.normalise(raw);
            case ACCOUNT -> AccountNormaliser.normalise(raw);
            case URL -> UrlNormaliser.normalise(raw);
            case DOMAIN -> DomainNames.normalise(raw);
            case DEVICE -> DeviceNormaliser.normalise(raw);
            case FILE_HASH -> HashNormaliser.fileHash(raw);
            case PDQ -> HashNormaliser.pdq(raw);
        };
    }

    /**
     * Guesses the type of a value typed by a user (for {@code cets lookup VALUE}), then normalises it.
     * The first rule that matches decides the type, and the value must then normalise as that type:
     *
     * <ol>
     *   <li>a type's code and a colon, as records, links and look-ups print identifiers
     *       ({@code email:…}, {@code phone:…}, {@code account:irc:…}, {@code file_hash:md5:…}; any case,
     *       {@code -} for {@code _}): that type, the rest normalised as it;</li>
     *   <li>{@code md5:}, {@code sha1:}, {@code sha256:} prefix: file hash; {@code pdq:}: PDQ hash;</li>
     *   <li>{@code mailto:} prefix: e-mail;</li>
     *   <li>an IPv4 or IPv6 literal: IP;</li>
     *   <li>{@code platform:handle} with a platform the account table knows ({@code twitter:@name}):
     *       account;</li>
     *   <li>{@code scheme://…}: URL (only http, https and ftp are accepted);</li>
     *   <li>contains {@code @}: e-mail;</li>
     *   <li>starts with {@code www.}: URL;</li>
     *   <li>13 to 19 digits, spaces and dashes allowed between them, passing the Luhn check: card;</li>
     *   <li>starts with {@code +}, or 7 to 15 digits once spaces, dashes, dots, slashes and parentheses
     *       are removed: phone (national numbers in the context's default region);</li>
     *   <li>32, 40 or 64 hex digits: file hash (a 64-digit value is SHA-256, never PDQ, which must be
     *       written {@code pdq:…});</li>
     *   <li>a dotted name: domain.</li>
     * </ol>
     *
     * @throws InvalidIdentifierException when no rule matches, or the value fails its type's rules
     */
    public static Identifier detectAndNormalise(String raw, IdentifierContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentifierException(null, "nothing to look up: the value is empty");
        }
        String s = raw.strip();
        int colon = s.indexOf(':');
        IdentifierType named = colon > 0 ? typeNamed(s.substring(0, colon)) : null;
        if (named != null) {
            return normalise(named, s.substring(colon + 1), ctx);
        }
        return normalise(detect(raw), raw, ctx);
    }

    /**
     * The type whose code this is ({@code email}, {@code file_hash} or {@code file-hash}, any case),
     * or null. No code is a hex word or a URL scheme the normalisers take, so an IPv6 address or a
     * URL is never read as a named type.
     */
    private static IdentifierType typeNamed(String code) {
        for (IdentifierType t : IdentifierType.values()) {
            if (t.code().equalsIgnoreCase(code) || t.code().replace('_', '-').equalsIgnoreCase(code)) {
                return t;
            }
        }
        return null;
    }

    /** The type {@link #detectAndNormalise} would use, by the rules listed there. */
    static IdentifierType detect(String raw) {
        String s = raw.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (HASH_PREFIX.matcher(s).matches()) {
            return IdentifierType.FILE_HASH;
        }
        if (lower.startsWith("pdq:")) {
            return IdentifierType.PDQ;
        }
        if (lower.startsWith("mailto:")) {
            return IdentifierType.EMAIL;
        }
        if (isIpLiteral(s)) {
            return IdentifierType.IP;
        }
        int colon = s.indexOf(':');
        if (colon > 0 && !SCHEME.matcher(s).matches() && AccountNormaliser.isKnownPlatform(s.substring(0, colon))) {
            return IdentifierType.ACCOUNT;
        }
        if (SCHEME.matcher(s).matches()) {
            return IdentifierType.URL;
        }
        if (s.indexOf('@') >= 0) {
            return IdentifierType.EMAIL;
        }
        if (lower.startsWith("www.")) {
            return IdentifierType.URL;
        }
        if (CARD_LIKE.matcher(s).matches() && isLuhnValid(s)) {
            return IdentifierType.CARD;
        }
        if (s.startsWith("+")) {
            return IdentifierType.PHONE;
        }
        String compact = PHONE_SEPARATORS.matcher(s).replaceAll("");
        if (compact.length() >= 7 && compact.length() <= 15 && compact.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return IdentifierType.PHONE;
        }
        if (HEX_HASH.matcher(s).matches()) {
            return IdentifierType.FILE_HASH;
        }
        if (DOTTED_NAME.matcher(s).matches()) {
            return IdentifierType.DOMAIN;
        }
        if (CARD_LIKE.matcher(s).matches() && compact.length() > 15) {
            // too long for a phone number, shaped like a card, but its check digit is wrong: most likely a mistyped card
            throw new InvalidIdentifierException(IdentifierType.CARD, Quoted.of(s) + " has the shape of a card number but"
                    + " fails the Luhn check (a digit is wrong or missing); check the number, or name the type");
        }
        throw new InvalidIdentifierException(null, "cannot tell what kind of identifier " + Quoted.of(s)
                + " is; write it as an e-mail, phone (+country code), card number, IP address, URL, domain,"
                + " platform:handle, md5:/sha1:/sha256:/pdq: hash, or name the type");
    }

    private static boolean isIpLiteral(String s) {
        try {
            IpAddresses.parse(s);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    private static boolean isLuhnValid(String s) {
        char[] d = new char[CardNumbers.MAX_DIGITS];
        int n = 0;
        for (int i = 0; i < s.length() && n < d.length; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d[n++] = c;
            }
        }
        boolean ok = CardNumbers.luhn(d, 0, n);
        java.util.Arrays.fill(d, '\0');
        return ok;
    }

    /** Account: platform + handle; see docs/IDENTIFIERS.md for the platform table. */
    public static Identifier account(String platform, String handle) {
        return AccountNormaliser.account(platform, handle);
    }

    /** Device: camera make, model, serial (serial required; make/model may be null). */
    public static Identifier device(String make, String model, String serial) {
        return DeviceNormaliser.device(make, model, serial);
    }

    /**
     * The identifier of a URL identifier's host: a {@link IdentifierType#DOMAIN}, or an
     * {@link IdentifierType#IP} when the host is an address literal.
     */
    public static Identifier domainOf(Identifier url) {
        return UrlNormaliser.hostOf(url);
    }
}
