package org.opencets.formats.read;

import java.util.regex.Pattern;

/**
 * A last guard on messages that quote input (a parser's complaint about a token, say): any run of
 * twelve or more digits, with nothing but the separators a card may be written with between them
 * (white space, dashes, dots, underscores, slashes; docs/IDENTIFIERS.md), is removed, so a card number
 * in a malformed row cannot reach an error message or a log. A twelve-digit IPv4 address in a message
 * is removed too.
 */
public final class Redaction {
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d(?:[\\h\\-._/\u2010-\u2015\u2212]*+\\d){11,}");

    private Redaction() {
    }

    public static String digits(String message) {
        if (message == null) {
            return null;
        }
        return LONG_DIGIT_RUN.matcher(message).replaceAll("[digits removed]");
    }
}
