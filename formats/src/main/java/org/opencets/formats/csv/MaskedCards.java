package org.opencets.formats.csv;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card numbers that arrive already masked, as processors send them under PCI DSS 3.4: the issuer
 * prefix (BIN, six or eight digits) and the last four digits, the middle replaced by {@code *},
 * {@code X}, {@code #} or {@code •}, or by a single {@code …}: {@code 455673******9855},
 * {@code 4556 73XX XXXX 9855}, {@code ************9855}, {@code 45567375…9855}.
 *
 * <p>Design note. A masked number is not a card identifier: a million cards share any BIN and last
 * four, so two cases holding {@code 455673…9855} have not been shown to hold the same card, and
 * correlating on it would link strangers. Nor can it be hashed like a full number (the hash needs
 * every digit). It is therefore kept as the plain fields {@code card_bin} and {@code card_last4}
 * (and {@code card} in the masked display form), which a search over records can match, but
 * {@code cets lookup} — which answers for identifiers — does not.
 */
final class MaskedCards {
    /** The masked display form and its parts; bin is null when fewer than six leading digits show. */
    record Masked(String display, String bin, String last4) {
    }

    private static final Pattern MASKED = Pattern.compile("(\\d*)([*xX#•·_]+|…)(\\d{4})");
    private static final int MIN_LENGTH = 12;
    private static final int MAX_LENGTH = 19;

    private MaskedCards() {
    }

    /** True when the value has mask characters in it: it is meant as a masked number, valid or not. */
    static boolean looksMasked(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '*' || c == 'x' || c == 'X' || c == '#' || c == '•' || c == '·' || c == '…') {
                return true;
            }
        }
        return false;
    }

    /** The masked number, or null when it is not one (too long, too short, digits in the middle, …). */
    static Masked parse(String raw) {
        String s = raw.strip().replace(" ", "").replace("-", "");
        Matcher m = MASKED.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String lead = m.group(1);
        String mask = m.group(2);
        if (lead.length() > 8) {
            return null;
        }
        if (!mask.equals("…")) {
            int length = lead.length() + mask.length() + 4;
            if (length < MIN_LENGTH || length > MAX_LENGTH) {
                return null;
            }
        }
        String last4 = m.group(3);
        String bin = lead.length() >= 6 ? lead : null;
        return new Masked((bin == null ? "" : bin) + "…" + last4, bin, last4);
    }
}
