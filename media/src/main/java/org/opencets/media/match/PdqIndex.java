package org.opencets.media.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.opencets.media.pdq.PdqHash;

/**
 * An immutable index of PDQ hashes answering radius queries exactly: every indexed hash within
 * Hamming distance {@code r} of the query, and nothing else. Ids are positions in the input.
 *
 * <h2>Design note: two-level generalised pigeonhole over 16-bit chunks</h2>
 * The 256 bits are cut into 16 chunks of 16 bits, grouped in 8 pairs (32 bits); each chunk has a
 * table of 65,536 buckets holding, beside the id, the entry's <em>sibling</em> (the other chunk of its
 * pair) inline.
 *
 * <p><b>Which buckets.</b> The flexible pigeonhole principle of Qin, Wang, Xiao, Wang, Lin and
 * Ishikawa ("GPH: Similarity Search in Hamming Space", ICDE 2018; TKDE 2019): if bits are cut into
 * {@code m} parts and thresholds {@code t_i >= -1} sum to at least {@code r - m + 1}, then two vectors
 * within {@code r} agree within {@code t_i} on some part {@code i} (otherwise each part differs by at
 * least {@code t_i + 1}, more than {@code r} in all). It is applied twice. Over the 8 pairs, bounds
 * {@code T_g} summing to {@code r - 7}, spread evenly; within pair {@code g}, chunk radii summing to
 * {@code T_g - 1}: {@code floor(T_g / 2)} and the rest. At the usual threshold 31 every pair gets
 * {@code T = 3} and every chunk radius 1 (the plain pigeonhole of Norouzi, Punjani and Fleet, "Fast
 * Search in Hamming Space with Multi-Index Hashing", CVPR 2012): 16 tables x 17 buckets. At 32 one
 * pair gets {@code T = 4}, radii 2 and 1: 392 buckets, where the plain rule ({@code floor(32 / 8) = 4}
 * for every pair) would probe 2,192. Below 7 whole pairs are skipped ({@code T = -1}): threshold 0
 * probes one bucket.
 *
 * <p><b>Which entries.</b> A probe of chunk {@code c} at mask weight {@code w} keeps an entry only if
 * its sibling differs in at most {@code T - w} bits, the pair bound, tested from the bucket itself
 * without touching the hash. Siblings are stored bit-sliced, 64 entries a block: 16 longs, long
 * {@code j} holding bit {@code j} of the 64 siblings (2 bytes an entry, as packed). A block is tested
 * against the query's sibling with saturating counters kept as bit masks (see
 * {@link #entriesWithin}), about two operations an entry where a SWAR bit count of packed 16-bit
 * lanes (Warren, Hacker's Delight, 5-1) takes five. At 10 million hashes a bucket holds about 150
 * entries and a query at 31 tests the siblings of about 42,000 entries (some 900 blocks, since a
 * bucket rarely starts at a block's start); about one in four hundred passes and has its 32-byte
 * hash read to be verified.
 *
 * <p><b>Memory-level parallelism.</b> At that size every probe misses the caches, and a loop that
 * reads a bucket's offsets, then its siblings, then the next bucket's, waits for memory about 300
 * times a query, one miss at a time (the bucket sizes vary, so the loop's branches mispredict and the
 * processor cannot run ahead). The query therefore works in phases over blocks of probes, each phase
 * a loop of independent loads that the processor overlaps: all bucket offsets of the block; then one
 * load from each 64-byte line of every bucket's siblings (Java has no prefetch instruction, so these
 * are plain loads whose sum is kept); then the scans, which find their lines in cache; then the ids
 * of the survivors, their hashes, and the verification. Measured on the 2-core benchmark machine at
 * 10 million hashes, this phasing alone made queries about three times faster than the same scan
 * done bucket by bucket (see docs/BENCHMARKS.md, "PDQ matching").
 *
 * <p><b>Each answer once.</b> A neighbour may be reached through several chunks. It is reported only
 * from the first chunk (in order) whose probe keeps it: chunk distance within its radius and pair
 * distance within the pair bound, both recomputed from the full hash. No hash set is needed.
 *
 * <p>When the buckets to probe would cost more than reading every hash (large thresholds, or small
 * indexes where a bucket holds less than one entry) the index scans instead.
 *
 * <p><b>Batches.</b> {@link #queryAll} answers many queries with the same probes turned around, a
 * join that reads each table once in order ({@link PdqJoin}); at a million queries it takes less
 * than half the processor time of single queries (17 against 42 microseconds a query).
 *
 * <p>Memory: 32 bytes a hash plus 16 x (4-byte id + 2-byte sibling) and 16 x 256 KB of offsets,
 * about 128 bytes a hash (1.28 GB for ten million).
 *
 * <p>Thread-safe: immutable after construction; a query allocates only its scratch arrays and result.
 */
