package org.opencets.core.identifier;

/**
 * A value that cannot be normalised as the type it was given as. The message says why and never
 * contains a card number: normalisers quote values through a mask, and as a second guard this
 * constructor replaces any run of twelve or more digits in the message by its length.
 *
 * <p>{@link #type()} is null when {@link Identifiers#detectAndNormalise} could not tell the type.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {
    private final IdentifierType type;

    public InvalidIdentifierException(IdentifierType type, String message) {
        super(Quoted.maskDigitRuns(message));
        this.type = type;
    }

    public IdentifierType type() {
        return type;
    }
}
