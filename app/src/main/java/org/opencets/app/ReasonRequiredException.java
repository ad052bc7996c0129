package org.opencets.app;

/**
 * A search, view, export or import without a reason, on a deployment that requires one
 * ({@code audit.require-reason = true}): the command line is incomplete, nothing was done.
 */
public final class ReasonRequiredException extends RuntimeException {
    public ReasonRequiredException(String action) {
        super("this deployment asks why for every search, view, export and import ('" + action
                + "' has none): add --reason TEXT, which the audit log keeps");
    }
}
