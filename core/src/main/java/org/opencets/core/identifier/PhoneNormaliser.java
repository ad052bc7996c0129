package org.opencets.core.identifier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * Phone numbers, by Google's libphonenumber: parsed with the context's default region (for numbers
 * written in national form), required to be a valid number for its region
 * ({@link PhoneNumberUtil#isValidNumber}); {@code value} is E.164 ({@code +447700900123}),
 * {@code display} the international format ({@code +44 7700 900123}). An extension is dropped: it
 * names a desk behind the number, not a different line.
 *
 * <p>Design note: a fast path for numbers already written in E.164 form. Half of a reader's time went
 * into {@link PhoneNumberUtil#parse}, most of it regular expressions that find where a number starts,
 * whether it is viable and whether an extension trails it. None of that can change an input that is
 * a {@code +} and nothing but ASCII digits, so {@link #parseE164} reads such an input directly, doing
 * what {@code parse} does to it (libphonenumber's {@code parseHelper}): the country calling code is
 * the shortest prefix of one to three digits that the library knows (none starts with 0); the rest is
 * the national significant number, which the library then tries to strip of a national prefix. The
 * fast path takes the number only when that stripping provably does nothing (the region has no
 * national prefix for parsing, or its pattern does not match at the start of the number), the
 * national number is 2 to 17 digits and does not start with 0 (so no Italian leading zero). In every
 * other case, and for every other shape of input, the library parses. Validation and formatting are
 * always the library's. PhoneFastPathTest checks over generated inputs that both paths agree.
 */
final class PhoneNormaliser {
    static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** libphonenumber's code for "no default region": only numbers with a country code parse. */
    static final String UNKNOWN_REGION = "ZZ";

    private PhoneNormaliser() {
    }

    static String region(IdentifierContext ctx) {
        String r = ctx.defaultRegion();
        return r == null || r.isBlank() ? UNKNOWN_REGION : r.strip().toUpperCase(Locale.ROOT);
    }

    /** Results by raw input and region (see {@link RecentResults}). */
    private static final RecentResults<Identifier> RECENT = new RecentResults<>(12);
    /** The longest national significant number libphonenumber accepts ({@code MAX_LENGTH_FOR_NSN}). */
    private static final int MAX_NSN = 17;
    /** The shortest ({@code MIN_LENGTH_FOR_NSN}). */
    private static final int MIN_NSN = 2;
    private static final boolean[] CALLING_CODE = new boolean[1000];
    /** By calling code: the compiled national prefix for parsing, {@link #NO_PREFIX}, or null when not yet known. */
    private static final AtomicReferenceArray<Object> NATIONAL_PREFIX = new AtomicReferenceArray<>(1000);
    private static final Object NO_PREFIX = new Object();
    private static final MetadataSource METADATA = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();

    static {
        for (int cc : UTIL.getSupportedCallingCodes()) {
            if (cc > 0 && cc < CALLING_CODE.length) {
                CALLING_CODE[cc] = true;
            }
        }
    }

    static Identifier normalise(String raw, IdentifierContext ctx) {
        String region = region(ctx);
        Identifier known = RECENT.get(raw, region);
        if (known != null) {
            return known;
        }
        PhoneNumber number = parseE164(raw);
        Identifier id = number != null ? of(number, raw, null) : normaliseWithLibrary(raw, region);
        RECENT.put(raw, region, id);
        return id;
    }

    /**
     * A number in plain E.164 form ({@code +} then digits only, no white space) read as
     * {@link PhoneNumberUtil#parse} would read it, or null when the input has another shape or the
     * library's answer cannot be known without asking it (see the design note above).
     */
    static PhoneNumber parseE164(String raw) {
        int n = raw.length();
        if (n < 4 || n > 1 + 3 + MAX_NSN || raw.charAt(0) != '+') {
            return null;
        }
        for (int i = 1; i < n; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        if (raw.charAt(1) == '0') {
            return null;
        }
        int cc = 0;
        int nsnStart = -1;
        for (int i = 1; i <= 3 && i < n; i++) {
            cc = cc * 10 + (raw.charAt(i) - '0');
            if (CALLING_CODE[cc]) {
                nsnStart = i + 1;
                break;
            }
        }
        if (nsnStart < 0) {
            return null;
        }
        int nsnLength = n - nsnStart;
        if (nsnLength < MIN_NSN || nsnLength > MAX_NSN || raw.charAt(nsnStart) == '0') {
            return null;
        }
        String nsn = raw.substring(nsnStart);
        Object prefix = nationalPrefix(cc);
        if (prefix == null || prefix instanceof Pattern p && p.matcher(nsn).lookingAt()) {
            return null;
        }
        return new PhoneNumber().setCountryCode(cc).setNationalNumber(Long.parseLong(nsn));
    }

    /** The calling code's national prefix for parsing, compiled; {@link #NO_PREFIX}; or null when unknown. */
    private static Object nationalPrefix(int cc) {
        Object known = NATIONAL_PREFIX.get(cc);
        if (known != null) {
            return known;
        }
        String regionCode = UTIL.getRegionCodeForCountryCode(cc);
        PhoneMetadata metadata = "001".equals(regionCode)
                ? METADATA.getMetadataForNonGeographicalRegion(cc)
                : METADATA.getMetadataForRegion(regionCode);
        if (metadata == null) {
            return null;
        }
        String p = metadata.getNationalPrefixForParsing();
        Object compiled = p == null || p.isEmpty() ? NO_PREFIX : Pattern.compile(p);
        NATIONAL_PREFIX.set(cc, compiled);
        return compiled;
    }

    /** The reference path: libphonenumber parses every input. */
    static Identifier normaliseWithLibrary(String raw, String region) {
        PhoneNumber number;
        try {
            number = UTIL.parse(raw.strip(), region);
        } catch (NumberParseException e) {
            throw new InvalidIdentifierException(IdentifierType.PHONE, "not a phone number: " + Quoted.of(raw) + ": " + reason(e, region));
        }
        return of(number, raw, region);
    }

    /** Validates an already parsed number (from text search, for instance). */
    static Identifier of(PhoneNumber number, String raw) {
        return of(number, raw, null);
    }

    /**
     * Validates a parsed number.
     *
     * @param region the default region it was parsed with, or null when it was read in E.164 form
     */
    private static Identifier of(PhoneNumber number, String raw, String region) {
        if (!UTIL.isValidNumber(number)) {
            throw new InvalidIdentifierException(IdentifierType.PHONE, "phone number " + Quoted.of(raw)
                    + " is not a valid number " + readAs(number, raw, region) + whyInvalid(number) + ")");
        }
        PhoneNumber plain = new PhoneNumber().setCountryCode(number.getCountryCode()).setNationalNumber(number.getNationalNumber());
        if (number.hasItalianLeadingZero()) {
            plain.setItalianLeadingZero(true).setNumberOfLeadingZeros(number.getNumberOfLeadingZeros());
        }
        return new Identifier(IdentifierType.PHONE,
                UTIL.format(plain, PhoneNumberFormat.E164),
                UTIL.format(plain, PhoneNumberFormat.INTERNATIONAL), true);
    }

    /**
     * The region the number was read in, as the message names it, and the opening of its bracket:
     * the default region for a number written without a country code ("for region CA (no country
     * code, so read as CA; "), else the one region of its country code, or the code itself when
     * regions share it (+1: the United States, Canada and the Caribbean; +44: the United Kingdom,
     * Jersey, Guernsey and Man; +800, no region at all).
     * Only an invalid number gets here, so the second parse costs nothing on the usual path.
     */
    private static String readAs(PhoneNumber number, String raw, String region) {
        if (region != null && !UNKNOWN_REGION.equals(region)) {
            try {
                if (UTIL.parseAndKeepRawInput(raw.strip(), region).getCountryCodeSource()
                        == PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY) {
                    return "for region " + region + " (no country code, so read as " + region + "; ";
                }
            } catch (NumberParseException e) {
                // it parsed once with this region; say what the number itself says
            }
        }
        int cc = number.getCountryCode();
        java.util.List<String> regions = UTIL.getRegionCodesForCountryCode(cc);
        return regions.size() == 1 && !"001".equals(regions.get(0))
                ? "for region " + regions.get(0) + " ("
                : "with country code +" + cc + " (";
    }

    private static String whyInvalid(PhoneNumber number) {
        return switch (UTIL.isPossibleNumberWithReason(number)) {
            case IS_POSSIBLE -> "its digits are in no allocated number range";
            case IS_POSSIBLE_LOCAL_ONLY -> "a local number without its area code";
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case TOO_SHORT -> "too short";
            case TOO_LONG -> "too long";
            case INVALID_LENGTH -> "wrong number of digits";
        };
    }

    private static String reason(NumberParseException e, String region) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> UNKNOWN_REGION.equals(region)
                    ? "no country code and no default region; write it as +<country code><number>"
                    : "unknown country code";
            case NOT_A_NUMBER -> "does not look like a phone number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }
}
