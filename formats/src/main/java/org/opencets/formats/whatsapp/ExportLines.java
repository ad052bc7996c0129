package org.opencets.formats.whatsapp;

import java.io.IOException;
import org.opencets.formats.read.LineInput;

/** The lines of an export, from {@link LineInput} (UTF-8 and other byte encodings) or {@link Utf16Lines}. */
interface ExportLines extends AutoCloseable {
    /** Advances; false at the end. Then either {@link #line()} or {@link #problem()} is set. */
    boolean next() throws IOException;

    String line();

    String problem();

    long lineNumber();

    /** Byte offset of the line in the file. */
    long byteOffset();

    @Override
    void close() throws IOException;

    static ExportLines of(LineInput in) {
        return new ExportLines() {
            @Override
            public boolean next() throws IOException {
                return in.next();
            }

            @Override
            public String line() {
                return in.line();
            }

            @Override
            public String problem() {
                return in.problem();
            }

            @Override
            public long lineNumber() {
                return in.lineNumber();
            }

            @Override
            public long byteOffset() {
                return in.byteOffset();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
