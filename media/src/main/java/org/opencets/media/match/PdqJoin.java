package org.opencets.media.match;

import java.util.Arrays;

/**
 * A batch of queries answered together against a {@link PdqIndex}: the same answers as one query at
 * a time, found table by table and bucket by bucket instead of query by query.
 *
 * <h2>Design note: a join per table, and a byte-level pigeonhole inside each bucket</h2>
 * The index's probes for a threshold (see {@link PdqIndex}'s design note) send query {@code q} to
 * bucket {@code key(q) ^ mask} of chunk {@code c}'s table, for every mask of weight {@code w} up to the
 * chunk radius, keeping the entries whose sibling differs from {@code q}'s in at most
 * {@code T - w} bits. Turned around: bucket {@code v} is probed by the queries whose key is
 * {@code v ^ mask}. So, per table, the queries are counting-sorted by key, and each bucket is read
 * once, in order, together with every query group that probes it. With a million queries and 65,536
 * keys a bucket meets about 15 x 17 = 255 queries; the tables are read sequentially, once per batch,
 * instead of in 300 random places per query.
 *
 * <p>Testing 255 queries against a bucket's 150 siblings one by one would cost as much arithmetic as
 * the single queries do. Instead, when enough queries meet a bucket, its siblings are indexed by
 * their high byte and by their low byte (two counting sorts of the bucket), and the pigeonhole is
 * applied once more: if a sibling is within {@code b} bits of the query's, then its high byte or its
 * low byte is within {@code floor(b / 2)}. At the usual threshold ({@code b} is 2 or 3) each query
 * looks up 9 high-byte and 9 low-byte values and compares about 11 siblings instead of 150. An entry
 * found through its high byte is not taken again through its low byte (the low byte route keeps only
 * entries whose high byte is farther than {@code floor(b / 2)}), so each (query, entry) is tested once.
 *
 * <p>Survivors are verified against their full hashes in blocks (ids, then hashes, then distances,
 * each loop of independent loads) and reported only from the first chunk whose probe keeps them,
 * exactly as single queries are; so every (query, neighbour) pair is reported once.
 *
 * <p>Not thread-safe: one join, one thread (split a batch to use several).
 */
final class PdqJoin {
    private static final int BUCKETS = 1 << 16;
    private static final int BYTE_VALUES = 256;
    /** Sibling comparisons a bucket must face before its byte indexes pay for their two counting sorts. */
    static final int BYTE_INDEX_MIN_PAIRS = 4096;
    /** The byte-level pigeonhole is used while floor(b / 2) is at most this: 37 byte values. */
    private static final int MAX_BYTE_RADIUS = 2;
    private static final int VERIFY_BLOCK = 4096;
    /** 8-bit masks by weight, masks of weight w at [BYTE_WEIGHT_START[w], BYTE_WEIGHT_START[w + 1]). */
    private static final int[] BYTE_MASKS = new int[BYTE_VALUES];
    private static final int[] BYTE_WEIGHT_START = new int[10];

    static {
        int n = 0;
        for (int w = 0; w <= 8; w++) {
            BYTE_WEIGHT_START[w] = n;
            for (int v = 0; v < BYTE_VALUES; v++) {
                if (Integer.bitCount(v) == w) {
                    BYTE_MASKS[n++] = v;
                }
            }
        }
        BYTE_WEIGHT_START[9] = n;
    }

    private final PdqIndex index;
    private final long[] qw;
    private final int count;
    private final PdqIndex.Plan plan;
    private final PdqIndex.BatchSink sink;
    private final long byteIndexMinPairs;

    /** Queries of the current table sorted by key: query position and sibling chunk; key k's at [keyStart[k], keyStart[k + 1]). */
    private final int[] keyStart = new int[BUCKETS + 1];
    private final int[] sortedQuery;
    private final char[] sortedSibling;

    /** The current bucket's byte indexes: positions and siblings ordered by high byte, and by low byte. */
    private final int[] highStart = new int[BYTE_VALUES + 1];
    private final int[] lowStart = new int[BYTE_VALUES + 1];
    private final int[] fill = new int[BYTE_VALUES];
    private int[] highPos = new int[256];
    private char[] highSib = new char[256];
    private int[] lowPos = new int[256];
    private char[] lowSib = new char[256];

    private int[] survivorQuery = new int[VERIFY_BLOCK];
    private int[] survivorPos = new int[VERIFY_BLOCK];
    private int[] survivorId = new int[VERIFY_BLOCK];
    private int survivors;
    private long preloaded;

