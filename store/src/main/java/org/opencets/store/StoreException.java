package org.opencets.store;

/** A problem with the store that the user can act on; the message says what and how. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
