package org.opencets.core.identifier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Phone numbers, by Google's libphonenumber: parsed with the context's default region (for numbers
 * written in national form), required to be a valid number for its region
 * ({@link PhoneNumberUtil#isValidNumber}); {@code value} is E.164 ({@code +447700900123}),
 * {@code display} the international format ({@code +44 7700 900123}). An extension is dropped: it
 * names a desk behind the number, not a different line.
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

    static Identifier normalise(String raw, IdentifierContext ctx) {
        String region = region(ctx);
        PhoneNumber number;
        try {
            number = UTIL.parse(raw.strip(), region);
        } catch (NumberParseException e) {
            throw new InvalidIdentifierException(IdentifierType.PHONE, "not a phone number: " + Quoted.of(raw) + ": " + reason(e, region));
        }
        return of(number, raw);
    }

    /** Validates an already parsed number (from text search, for instance). */
    static Identifier of(PhoneNumber number, String raw) {
        if (!UTIL.isValidNumber(number)) {
            String numberRegion = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
            throw new InvalidIdentifierException(IdentifierType.PHONE, "phone number " + Quoted.of(raw)
                    + " is not a valid number for region " + numberRegion
                    + " (" + whyInvalid(number) + ")");
        }
        PhoneNumber plain = new PhoneNumber().setCountryCode(number.getCountryCode()).setNationalNumber(number.getNationalNumber());
        if (number.hasItalianLeadingZero()) {
            plain.setItalianLeadingZero(true).setNumberOfLeadingZeros(number.getNumberOfLeadingZeros());
        }
        return new Identifier(IdentifierType.PHONE,
                UTIL.format(plain, PhoneNumberFormat.E164),
                UTIL.format(plain, PhoneNumberFormat.INTERNATIONAL), true);
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
