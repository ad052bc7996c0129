package org.opencets.formats.read;

/**
 * Evidence that cannot be read as the format it was given as. The message names the file, the line
 * where known, and why; it never contains a card number. Open for the use cases to say more of a
 * failed import (the rejections of a file none of whose rows could be kept, say).
 */
public class BadInputException extends RuntimeException {
    private final String file;
    private final long line;
    private final String reason;

    public BadInputException(String file, long line, String reason) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the file as a whole. */
    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
