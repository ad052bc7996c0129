package org.opencets.formats.csv;

import java.io.InputStream;

/**
 * Test input made as it is read: a head, a chunk repeated until a size, and a tail, so a test can
 * feed a reader a 100 MB file without holding it in memory.
 */
public final class RepeatingInput extends InputStream {
    private final byte[] head;
    private final byte[] chunk;
    private final byte[] tail;
    private final long bodyBytes;
    private long at;

    /** @param bodyBytes how many bytes of repeated chunk come between head and tail (a whole number of chunks is not needed) */
    public RepeatingInput(byte[] head, byte[] chunk, long bodyBytes, byte[] tail) {
        this.head = head;
        this.chunk = chunk;
        this.tail = tail;
        this.bodyBytes = bodyBytes;
    }

    private long size() {
        return head.length + bodyBytes + tail.length;
    }

    private byte at(long i) {
        if (i < head.length) {
            return head[(int) i];
        }
        long b = i - head.length;
        if (b < bodyBytes) {
            return chunk[(int) (b % chunk.length)];
        }
        return tail[(int) (b - bodyBytes)];
    }

    @Override
    public int read() {
        return at >= size() ? -1 : at(at++) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (at >= size()) {
            return -1;
        }
        int n = (int) Math.min(len, size() - at);
        for (int i = 0; i < n; i++) {
            b[off + i] = at(at++);
        }
        return n;
    }
}
