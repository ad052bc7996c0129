package org.opencets.formats.read;

import java.io.IOException;

/**
 * Reads one evidence file format. Implementations are small, stateless and stream: memory stays flat
 * however large the file.
 *
 * <p>A row that cannot be read is handed to {@link RecordSink#reject}; whether that ends the import
 * (the default) or is skipped and reported ({@code --skip-bad}) is the sink's decision, so every
 * reader behaves the same way on bad input.
 */
public interface RecordReader {
    /** The format's name as used by {@code --format}, e.g. {@code jsonl} or {@code transactions-csv}. */
    String format();

    /** One line for {@code --help} and error messages. */
    String description();

    /**
     * How confident the reader is that the file is in its format, from 0 (surely not) to 100 (surely),
     * given the file's name and its first bytes. Used by {@code --format auto}.
     */
    int sniff(String fileName, byte[] head);

    /** Reads every record of the source into the sink. */
    void read(ReadSource source, RecordSink sink) throws IOException;

    /** The names of the reader options ({@code --option KEY=VALUE}, {@code --mapping}, …) it takes; any other is refused. */
    default java.util.Set<String> options() {
        return java.util.Set.of();
    }

    /**
     * Checks the values of the options before anything is read or stored, so that a mistake is
     * reported even for a file that turns out to be imported already.
     *
     * @throws IllegalArgumentException or {@link BadInputException}, saying which option is wrong and why
     */
    default void checkOptions(java.util.Map<String, String> options) {
    }
}