public final class PdqIndex {
    static final int CHUNKS = 16;
    private static final int PAIRS = 8;
    private static final int BUCKETS = 1 << 16;
    /** Probes whose offsets, lines and scans are handled together. */
    private static final int BLOCK = 128;
    /** Longs in a 64-byte line. */
    private static final int LINE_LONGS = 8;
    private static final int MAX_PRELOAD_LINES = 16;
    /** Longs after the last block, so that preloading past the last bucket stays in the array. */
    private static final int PADDING = LINE_LONGS * MAX_PRELOAD_LINES;
    /** Every 16-bit mask ordered by weight; masks of weight w at [WEIGHT_START[w], WEIGHT_START[w + 1]). */
    static final char[] MASKS = new char[BUCKETS];
    static final int[] WEIGHT_START = new int[18];
    private static final Plan[] PLANS = new Plan[256];
    /** Batches smaller than this are answered one query at a time: a join reads all 16 x 65,536 buckets. */
    private static final int JOIN_MIN_QUERIES = 1000;

    /*
     * Rough costs in nanoseconds measured on the benchmark machine (PdqMatchBenchmark): a bucket
     * probe (offsets and first line, overlapped), a sibling tested, a survivor verified (two cache
     * misses), a hash compared in a linear scan. Only the choice between probing and scanning depends
     * on them; both answer the same.
     */
    private static final double PROBE_NS = 20;
    private static final double SIBLING_NS = 0.3;
    private static final double VERIFY_NS = 40;
    private static final double SCAN_NS = 2;

    static {
        int[] count = new int[18];
        for (int v = 0; v < BUCKETS; v++) {
            count[Integer.bitCount(v) + 1]++;
        }
        for (int w = 0; w <= 16; w++) {
            count[w + 1] += count[w];
        }
        System.arraycopy(count, 0, WEIGHT_START, 0, 18);
        int[] fill = Arrays.copyOf(count, 17);
        for (int v = 0; v < BUCKETS; v++) {
            MASKS[fill[Integer.bitCount(v)]++] = (char) v;
        }
        for (int r = 0; r < PLANS.length; r++) {
            PLANS[r] = Plan.of(r);
        }
    }

    private final int size;
    final long[] words; // 4 per hash, hash i at [4i, 4i+4)
    final int[][] offsets = new int[CHUNKS][];
    final int[][] ids = new int[CHUNKS][];
    /**
     * Sibling chunks bit-sliced in blocks of 64 entries: bit {@code k % 64} of long {@code 16 (k / 64) + j}
     * is bit {@code j} of entry {@code k}'s sibling.
     */
    final long[][] planes = new long[CHUNKS][];
    /** Lines of sibling planes loaded ahead per bucket: enough for the blocks of a bucket of average size (8 at ten million). */
    private final int preloadLines;

    /** A hash found within the radius: its id (position in the input) and distance. */
    public record Neighbour(int id, int distance) {
    }

    /** Receives neighbours as they are found. */
    @FunctionalInterface
    public interface NeighbourSink {
        void accept(int id, int distance);
    }

