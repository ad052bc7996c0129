package org.opencets.media.match;

import java.util.Arrays;

/**
 * A batch of queries answered together against a {@link PdqIndex}: the same answers as one query at
 * a time, found table by table and bucket by bucket instead of query by query.
 *
 * <h2>Design note: a join per table</h2>
 * The index's probes for a threshold (see {@link PdqIndex}'s design note) send query {@code q} to
 * bucket {@code key(q) ^ mask} of chunk {@code c}'s table, for every mask of weight {@code w} up to the
 * chunk radius, keeping the entries whose sibling differs from {@code q}'s in at most {@code T - w}
 * bits. Turned around: bucket {@code v} is probed by the queries whose key is {@code v ^ mask}. So, per
 * table, the queries are counting-sorted by key, and each bucket is read once, in order, and scanned
 * for every query group that probes it while it is in the first-level cache. With a million queries
 * and 65,536 keys a bucket meets about 15 x 17 = 255 queries; the tables are read sequentially, once
 * per batch, instead of in 300 random places per query, and what is left is the arithmetic of the
 * sibling tests (the same bit-sliced test as single queries, {@link PdqIndex#entriesWithin}).
 *
 * <p>Indexing each bucket's siblings by byte for the many queries that meet it (the pigeonhole once
 * more: within {@code b} bits, one byte is within {@code floor(b / 2)}) cut the comparisons ten-fold
 * but was measured slower than scanning: about 18 tiny bins per query and bucket, each a mispredicted
 * branch. It was removed.
 *
 * <p>Survivors are verified against their full hashes in blocks (ids, then hashes, then distances,
 * each loop of independent loads) and reported only from the first chunk whose probe keeps them,
 * exactly as single queries are; so every (query, neighbour) pair is reported once.
 *
 * <p>Not thread-safe: one join, one thread (split a batch to use several).
 */
final class PdqJoin {
    private static final int BUCKETS = 1 << 16;
    private static final int VERIFY_BLOCK = 4096;
    private final PdqIndex index;
    private final long[] qw;
    private final int count;
    private final PdqIndex.Plan plan;
    private final PdqIndex.BatchSink sink;

    /** Queries of the current table sorted by key: query position and sibling chunk; key k's at [keyStart[k], keyStart[k + 1]). */
    private final int[] keyStart = new int[BUCKETS + 1];
    private final int[] sortedQuery;
    private final char[] sortedSibling;

    /** The current query's sibling chunk as planes: all ones where its bit is set. */
    private final long[] queryPlanes = new long[16];

    private int[] survivorQuery = new int[VERIFY_BLOCK];
    private int[] survivorPos = new int[VERIFY_BLOCK];
    private int[] survivorId = new int[VERIFY_BLOCK];
    private int survivors;
    private long preloaded;

    PdqJoin(PdqIndex index, long[] queryWords, int count, PdqIndex.Plan plan, PdqIndex.BatchSink sink) {
        this.index = index;
        this.qw = queryWords;
        this.count = count;
        this.plan = plan;
        this.sink = sink;
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
        int[] off = index.offsets[c];
        long[] pl = index.planes[c];
        for (int v = 0; v < BUCKETS; v++) {
            int first = off[v];
            int past = off[v + 1];
            if (first == past) {
                continue;
            }
            for (int w = 0; w <= radius; w++) {
                int budget = Math.min(16, bound - w);
                for (int m = PdqIndex.WEIGHT_START[w], end = PdqIndex.WEIGHT_START[w + 1]; m < end; m++) {
                    int g = v ^ PdqIndex.MASKS[m];
                    for (int p = keyStart[g], pEnd = keyStart[g + 1]; p < pEnd; p++) {
                        scanBucket(pl, first, past, sortedQuery[p], sortedSibling[p], budget);
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

    /** The bucket's entries whose sibling is within {@code budget} of {@code qs}, 64 at a time (see PdqIndex.entriesWithin). */
    private void scanBucket(long[] pl, int first, int past, int query, int qs, int budget) {
        PdqIndex.queryPlanes(qs, queryPlanes, 0);
        int lastBlock = (past - 1) >>> 6;
        for (int b = first >>> 6; b <= lastBlock; b++) {
            long pass = PdqIndex.entriesWithin(pl, b << 4, queryPlanes, 0, budget) & PdqIndex.inBucket(b, first, past);
            while (pass != 0) {
                addSurvivor(query, (b << 6) + Long.numberOfTrailingZeros(pass));
                pass &= pass - 1;
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
