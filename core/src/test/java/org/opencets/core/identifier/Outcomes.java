package org.opencets.core.identifier;

import java.util.function.Supplier;

/** A normaliser's answer as one comparable string: the identifier it made, or its error message. */
final class Outcomes {
    private Outcomes() {
    }

    static String of(Supplier<Identifier> normalise) {
        try {
            Identifier id = normalise.get();
            return "ok:" + id.type() + "|" + id.value() + "|" + id.display() + "|" + id.correlatable();
        } catch (InvalidIdentifierException e) {
            return "error:" + e.getMessage() + "|" + e.type();
        }
    }
}
