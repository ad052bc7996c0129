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
 * sibling tests (the same SWAR count as single queries).
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
    /** Queries a bucket must meet before its siblings are bit-sliced. */
    private static final int SLICE_MIN_QUERIES = 16;
    private final PdqIndex index;
    private final long[] qw;
    private final int count;
    private final PdqIndex.Plan plan;
    private final PdqIndex.BatchSink sink;

    /** Queries of the current table sorted by key: query position and sibling chunk; key k's at [keyStart[k], keyStart[k + 1]). */
    private final int[] keyStart = new int[BUCKETS + 1];
    private final int[] sortedQuery;
    private final char[] sortedSibling;

    /** The current bucket's siblings bit-sliced: bit i of plane j of block b is bit j of the bucket's entry 64b + i, at [16b + j]. */
    private long[] planes = new long[16 * 4];
    /** The query's sibling as planes: all ones where its bit is set. */
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
        long[] sib = index.siblings[c];
        int masksEnd = PdqIndex.WEIGHT_START[radius + 1];
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
            boolean sliced = bound <= 3 && meeting >= SLICE_MIN_QUERIES;
            if (sliced) {
                slice(sib, first, past);
            }
            for (int w = 0; w <= radius; w++) {
                int budget = Math.min(16, bound - w);
                for (int m = PdqIndex.WEIGHT_START[w], end = PdqIndex.WEIGHT_START[w + 1]; m < end; m++) {
                    int g = v ^ PdqIndex.MASKS[m];
                    for (int p = keyStart[g], pEnd = keyStart[g + 1]; p < pEnd; p++) {
                        if (sliced) {
                            scanSlices(first, past, sortedQuery[p], sortedSibling[p], budget);
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

    private void slice(long[] sib, int first, int past) {
        int n = past - first;
        int blocks = (n + 63) >>> 6;
        if (planes.length < 16 * blocks) {
            planes = new long[16 * blocks];
        }
        Arrays.fill(planes, 0, 16 * blocks, 0L);
        for (int i = 0; i < n; i++) {
            int k = first + i;
            long s = (sib[k >>> 2] >>> ((k & 3) << 4)) & 0xFFFF;
            int o = (i >>> 6) << 4;
            int bit = i & 63;
            for (int j = 0; j < 16; j++) {
                planes[o + j] |= ((s >>> j) & 1L) << bit;
            }
        }
    }

    /**
     * The bucket's entries whose sibling is within {@code budget} (2 or 3) of {@code qs}, 64 at a
     * time on the bit-sliced siblings: per plane, the entries whose bit differs from the query's
     * raise saturating counters held as bit masks ("at least 1, 2, 3, 4 differences").
     */
    private void scanSlices(int first, int past, int query, int qs, int budget) {
        long[] q = queryPlanes;
        for (int j = 0; j < 16; j++) {
            q[j] = -((qs >>> j) & 1L);
        }
        int n = past - first;
        for (int o = 0, base = 0; base < n; o += 16, base += 64) {
            long s1 = 0;
            long s2 = 0;
            long s3 = 0;
            long pass;
            if (budget == 2) {
                for (int j = 0; j < 16; j++) {
                    long x = planes[o + j] ^ q[j];
                    s3 |= s2 & x;
                    s2 |= s1 & x;
                    s1 |= x;
                }
                pass = ~s3;
            } else {
                long s4 = 0;
                for (int j = 0; j < 16; j++) {
                    long x = planes[o + j] ^ q[j];
                    s4 |= s3 & x;
                    s3 |= s2 & x;
                    s2 |= s1 & x;
                    s1 |= x;
                }
                pass = ~s4;
            }
            if (n - base < 64) {
                pass &= (1L << (n - base)) - 1;
            }
            while (pass != 0) {
                addSurvivor(query, first + base + Long.numberOfTrailingZeros(pass));
                pass &= pass - 1;
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