    /** Receives the neighbours of a batch of queries: the query's position in the batch, the neighbour's id, the distance. */
    @FunctionalInterface
    public interface BatchSink {
        void accept(int query, int id, int distance);
    }

    /** How a query is answered; tests force each route to check both against brute force. */
    enum Route {
        /** Whichever the cost model finds cheaper. */
        CHEAPER,
        PROBE,
        SCAN
    }

    /** How a batch is answered; tests force each route. */
    enum BatchRoute {
        /** A join for large batches at thresholds where probing pays, else one query at a time. */
        CHEAPER,
        /** A join ({@link PdqJoin}). */
        JOIN,
        /** One query at a time. */
        EACH
    }

    private PdqIndex(long[] words, int size) {
        this.words = words;
        this.size = size;
        double perBucket = (double) size / BUCKETS;
        // a bucket of average size starts anywhere in a block: one block more than its entries fill
        this.preloadLines = (int) Math.min(MAX_PRELOAD_LINES, 2 * (long) Math.ceil(1 + perBucket / 64));
        IntStream.range(0, CHUNKS).parallel().forEach(this::buildChunk);
    }

    /** Indexes hashes given as words, 4 per hash ({@link PdqHash#word} order); the array is kept, not copied. */
    public static PdqIndex ofWords(long[] words, int count) {
        if (count < 0 || words.length < 4L * count) {
            throw new IllegalArgumentException(count + " hashes need " + 4L * count + " words, got " + words.length);
        }
        return new PdqIndex(words, count);
    }

    /** Indexes the hashes; ids are their positions in iteration order. */
    public static PdqIndex build(Collection<PdqHash> hashes) {
        long[] w = new long[hashes.size() * 4];
        int i = 0;
        for (PdqHash h : hashes) {
            w[i++] = h.w0();
            w[i++] = h.w1();
            w[i++] = h.w2();
            w[i++] = h.w3();
        }
        return new PdqIndex(w, hashes.size());
    }

    static int chunk(long[] w, int base, int c) {
        return (int) (w[base + (c >>> 2)] >>> ((c & 3) << 4)) & 0xFFFF;
    }

    private void buildChunk(int c) {
        int[] off = new int[BUCKETS + 1];
        for (int i = 0; i < size; i++) {
            off[chunk(words, 4 * i, c) + 1]++;
        }
        for (int b = 0; b < BUCKETS; b++) {
            off[b + 1] += off[b];
        }
        int[] fill = Arrays.copyOf(off, BUCKETS);
        int[] idArr = new int[size];
        char[] siblingAt = new char[size];
        int s = c ^ 1;
        for (int i = 0; i < size; i++) {
            int pos = fill[chunk(words, 4 * i, c)]++;
            idArr[pos] = i;
            siblingAt[pos] = (char) chunk(words, 4 * i, s);
        }
        long[] pl = new long[16 * ((size + 63) >>> 6) + PADDING];
        for (int base = 0; base < size; base += 64) {
            int o = (base >>> 6) << 4;
            for (int pos = base, end = Math.min(size, base + 64); pos < end; pos++) {
                long sibling = siblingAt[pos];
                int bit = pos & 63;
                for (int j = 0; j < 16; j++) {
                    pl[o + j] |= ((sibling >>> j) & 1L) << bit;
                }
            }
        }
        offsets[c] = off;
        ids[c] = idArr;
        planes[c] = pl;
    }

    /** The number of indexed hashes. */
    public int size() {
        return size;
    }

    /** The hash with the given id. */
    public PdqHash hash(int id) {
        int b = 4 * id;
        return new PdqHash(words[b], words[b + 1], words[b + 2], words[b + 3]);
    }

    /** Bytes held by the index's arrays (hashes and tables). */
    public long memoryBytes() {
        long tables = 0;
        for (int c = 0; c < CHUNKS; c++) {
            tables += 4L * offsets[c].length + 4L * ids[c].length + 8L * planes[c].length;
        }
        return 8L * words.length + tables;
    }

