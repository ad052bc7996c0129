package org.opencets.core.identifier;

/** Facade: normalises values of every identifier type. */
public final class Identifiers {
    private Identifiers() {
    }

    /** Normalises raw as the given type; throws InvalidIdentifierException with a clear reason (never containing a card number). */
    public static Identifier normalise(IdentifierType type, String raw, IdentifierContext ctx) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Guesses the type of a value typed by a user, then normalises it. */
    public static Identifier detectAndNormalise(String raw, IdentifierContext ctx) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Account: platform + handle. */
    public static Identifier account(String platform, String handle) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Device: camera make, model, serial (serial required; make/model may be null). */
    public static Identifier device(String make, String model, String serial) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The domain identifier of a URL identifier's host. */
    public static Identifier domainOf(Identifier url) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
