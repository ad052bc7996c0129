package org.opencets.formats.jsonstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntFunction;
import org.opencets.core.record.ParsedRecord;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.testing.ReaderHarness;

/**
 * A large export made up while it is read, never held whole: a head, then {@code count} elements
 * joined by a separator, then a tail. It remembers where each element starts and how many bytes the
 * reader has taken so far, so a test can prove the reader streams: when it hands over record k it
 * must not have read far past element k.
 */
public final class GeneratedExport {
    private final byte[] head;
    private final IntFunction<String> element;
    private final byte[] separator;
    private final byte[] tail;
    private final int count;
    private final long[] starts;
    private long served;
    private long length = -1;

    public GeneratedExport(String head, IntFunction<String> element, String separator, String tail, int count) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.element = element;
        this.separator = separator.getBytes(StandardCharsets.UTF_8);
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
        this.count = count;
        this.starts = new long[count];
    }

    /** Bytes the current stream has handed out. */
    public long served() {
        return served;
    }

    /** Byte offset where element i starts (known once the stream has produced it). */
    public long start(int i) {
        return starts[i];
    }

    /** Total length, known once a stream has been read to its end. */
    public long length() {
        return length;
    }

    /**
     * Reads the whole export (as one line, {@code big.json}) with the reader, failing on a rejection
     * or on a record that does not start where its element does.
     *
     * @return {records read, the most bytes the reader had taken past the start of a record it handed over}
     */
    public long[] readAll(RecordReader reader) throws IOException {
        long[] seen = {0, 0};
        RecordSink sink = new RecordSink() {
            @Override
            public void accept(ParsedRecord r) {
                if (r.line() != 1 || r.offset() != start((int) seen[0])) {
                    throw new AssertionError("record " + seen[0] + " at line " + r.line() + ", offset " + r.offset());
                }
                seen[1] = Math.max(seen[1], served - r.offset());
                seen[0]++;
            }

            @Override
            public void reject(long line, String reason) {
                throw new AssertionError(reason);
            }
        };
        reader.read(new ReadSource("big.json", this::open, null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES), sink);
        return seen;
    }

    /** A fresh stream from the first byte. */
    public InputStream open() {
        served = 0;
        return new InputStream() {
            private byte[] chunk = head;
            private int pos;
            private int next; // index of the next element to produce
            private boolean tailDone;
            private long offset;

            private boolean fill() {
                while (pos == chunk.length) {
                    if (next < count) {
                        byte[] body = element.apply(next).getBytes(StandardCharsets.UTF_8);
                        byte[] sep = next == 0 ? new byte[0] : separator;
                        chunk = new byte[sep.length + body.length];
                        System.arraycopy(sep, 0, chunk, 0, sep.length);
                        System.arraycopy(body, 0, chunk, sep.length, body.length);
                        starts[next] = offset + sep.length;
                        next++;
                    } else if (!tailDone) {
                        chunk = tail;
                        tailDone = true;
                    } else {
                        length = offset;
                        return false;
                    }
                    pos = 0;
                }
                return true;
            }

            @Override
            public int read() {
                if (!fill()) {
                    return -1;
                }
                served++;
                offset++;
                return chunk[pos++] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                served += n;
                offset += n;
                return n;
            }
        };
    }
}
