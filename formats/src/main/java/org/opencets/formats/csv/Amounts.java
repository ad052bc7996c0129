package org.opencets.formats.csv;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.opencets.formats.canonical.RecordAssembler.RowException;

/**
 * Money amounts as exports write them: {@code 1,234.56}, {@code 1.234,56}, {@code $29.99},
 * {@code 12,50 €}, {@code EUR 12.50}, {@code (12.50)}, {@code -1 234,50}, {@code 1'234.50}.
 *
 * <p>Rules. A currency symbol or three-letter ISO 4217 code may stand before or after the number.
 * A minus sign before or after the number, or parentheses around it, make it negative. Of the
 * separators {@code ,} and {@code .}: when both appear, the last is the decimal separator; when one
 * appears more than once, it groups digits; when one appears once, it is the decimal separator if it
 * is the file's (a semicolon-delimited file writes decimal commas, any other a decimal point, unless
 * the {@code decimal} option says otherwise) or if fewer or more than three digits follow it, else it
 * groups thousands. Spaces, no-break spaces and apostrophes may also group digits. Groups must be of
 * three digits after the first (Indian grouping of two, ending in three, is accepted). Anything else
 * is not an amount and makes the row bad.
 *
 * <p>The amount becomes a plain decimal ({@code 1234.56}, digits after the point as written); the
 * currency, when the amount names one, its ISO code, or the symbol itself when the symbol is used by
 * several currencies ({@code $}, {@code ¥}, {@code kr}).
 */