    /**
     * @param byteIndexMinPairs how many sibling comparisons a bucket must face to get byte indexes:
     *                          {@link #BYTE_INDEX_MIN_PAIRS}; tests use 0 and the largest int to
     *                          check both ways against brute force
     */
    PdqJoin(PdqIndex index, long[] queryWords, int count, PdqIndex.Plan plan, PdqIndex.BatchSink sink, long byteIndexMinPairs) {
        this.index = index;
        this.qw = queryWords;
        this.count = count;
        this.plan = plan;
        this.sink = sink;
        this.byteIndexMinPairs = byteIndexMinPairs;
        this.sortedQuery = new int[count];
        this.sortedSibling = new char[count];
    }

    void run() {
        for (int c = 0; c < PdqIndex.CHUNKS; c++) {
            if (plan.radius()[c] >= 0) {
                joinTable(c);
            }
        }
    }

    private void joinTable(int c) {
        sortQueries(c);
        int radius = plan.radius()[c];
        int bound = plan.pairBound()[c >>> 1];
        int masksEnd = PdqIndex.WEIGHT_START[radius + 1];
        int[] off = index.offsets[c];
        long[] sib = index.siblings[c];
        boolean small = bound / 2 <= MAX_BYTE_RADIUS;
        for (int v = 0; v < BUCKETS; v++) {
            int first = off[v];
            int past = off[v + 1];
            if (first == past) {
                continue;
            }
            int meeting = 0;
            for (int m = 0; m < masksEnd; m++) {
                int g = v ^ PdqIndex.MASKS[m];
                meeting += keyStart[g + 1] - keyStart[g];
            }
            if (meeting == 0) {
                continue;
            }
            boolean indexed = small && (long) meeting * (past - first) >= byteIndexMinPairs;
            if (indexed) {
                indexBucket(sib, first, past);
            }
            for (int w = 0; w <= radius; w++) {
                int budget = Math.min(16, bound - w);
                for (int m = PdqIndex.WEIGHT_START[w], end = PdqIndex.WEIGHT_START[w + 1]; m < end; m++) {
                    int g = v ^ PdqIndex.MASKS[m];
                    for (int p = keyStart[g], pEnd = keyStart[g + 1]; p < pEnd; p++) {
                        if (indexed) {
                            lookUp(sortedQuery[p], sortedSibling[p], budget);
                        } else {
                            scanBucket(sib, first, past, sortedQuery[p], sortedSibling[p], budget);
                        }
                    }
                }
            }
            if (survivors >= VERIFY_BLOCK) {
                verify(c);
            }
        }
        verify(c);
    }

    /** Counting sort of the queries by chunk {@code c}, keeping each one's sibling chunk beside it. */
    private void sortQueries(int c) {
        Arrays.fill(keyStart, 0);
        for (int i = 0; i < count; i++) {
            keyStart[PdqIndex.chunk(qw, 4 * i, c) + 1]++;
        }
        for (int k = 0; k < BUCKETS; k++) {
            keyStart[k + 1] += keyStart[k];
        }
        int[] next = Arrays.copyOf(keyStart, BUCKETS);
        for (int i = 0; i < count; i++) {
            int p = next[PdqIndex.chunk(qw, 4 * i, c)]++;
            sortedQuery[p] = i;
            sortedSibling[p] = (char) PdqIndex.chunk(qw, 4 * i, c ^ 1);
        }
    }

    private static int siblingAt(long[] sib, int k) {
        return (int) (sib[k >>> 2] >>> ((k & 3) << 4)) & 0xFFFF;
    }

    /** Two counting sorts of the bucket's entries: by the high byte of their sibling, and by the low byte. */
    private void indexBucket(long[] sib, int first, int past) {
        int n = past - first;
        if (highPos.length < n) {
            highPos = new int[n];
            highSib = new char[n];
            lowPos = new int[n];
            lowSib = new char[n];
        }
        Arrays.fill(highStart, 0);
        Arrays.fill(lowStart, 0);
        for (int k = first; k < past; k++) {
            int s = siblingAt(sib, k);
            highStart[(s >>> 8) + 1]++;
            lowStart[(s & 0xFF) + 1]++;
        }
        for (int b = 0; b < BYTE_VALUES; b++) {
            highStart[b + 1] += highStart[b];
            lowStart[b + 1] += lowStart[b];
        }
        System.arraycopy(highStart, 0, fill, 0, BYTE_VALUES);
        for (int k = first; k < past; k++) {
            int s = siblingAt(sib, k);
            int p = fill[s >>> 8]++;
            highPos[p] = k;
            highSib[p] = (char) s;
        }
        System.arraycopy(lowStart, 0, fill, 0, BYTE_VALUES);
        for (int k = first; k < past; k++) {
            int s = siblingAt(sib, k);
            int p = fill[s & 0xFF]++;
            lowPos[p] = k;
            lowSib[p] = (char) s;
        }
    }

