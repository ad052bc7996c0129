package org.opencets.formats.jsonstream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of an export on their way to the parser: counted, optionally checked to be well-formed
 * UTF-8, and optionally held under a budget.
 *
 * <p>Design note. Jackson's UTF-8 parser decodes bytes itself and lets some ill-formed sequences
 * through (overlong forms, encoded surrogates), and it cannot say at which byte a bad sequence sits.
 * Evidence must never be silently altered, so every byte is first run through the JDK's strict UTF-8
 * decoder (Unicode 15, table 3-7 "well-formed UTF-8 byte sequences"), whose output is discarded: a
 * sequence it rejects stops the read, carrying the file offset of the first
 * bad byte ({@link StrictDecoding.UndecodableBytes}). A sequence cut by a read boundary is carried over to the next read.
 *
 * <p>The budget bounds how many bytes one message may take: the parser reads a message object into
 * memory, and a corrupt or hostile file could otherwise make one "message" as large as the file.
 */
final class GuardedInput extends FilterInputStream {
    /** A message that runs on past its budget. */
    static final class OverBudget extends IOException {
        OverBudget() {
            super("over budget");
        }
    }

    private final CharsetDecoder decoder;
    private final ByteBuffer window;
    private final CharBuffer scratch;
    private long position;
    private long limit = Long.MAX_VALUE;

    GuardedInput(InputStream in, boolean checkUtf8) {
        super(in);
        if (checkUtf8) {
            decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            window = ByteBuffer.allocate(1 << 16);
            window.flip();
            scratch = CharBuffer.allocate(1 << 16);
        } else {
            decoder = null;
            window = null;
            scratch = null;
        }
    }

    /** Bytes handed to the reader so far: the file offset of the next byte. */
    long position() {
        return position;
    }

    /** Fails a read that would hand out the byte at offset {@code limit} or beyond. */
    void limit(long limit) {
        this.limit = limit;
    }

    void unlimited() {
        this.limit = Long.MAX_VALUE;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= limit) {
            throw new OverBudget();
        }
        int want = (int) Math.min(len, limit - position);
        int n = in.read(b, off, want);
        if (n < 0) {
            if (decoder != null && window.hasRemaining()) {
                throw new StrictDecoding.UndecodableBytes(position - window.remaining(), StandardCharsets.UTF_8);
            }
            return n;
        }
        if (decoder != null) {
            check(b, off, n);
        }
        position += n;
        return n;
    }

    /** Checks a chunk, with any partial sequence left from the previous chunk in front of it. */
    private void check(byte[] b, int off, int n) throws StrictDecoding.UndecodableBytes {
        int done = 0;
        while (done < n) {
            window.compact();
            int take = Math.min(window.remaining(), n - done);
            window.put(b, off + done, take);
            window.flip();
            long windowStart = position + done + take - window.remaining();
            done += take;
            while (true) {
                scratch.clear();
                CoderResult r = decoder.decode(window, scratch, false);
                if (r.isOverflow()) {
                    continue;
                }
                if (r.isError()) {
                    throw new StrictDecoding.UndecodableBytes(windowStart + window.position(), StandardCharsets.UTF_8);
                }
                break; // underflow: what remains (at most 3 bytes) is an unfinished sequence
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int r = read(sink, 0, sink.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