    /** Every indexed hash within {@code threshold} of {@code q}, by distance then id. */
    public List<Neighbour> query(PdqHash q, int threshold) {
        List<Neighbour> out = new ArrayList<>();
        query(q, threshold, (id, d) -> out.add(new Neighbour(id, d)));
        out.sort(Comparator.comparingInt(Neighbour::distance).thenComparingInt(Neighbour::id));
        return out;
    }

    /** Streams every indexed hash within {@code threshold} of {@code q} to {@code sink}, each once, in no set order. */
    public void query(PdqHash q, int threshold, NeighbourSink sink) {
        query(q, threshold, sink, Route.CHEAPER);
    }

    /**
     * Every indexed hash within {@code threshold} of each query: the same answers as {@link #query}
     * for each, streamed to {@code sink} as (position of the query in the list, id, distance), each
     * pair once, in no set order. Large batches are answered by a join that reads each table once
     * (see {@link PdqJoin}), many times faster per query than single queries. The sink is called on
     * the calling thread; to use several cores, split the batch.
     */
    public void queryAll(List<PdqHash> queries, int threshold, BatchSink sink) {
        long[] qw = new long[4 * queries.size()];
        int i = 0;
        for (PdqHash h : queries) {
            qw[i++] = h.w0();
            qw[i++] = h.w1();
            qw[i++] = h.w2();
            qw[i++] = h.w3();
        }
        queryAll(qw, queries.size(), threshold, sink, BatchRoute.CHEAPER);
    }

    /** {@link #queryAll(List, int, BatchSink)} on queries given as words, 4 per hash. */
    void queryAll(long[] queryWords, int count, int threshold, BatchSink sink, BatchRoute route) {
        if (threshold < 0 || size == 0 || count == 0) {
            return;
        }
        boolean join = switch (route) {
            case JOIN -> threshold < PLANS.length;
            case EACH -> false;
            case CHEAPER -> count >= JOIN_MIN_QUERIES && threshold < PLANS.length
                    && PLANS[threshold].probeCost(size) < SCAN_NS * size;
        };
        if (join) {
            new PdqJoin(this, queryWords, count, PLANS[threshold], sink).run();
            return;
        }
        for (int i = 0; i < count; i++) {
            int query = i;
            int b = 4 * i;
            PdqHash q = new PdqHash(queryWords[b], queryWords[b + 1], queryWords[b + 2], queryWords[b + 3]);
            query(q, threshold, (id, d) -> sink.accept(query, id, d), Route.CHEAPER);
        }
    }

    void query(PdqHash q, int threshold, NeighbourSink sink, Route route) {
        if (threshold < 0 || size == 0) {
            return;
        }
        if (threshold >= PLANS.length) {
            scan(q, threshold, sink);
            return;
        }
        Plan plan = PLANS[threshold];
        boolean probe = switch (route) {
            case PROBE -> true;
            case SCAN -> false;
            case CHEAPER -> plan.probeCost(size) < SCAN_NS * size;
        };
        if (probe) {
            new Probe(q, plan, sink).run();
        } else {
            scan(q, threshold, sink);
        }
    }

    private void scan(PdqHash q, int threshold, NeighbourSink sink) {
        long q0 = q.w0();
        long q1 = q.w1();
        long q2 = q.w2();
        long q3 = q.w3();
        for (int i = 0; i < size; i++) {
            int b = 4 * i;
            int d = Long.bitCount(words[b] ^ q0) + Long.bitCount(words[b + 1] ^ q1)
                    + Long.bitCount(words[b + 2] ^ q2) + Long.bitCount(words[b + 3] ^ q3);
            if (d <= threshold) {
                sink.accept(i, d);
            }
        }
    }

