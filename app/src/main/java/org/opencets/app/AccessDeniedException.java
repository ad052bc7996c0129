package org.opencets.app;

/** The acting user is not entitled to what they asked for. */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