    /** The bucket's entries whose sibling is within {@code budget} of {@code qs}, through the byte indexes. */
    private void lookUp(int query, int qs, int budget) {
        int half = budget >>> 1;
        int masksEnd = BYTE_WEIGHT_START[half + 1];
        int qh = qs >>> 8;
        int ql = qs & 0xFF;
        for (int m = 0; m < masksEnd; m++) {
            int x = qh ^ BYTE_MASKS[m];
            for (int i = highStart[x], end = highStart[x + 1]; i < end; i++) {
                if (Integer.bitCount(highSib[i] ^ qs) <= budget) {
                    addSurvivor(query, highPos[i]);
                }
            }
        }
        for (int m = 0; m < masksEnd; m++) {
            int y = ql ^ BYTE_MASKS[m];
            for (int i = lowStart[y], end = lowStart[y + 1]; i < end; i++) {
                int x = lowSib[i] ^ qs;
                // entries within half on the high byte were found above
                if (Integer.bitCount(x >>> 8) > half && Integer.bitCount(x) <= budget) {
                    addSurvivor(query, lowPos[i]);
                }
            }
        }
    }

    /** The bucket's entries whose sibling is within {@code budget} of {@code qs}, by a SWAR scan (see PdqIndex). */
    private void scanBucket(long[] sib, int first, int past, int query, int qs, int budget) {
        long query4 = (qs & 0xFFFFL) * 0x0001_0001_0001_0001L;
        long over = (0x7FFFL - budget) * 0x0001_0001_0001_0001L;
        for (int g = first >>> 2, last = (past + 3) >>> 2; g < last; g++) {
            long x = sib[g] ^ query4;
            x = x - ((x >>> 1) & 0x5555_5555_5555_5555L);
            x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
            x = (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
            x = (x + (x >>> 8)) & 0x00FF_00FF_00FF_00FFL;
            long pass = ~(x + over) & 0x8000_8000_8000_8000L;
            while (pass != 0) {
                int k = (g << 2) + (Long.numberOfTrailingZeros(pass) >>> 4);
                pass &= pass - 1;
                if (k >= first && k < past) {
                    addSurvivor(query, k);
                }
            }
        }
    }

    private void addSurvivor(int query, int k) {
        if (survivors == survivorPos.length) {
            int cap = survivors * 2;
            survivorQuery = Arrays.copyOf(survivorQuery, cap);
            survivorPos = Arrays.copyOf(survivorPos, cap);
            survivorId = Arrays.copyOf(survivorId, cap);
        }
        survivorQuery[survivors] = query;
        survivorPos[survivors++] = k;
    }

    /** Verifies the survivors found in chunk {@code c}'s table: ids, then hashes, then distances. */
    private void verify(int c) {
        int n = survivors;
        int[] ids = index.ids[c];
        long[] words = index.words;
        for (int i = 0; i < n; i++) {
            survivorId[i] = ids[survivorPos[i]];
        }
        long sum = preloaded;
        for (int i = 0; i < n; i++) {
            sum += words[4 * survivorId[i]];
        }
        preloaded = sum;
        int r = plan.threshold();
        for (int i = 0; i < n; i++) {
            int id = survivorId[i];
            int b = 4 * id;
            int qb = 4 * survivorQuery[i];
            int d = Long.bitCount(words[b] ^ qw[qb]) + Long.bitCount(words[b + 1] ^ qw[qb + 1])
                    + Long.bitCount(words[b + 2] ^ qw[qb + 2]) + Long.bitCount(words[b + 3] ^ qw[qb + 3]);
            if (d <= r && PdqIndex.firstChunkKeeping(words, b, qw, qb, plan) == c) {
                sink.accept(survivorQuery[i], id, d);
            }
        }
        survivors = 0;
        if (preloaded == 0x5DEE_CE66_DBAD_F00DL) {
            // never true in practice; makes the preloaded sum observable to the compiler
            Thread.onSpinWait();
        }
    }
}