    /** Writes a 16-bit value as 16 planes at {@code out[o..o+16)}: plane j all ones if bit j is set, else zero. */
    static void queryPlanes(int value, long[] out, int o) {
        for (int j = 0; j < 16; j++) {
            out[o + j] = -((value >>> j) & 1L);
        }
    }

    /** The bits of block {@code b} that belong to entries {@code [first, past)}. */
    static long inBucket(int b, int first, int past) {
        long mask = -1L;
        if (b == first >>> 6) {
            mask = -1L << (first & 63);
        }
        if (b == (past - 1) >>> 6) {
            mask &= -1L >>> (63 - ((past - 1) & 63));
        }
        return mask;
    }

    /**
     * The entries of a block of 64 whose sibling differs from the query's in at most {@code budget}
     * bits, as a bit mask. The block's siblings are bit-sliced, plane j at {@code p[o + j]} holding bit
     * j of the 64 siblings; the query's are 16 planes of all ones or all zeros at {@code q[qo..]}. Each
     * plane XOR the query's marks the entries that differ there, and saturating counters kept as bit
     * masks ({@code s1}: at least one difference so far, {@code s2}: at least two, ...) add it, 64
     * entries at a time: about 7 operations a plane, two per entry for the block, against five for a
     * SWAR bit count of packed siblings. Budgets over 3 use a 5-bit bit-sliced adder and comparator.
     */
    static long entriesWithin(long[] p, int o, long[] q, int qo, int budget) {
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        switch (budget) {
            case 0 -> {
                for (int j = 0; j < 16; j++) {
                    s1 |= p[o + j] ^ q[qo + j];
                }
                return ~s1;
            }
            case 1 -> {
                for (int j = 0; j < 16; j++) {
                    long x = p[o + j] ^ q[qo + j];
                    s2 |= s1 & x;
                    s1 |= x;
                }
                return ~s2;
            }
            case 2 -> {
                for (int j = 0; j < 16; j++) {
                    long x = p[o + j] ^ q[qo + j];
                    s3 |= s2 & x;
                    s2 |= s1 & x;
                    s1 |= x;
                }
                return ~s3;
            }
            case 3 -> {
                long s4 = 0;
                for (int j = 0; j < 16; j++) {
                    long x = p[o + j] ^ q[qo + j];
                    s4 |= s3 & x;
                    s3 |= s2 & x;
                    s2 |= s1 & x;
                    s1 |= x;
                }
                return ~s4;
            }
            default -> {
                if (budget >= 16) {
                    return -1L;
                }
                // count differences in five bit planes c0..c4 (a ripple-carry adder per plane)
                long c0 = 0;
                long c1 = 0;
                long c2 = 0;
                long c3 = 0;
                long c4 = 0;
                for (int j = 0; j < 16; j++) {
                    long carry = p[o + j] ^ q[qo + j];
                    long t = c0 & carry;
                    c0 ^= carry;
                    carry = t;
                    t = c1 & carry;
                    c1 ^= carry;
                    carry = t;
                    t = c2 & carry;
                    c2 ^= carry;
                    carry = t;
                    t = c3 & carry;
                    c3 ^= carry;
                    c4 |= t;
                }
                // count > budget, compared from the high bit down
                long greater = 0;
                long equal = -1L;
                for (int i = 4; i >= 0; i--) {
                    long ci = i == 4 ? c4 : i == 3 ? c3 : i == 2 ? c2 : i == 1 ? c1 : c0;
                    if (((budget >>> i) & 1) == 0) {
                        greater |= equal & ci;
                        equal &= ~ci;
                    } else {
                        equal &= ci;
                    }
                }
                return ~greater;
            }
        }
    }