final class Amounts {
    /** A parsed amount: the plain decimal and the currency the amount itself names, or null. */
    record Amount(String value, String currency, boolean currencyIsCode) {
    }

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("₹", "INR"), Map.entry("₽", "RUB"),
            Map.entry("₩", "KRW"), Map.entry("₺", "TRY"), Map.entry("₴", "UAH"), Map.entry("₪", "ILS"),
            Map.entry("₫", "VND"), Map.entry("₱", "PHP"), Map.entry("฿", "THB"), Map.entry("₦", "NGN"),
            Map.entry("zł", "PLN"), Map.entry("us$", "USD"), Map.entry("c$", "CAD"), Map.entry("ca$", "CAD"),
            Map.entry("a$", "AUD"), Map.entry("au$", "AUD"), Map.entry("nz$", "NZD"), Map.entry("hk$", "HKD"),
            Map.entry("s$", "SGD"), Map.entry("r$", "BRL"), Map.entry("mx$", "MXN"));
    /** Symbols several currencies use: kept as written. */
    private static final java.util.Set<String> SHARED_SYMBOLS = java.util.Set.of("$", "¥", "kr", "fr", "fr.", "r");

    private Amounts() {
    }

    static Amount parse(String field, String raw, char decimal) throws RowException {
        String s = raw.strip();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        // currency before or after the number
        int firstDigit = -1;
        int lastDigit = -1;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                if (firstDigit < 0) {
                    firstDigit = i;
                }
                lastDigit = i;
            }
        }
        if (firstDigit < 0) {
            throw bad(field, raw, "has no digits");
        }
        String before = s.substring(0, firstDigit).strip();
        String after = s.substring(lastDigit + 1).strip();
        String number = s.substring(firstDigit, lastDigit + 1);
        if (before.endsWith("-") || before.startsWith("-")) {
            negative = flip(field, raw, negative);
            before = before.startsWith("-") ? before.substring(1).strip() : before.substring(0, before.length() - 1).strip();
        } else if (before.endsWith("+") || before.startsWith("+")) {
            before = before.startsWith("+") ? before.substring(1).strip() : before.substring(0, before.length() - 1).strip();
        }
        if (after.startsWith("-")) {
            negative = flip(field, raw, negative);
            after = after.substring(1).strip();
        }
        if (!before.isEmpty() && !after.isEmpty()) {
            throw bad(field, raw, "names a currency both before and after the number");
        }
        String cur = before.isEmpty() ? after : before;
        String currency = null;
        boolean isCode = false;
        if (!cur.isEmpty()) {
            String lower = cur.toLowerCase(Locale.ROOT);
            if (SYMBOLS.containsKey(lower)) {
                currency = SYMBOLS.get(lower);
                isCode = true;
            } else if (cur.length() == 3 && cur.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                currency = cur.toUpperCase(Locale.ROOT);
                isCode = true;
            } else if (SHARED_SYMBOLS.contains(lower)) {
                currency = cur;
            } else {
                throw bad(field, raw, "is not an amount");
            }
        }
        String plain = plainNumber(field, raw, number, decimal);
        BigDecimal v;
        try {
            v = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw bad(field, raw, "is not an amount");
        }
        if (negative) {
            v = v.negate();
        }
        return new Amount(v.toPlainString(), currency, isCode);
    }

    /** A minus sign: negative, unless the amount is negative already (then it says so twice). */
    private static boolean flip(String field, String raw, boolean negative) throws RowException {
        if (negative) {
            throw bad(field, raw, "is negative twice (a minus sign and parentheses, or two minus signs)");
        }
        return true;
    }

    /** Digits with one optional decimal point, from the number as written. */
    private static String plainNumber(String field, String raw, String number, char fileDecimal) throws RowException {
        int commas = 0;
        int dots = 0;
        int lastComma = -1;
        int lastDot = -1;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == ',') {
                commas++;
                lastComma = i;
            } else if (c == '.') {
                dots++;
                lastDot = i;
            } else if (!Character.isDigit(c) && !isGroupingSpace(c)) {
                throw bad(field, raw, "is not an amount");
            }
        }
        int decimalAt = -1;
        char grouping;
        if (commas > 0 && dots > 0) {
            decimalAt = Math.max(lastComma, lastDot);
            char dec = number.charAt(decimalAt);
            if ((dec == ',' ? commas : dots) > 1) {
                throw bad(field, raw, "has two decimal separators");
            }
            grouping = dec == ',' ? '.' : ',';
        } else if (commas + dots == 0) {
            grouping = 0;
        } else {
            char sep = commas > 0 ? ',' : '.';
            int count = commas + dots;
            int at = commas > 0 ? lastComma : lastDot;
            int digitsAfter = number.length() - at - 1;
            if (count > 1) {
                grouping = sep;
            } else if (sep == fileDecimal || digitsAfter != 3) {
                decimalAt = at;
                grouping = 0;
            } else {
                grouping = sep;
            }
        }
        String intPart = decimalAt < 0 ? number : number.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : number.substring(decimalAt + 1);
        for (int i = 0; i < fraction.length(); i++) {
            if (!Character.isDigit(fraction.charAt(i))) {
                throw bad(field, raw, "has separators after the decimal separator");
            }
        }
        String digits = groups(field, raw, intPart, grouping);
        return fraction.isEmpty() ? digits : digits + "." + fraction;
    }

    private static boolean isGroupingSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\'' || c == '\u2019';
    }

    /** The integer part without its grouping, checking the groups' sizes. */
    private static String groups(String field, String raw, String intPart, char grouping) throws RowException {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            char c = intPart.charAt(i);
            if (Character.isDigit(c)) {
                cur.append(c);
            } else if (c == grouping || isGroupingSpace(c)) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                throw bad(field, raw, "is not an amount");
            }
        }
        parts.add(cur.toString());
        if (parts.size() > 1) {
            boolean ok = !parts.get(0).isEmpty() && parts.get(0).length() <= 3
                    && parts.get(parts.size() - 1).length() == 3;
            int middle = parts.size() > 2 ? parts.get(1).length() : 3;
            for (int i = 1; i < parts.size() - 1 && ok; i++) {
                ok = parts.get(i).length() == middle && (middle == 3 || middle == 2);
            }
            if (!ok) {
                throw bad(field, raw, "groups its digits irregularly");
            }
        }
        String joined = String.join("", parts);
        if (joined.isEmpty()) {
            throw bad(field, raw, "is not an amount");
        }
        return joined;
    }

    private static RowException bad(String field, String raw, String why) {
        return new RowException(field + ": '" + raw.strip() + "' " + why);
    }
}
