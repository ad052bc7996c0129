package org.opencets.formats.jsonstream;

import java.util.Locale;

/**
 * Where a token starts in an export.
 *
 * @param line   1-based line
 * @param column 1-based column (bytes for UTF-8 input, characters otherwise)
 * @param offset byte offset in the file, or -1 when the file was read as characters (UTF-16, a named
 *               encoding)
 */
public record Position(long line, long column, long offset) {
    /** "column 12, byte offset 3,456" (or "column 12"), for messages that already name the line. */
    public String where() {
        return offset >= 0 ? String.format(Locale.ROOT, "column %,d, byte offset %,d", column, offset)
                : String.format(Locale.ROOT, "column %,d", column);
    }
}
