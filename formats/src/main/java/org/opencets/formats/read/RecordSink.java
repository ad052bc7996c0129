package org.opencets.formats.read;

import org.opencets.core.record.ParsedRecord;

/** Receives what a reader reads. */
public interface RecordSink {
    /** A record read from the file. */
    void accept(ParsedRecord record);

    /**
     * A row that could not be read. The sink either throws {@link BadInputException} (the import is
     * all or nothing) or records the rejection and lets the reader go on (the user asked to skip bad
     * rows). Readers must resynchronise at the next row after this returns.
     */
    void reject(long line, String reason);

    /** A remark about the file that does not reject anything, e.g. columns that were not used. */
    default void warn(String message) {
    }
}