    /**
     * The first chunk whose probe keeps hash {@code b} of {@code words} for query {@code qb} of
     * {@code qw} (word offsets): chunk within its radius and pair within its bound; -1 if none. A
     * neighbour is reported only from this chunk, so once.
     */
    static int firstChunkKeeping(long[] words, int b, long[] qw, int qb, Plan plan) {
        for (int c = 0; c < CHUNKS; c++) {
            int dc = Integer.bitCount(chunk(words, b, c) ^ chunk(qw, qb, c));
            if (dc <= plan.radius()[c]
                    && dc + Integer.bitCount(chunk(words, b, c ^ 1) ^ chunk(qw, qb, c ^ 1)) <= plan.pairBound()[c >>> 1]) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The bounds for one threshold {@code r}: pair bounds {@code T_g} summing to {@code r - 7} and
     * chunk radii summing to {@code T_g - 1} within each pair ({@code -1}: not probed).
     */
    record Plan(int threshold, int[] pairBound, int[] radius, int probes, double survivorsPerEntry) {
        static Plan of(int r) {
            int spare = r - (PAIRS - 1);
            int base = Math.floorDiv(spare, PAIRS);
            int extra = spare - PAIRS * base;
            int[] pair = new int[PAIRS];
            int[] radius = new int[CHUNKS];
            int probes = 0;
            double survivors = 0;
            for (int g = 0; g < PAIRS; g++) {
                int t = Math.min(32, base + (g < extra ? 1 : 0));
                pair[g] = t;
                radius[2 * g] = Math.min(16, Math.floorDiv(t, 2));
                radius[2 * g + 1] = Math.min(16, t - 1 - Math.floorDiv(t, 2));
            }
            for (int c = 0; c < CHUNKS; c++) {
                for (int w = 0; w <= radius[c]; w++) {
                    int masks = WEIGHT_START[w + 1] - WEIGHT_START[w];
                    int budget = Math.min(16, pair[c >>> 1] - w);
                    probes += masks;
                    survivors += masks * (double) WEIGHT_START[budget + 1] / BUCKETS;
                }
            }
            return new Plan(r, pair, radius, probes, survivors);
        }

        /** Estimated nanoseconds to probe an index of {@code n} hashes. */
        double probeCost(int n) {
            double perBucket = (double) n / BUCKETS;
            return probes * (PROBE_NS + perBucket * SIBLING_NS) + survivorsPerEntry * perBucket * VERIFY_NS;
        }
    }

    /** One probing query: its scratch arrays and phases (see the design note). */
    private final class Probe {
        private final long q0;
        private final long q1;
        private final long q2;
        private final long q3;
        private final Plan plan;
        private final NeighbourSink sink;
        private final long[] qw;
        private final int[] qc = new int[CHUNKS];
        /** For chunk c, the query's sibling chunk as 16 planes at [16c, 16c + 16) (see queryPlanes). */
        private final long[] siblingPlanes = new long[16 * CHUNKS];
        /** Probes packed as budget << 16 | bucket; chunk c's at [chunkStart[c], chunkStart[c + 1]). */
        private final int[] probes;
        private final int[] chunkStart = new int[CHUNKS + 1];
        private final int[] from;
        private final int[] to;
        /** Survivors of the sibling test: chunk and position in its table, then id. */
        private int[] survivorChunk = new int[64];
        private int[] survivorPos = new int[64];
        private int[] survivorId = new int[64];
        private int survivors;
        /** Sum of the preloaded words, kept so that the loads are not dropped as dead code. */
        private long preloaded;

        Probe(PdqHash q, Plan plan, NeighbourSink sink) {
            this.q0 = q.w0();
            this.q1 = q.w1();
            this.q2 = q.w2();
            this.q3 = q.w3();
            this.qw = new long[] {q0, q1, q2, q3};
            this.plan = plan;
            this.sink = sink;
            for (int c = 0; c < CHUNKS; c++) {
                qc[c] = chunk(qw, 0, c);
            }
            for (int c = 0; c < CHUNKS; c++) {
                queryPlanes(qc[c ^ 1], siblingPlanes, 16 * c);
            }
            probes = new int[plan.probes()];
            int n = 0;
            for (int c = 0; c < CHUNKS; c++) {
                chunkStart[c] = n;
                int bound = plan.pairBound()[c >>> 1];
                for (int w = 0; w <= plan.radius()[c]; w++) {
                    int head = Math.min(16, bound - w) << 16;
                    for (int m = WEIGHT_START[w], end = WEIGHT_START[w + 1]; m < end; m++) {
                        probes[n++] = head | (qc[c] ^ MASKS[m]);
                    }
                }
            }
            chunkStart[CHUNKS] = n;
            int block = Math.min(BLOCK, probes.length);
            from = new int[block];
            to = new int[block];
        }

        void run() {
            for (int start = 0; start < probes.length; start += BLOCK) {
                int end = Math.min(probes.length, start + BLOCK);
                bucketBounds(start, end);
                preload(start, end);
                scanSiblings(start, end);
                verifySurvivors();
            }
            if (preloaded == 0x5DEE_CE66_DBAD_F00DL) {
                // never true in practice; makes the preloaded sum observable to the compiler
                Thread.onSpinWait();
            }
        }

        private void bucketBounds(int start, int end) {
            for (int c = 0; c < CHUNKS; c++) {
                int lo = Math.max(start, chunkStart[c]);
                int hi = Math.min(end, chunkStart[c + 1]);
                int[] off = offsets[c];
                for (int j = lo; j < hi; j++) {
                    int b = probes[j] & 0xFFFF;
                    from[j - start] = off[b];
                    to[j - start] = off[b + 1];
                }
            }
        }

        private void preload(int start, int end) {
            long sum = preloaded;
            int lines = preloadLines;
            for (int c = 0; c < CHUNKS; c++) {
                int lo = Math.max(start, chunkStart[c]);
                int hi = Math.min(end, chunkStart[c + 1]);
                long[] pl = planes[c];
                for (int j = lo; j < hi; j++) {
                    int o = (from[j - start] >>> 6) << 4;
                    for (int l = 0; l < lines; l++) {
                        sum += pl[o + l * LINE_LONGS];
                    }
                }
            }
            preloaded = sum;
        }

        private void scanSiblings(int start, int end) {
            for (int c = 0; c < CHUNKS; c++) {
                int lo = Math.max(start, chunkStart[c]);
                int hi = Math.min(end, chunkStart[c + 1]);
                long[] pl = planes[c];
                for (int j = lo; j < hi; j++) {
                    int first = from[j - start];
                    int past = to[j - start];
                    if (first == past) {
                        continue;
                    }
                    int budget = probes[j] >>> 16;
                    int lastBlock = (past - 1) >>> 6;
                    for (int b = first >>> 6; b <= lastBlock; b++) {
                        long pass = entriesWithin(pl, b << 4, siblingPlanes, 16 * c, budget)
                                & inBucket(b, first, past);
                        while (pass != 0) {
                            addSurvivor(c, (b << 6) + Long.numberOfTrailingZeros(pass));
                            pass &= pass - 1;
                        }
                    }
                }
            }
        }

        private void addSurvivor(int c, int k) {
            if (survivors == survivorPos.length) {
                int cap = survivors * 2;
                survivorChunk = Arrays.copyOf(survivorChunk, cap);
                survivorPos = Arrays.copyOf(survivorPos, cap);
                survivorId = Arrays.copyOf(survivorId, cap);
            }
            survivorChunk[survivors] = c;
            survivorPos[survivors++] = k;
        }

        private void verifySurvivors() {
            int n = survivors;
            for (int i = 0; i < n; i++) {
                survivorId[i] = ids[survivorChunk[i]][survivorPos[i]];
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
                int d = Long.bitCount(words[b] ^ q0) + Long.bitCount(words[b + 1] ^ q1)
                        + Long.bitCount(words[b + 2] ^ q2) + Long.bitCount(words[b + 3] ^ q3);
                if (d <= r && firstChunkKeeping(words, b, qw, 0, plan) == survivorChunk[i]) {
                    sink.accept(id, d);
                }
            }
            survivors = 0;
        }
    }
}
