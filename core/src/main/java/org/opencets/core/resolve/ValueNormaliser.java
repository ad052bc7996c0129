package org.opencets.core.resolve;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings raw attribute values to the form comparisons work on. Text loses case, accents, spaces and
 * punctuation ("Mc Mellon", "mcmel-lon" and "mcmellon" become one value: a split or joined word is
 * a typing accident, not a different name). Dates become {@code yyyymmdd} digits where the layout
 * allows; codes keep letters and digits only.
 */
final class ValueNormaliser {
    private ValueNormaliser() {
    }

    static String normalise(PersonAttribute attribute, String raw) {
        if (raw == null) {
            return null;
        }
        return switch (attribute) {
            case DATE_OF_BIRTH -> date(raw);
            default -> text(raw);
        };
    }

    /** Letters and digits only, lower case, accents removed; null when nothing is left. */
    static String text(String raw) {
        if (alreadyNormal(raw)) {
            return raw; // the common case: no copy
        }
        boolean ascii = true;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) > 127) {
                ascii = false;
                break;
            }
        }
        String s = ascii ? raw : Normalizer.normalize(raw, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + 32));
                } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    out.append(c);
                }
            } else if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        return ascii ? out.toString() : out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean alreadyNormal(String raw) {
        if (raw.isEmpty()) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A date as {@code yyyymmdd} when its layout is one of {@code yyyymmdd}, {@code yyyy-mm-dd}
     * (any separators) or {@code dd/mm/yyyy} (day first, as in most of the world; a month-first
     * date then compares as "day and month swapped"); any other value keeps its digits.
     */
    static String date(String raw) {
        String[] groups = raw.trim().split("[^0-9]+");
        int n = 0;
        for (String g : groups) {
            if (!g.isEmpty()) {
                groups[n++] = g;
            }
        }
        if (n == 3) {
            if (groups[0].length() == 4 && groups[1].length() <= 2 && groups[2].length() <= 2) {
                return groups[0] + pad(groups[1]) + pad(groups[2]);
            }
            if (groups[2].length() == 4 && groups[0].length() <= 2 && groups[1].length() <= 2) {
                return groups[2] + pad(groups[1]) + pad(groups[0]);
            }
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(groups[i]);
        }
        return digits.isEmpty() ? null : digits.toString();
    }

    private static String pad(String twoDigits) {
        return twoDigits.length() == 1 ? "0" + twoDigits : twoDigits;
    }
}
