package org.opencets.core.identifier;

import java.util.Objects;

/**
 * A typed, normalised identifier.
 *
 * @param type         what kind of identifier this is
 * @param value        the canonical form that correlation compares; for a card, the hex HMAC-SHA-256
 *                     of its number under the deployment key, never the number
 * @param display      what may be shown to a person and stored; for a card, BIN and last four only
 * @param correlatable false for values that are kept but must never link cases (private, loopback,
 *                     link-local and reserved IP ranges, for instance)
 */
public record Identifier(IdentifierType type, String value, String display, boolean correlatable) {
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(display, "display");
    }

    /** An identifier whose display form is its value. */
    public static Identifier of(IdentifierType type, String value, boolean correlatable) {
        return new Identifier(type, value, value, correlatable);
    }

    /**
     * The form that may be shown to anyone who holds the same identifier, whatever the evidence that
     * wrote it: the canonical value, or for a card its masked form. Unlike {@link #display()} it does
     * not echo how one case's evidence happened to spell the value.
     */
    public String shareable() {
        return type == IdentifierType.CARD ? display : value;
    }

    /** {@code type:shareable}, for messages and link evidence. */
    public String label() {
        return type.code() + ":" + shareable();
    }

    /** The key that identifies it across the system: {@code type:value}. */
    public String key() {
        return type.code() + ":" + value;
    }

    @Override
    public String toString() {
        return type.code() + ":" + display;
    }
}
