package org.opencets.core.identifier;

/**
 * A value that cannot be normalised as the type it was given as. The message says why and, for card
 * numbers, never contains the number.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {
    private final IdentifierType type;

    public InvalidIdentifierException(IdentifierType type, String message) {
        super(message);
        this.type = type;
    }

    public IdentifierType type() {
        return type;
    }
}
