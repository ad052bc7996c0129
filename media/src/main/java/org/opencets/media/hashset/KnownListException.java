package org.opencets.media.hashset;

import java.io.IOException;
import java.nio.file.Path;

/** A known-hash list could not be read; the message names the file, the line when known, and why. */
public final class KnownListException extends IOException {
    public KnownListException(Path file, long line, String reason) {
        super(file + (line > 0 ? " line " + line : "") + ": " + reason);
    }

    public KnownListException(Path file, long line, String reason, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + reason, cause);
    }
}
