package org.opencets.core.identifier;

import java.util.List;

/** Finds identifiers in free text (messages, notes, tips). */
public final class TextExtractor {
    private TextExtractor() {
    }

    public static List<Found> extract(String text, IdentifierContext ctx) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The text with every Luhn-valid card number replaced by its masked display form. */
    public static String redactCards(String text) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
