package org.opencets.formats.read;

import java.util.regex.Pattern;

/**
 * A last guard on messages that quote input (a parser's complaint about a token, say): any run of
 * twelve or more digits, possibly grouped by spaces or dashes, is removed, so a card number in a
 * malformed row cannot reach an error message or a log.
 */
public final class Redaction {
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){11,}");

    private Redaction() {
    }

    public static String digits(String message) {
        if (message == null) {
            return null;
        }
        return LONG_DIGIT_RUN.matcher(message).replaceAll("[digits removed]");
    }
}
