package org.opencets.media.match;

import java.util.Arrays;

/**
 * A sorted, compact table of fixed-length digests (MD5 = 2 words, SHA-1 = 3, SHA-256 = 4) mapping
 * each to an int payload (an entry reference). Words are stored column-wise in primitive arrays:
 * 20 bytes an MD5 entry, 28 a SHA-1, 36 a SHA-256 — tens of millions fit in a few hundred MB.
 *
 * <p>Built by appending, then sorting once: the first 32 bits of each digest and its position are
 * packed into one long and sorted with the JDK's primitive sort (no boxing), then runs that tie on
 * those 32 bits are ordered by full comparison. Lookups are binary searches, and return every
 * payload of an equal digest (the same file in several lists).
 */
final class DigestTable {
    private final int wordCount;
    private final int bytes;
    private long[][] columns;
    private int[] payload;
    private int size;
    private boolean sorted;

    DigestTable(int digestBytes) {
        this.bytes = digestBytes;
        this.wordCount = (digestBytes + 7) / 8;
        this.columns = new long[wordCount][16];
        this.payload = new int[16];
    }

    int size() {
        return size;
    }

    long memoryBytes() {
        return (8L * wordCount + 4) * payload.length;
    }

    /** Parses lower- or upper-case hex of this table's length into words (big-endian, zero padded). */
    long[] words(String hex) {
        if (hex.length() != 2 * bytes) {
            throw new IllegalArgumentException("expected " + 2 * bytes + " hex digits, got " + hex.length());
        }
        long[] w = new long[wordCount];
        for (int i = 0; i < wordCount; i++) {
            int from = 16 * i;
            int to = Math.min(from + 16, hex.length());
            long v = Long.parseUnsignedLong(hex, from, to, 16);
            w[i] = v << (4 * (16 - (to - from)));
        }
        return w;
    }

    void add(String hex, int ref) {
        if (sorted) {
            throw new IllegalStateException("table already sorted");
        }
        long[] w = words(hex);
        if (size == payload.length) {
            int cap = size + (size >> 1) + 16;
            for (int i = 0; i < wordCount; i++) {
                columns[i] = Arrays.copyOf(columns[i], cap);
            }
            payload = Arrays.copyOf(payload, cap);
        }
        for (int i = 0; i < wordCount; i++) {
            columns[i][size] = w[i];
        }
        payload[size] = ref;
        size++;
    }

    void sort() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            // top 32 bits of the digest, flipped so that signed order is unsigned order; position below
            keys[i] = (((columns[0][i] >>> 32) ^ 0x80000000L) << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
        }
        keys = null;
        // ties on the top 32 bits: order those runs by the full digest
        int start = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || (columns[0][order[i]] >>> 32) != (columns[0][order[start]] >>> 32)) {
                if (i - start > 1) {
                    sortRun(order, start, i);
                }
                start = i;
            }
        }
        long[][] sortedCols = new long[wordCount][];
        for (int w = 0; w < wordCount; w++) {
            long[] col = new long[size];
            for (int i = 0; i < size; i++) {
                col[i] = columns[w][order[i]];
            }
            sortedCols[w] = col;
            columns[w] = null;
        }
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = payload[order[i]];
        }
        columns = sortedCols;
        payload = p;
        sorted = true;
    }

    private void sortRun(int[] order, int from, int to) {
        Integer[] run = new Integer[to - from];
        for (int i = from; i < to; i++) {
            run[i - from] = order[i];
        }
        Arrays.sort(run, (a, b) -> compareRows(a, b));
        for (int i = from; i < to; i++) {
            order[i] = run[i - from];
        }
    }

    private int compareRows(int a, int b) {
        for (int w = 0; w < wordCount; w++) {
            int c = Long.compareUnsigned(columns[w][a], columns[w][b]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a, b);
    }

    private int compareTo(int row, long[] key) {
        for (int w = 0; w < wordCount; w++) {
            int c = Long.compareUnsigned(columns[w][row], key[w]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Calls {@code sink} with the payload of every row equal to {@code hex}; returns how many. */
    int lookup(String hex, java.util.function.IntConsumer sink) {
        if (!sorted) {
            throw new IllegalStateException("table not sorted");
        }
        long[] key = words(hex);
        int lo = 0;
        int hi = size;
        while (lo < hi) { // first row >= key
            int mid = (lo + hi) >>> 1;
            if (compareTo(mid, key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int n = 0;
        for (int i = lo; i < size && compareTo(i, key) == 0; i++) {
            sink.accept(payload[i]);
            n++;
        }
        return n;
    }
}
