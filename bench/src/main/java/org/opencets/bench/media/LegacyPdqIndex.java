package org.opencets.bench.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.opencets.media.pdq.PdqHash;

/**
 * The baseline for {@link PdqMatchBenchmark}: the media module's {@code PdqIndex} as it was before
 * its probing was rebuilt (commit 96c9c83), kept unchanged so that the benchmark can time the old
 * and the new index on the same queries in one run. Not used by the application.
 *
 * <p>Original description: an immutable index of PDQ hashes answering radius queries exactly: every indexed hash within
 * Hamming distance {@code r} of the query, and nothing else. Ids are positions in the input.
 *
 * <h2>Design note: two-level multi-index hashing</h2>
 * Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index Hashing" (CVPR 2012):
 * cut the 256 bits into disjoint chunks; if two hashes are within {@code r}, then by pigeonhole at
 * least one of {@code m} chunks differs in at most {@code floor(r / m)} bits, so probing each chunk's
 * table at that small radius finds every neighbour.
 *
 * <p>Here the bits are cut into 16 chunks of 16 bits, grouped in 8 pairs (32 bits). Two levels of
 * pigeonhole: if {@code d(q, x) <= r}, some pair differs in at most {@code p = floor(r / 8)} bits;
 * within that pair, one of its two chunks differs in at most {@code h = floor(p / 2)}. At the usual
 * threshold 31, {@code p = 3} and {@code h = 1}: each query probes 16 chunks x 17 buckets of a
 * 65,536-bucket table. Each table stores, beside the id, the entry's sibling chunk (16 bits) inline,
 * so a candidate is tested against the pair bound {@code d(chunk) + d(sibling) <= p} from the bucket
 * itself, sequentially, without touching the full hash; only the few survivors (a random 16-bit
 * sibling passes with probability 137 / 65,536 at p = 3) read the 32-byte hash to be verified.
 * Memory: 32 bytes a hash plus 16 x 6 bytes of tables, about 128 bytes a hash (1.3 GB for ten
 * million). The sibling chunks are packed four to a long and tested four at a time with a SWAR bit
 * count (Warren, Hacker's Delight, 5-1), the scan being the hot loop. A neighbour can be reached
 * through several chunks; it is reported only from the first chunk (in order) that satisfies both
 * bounds, so answers have no duplicates without a hash set.
 *
 * <p>Above radius 79 ({@code h >= 5}) the probes outnumber a linear scan and the index scans instead.
 *
 * <p>Thread-safe: immutable after construction; queries allocate only their result.
 */
final class LegacyPdqIndex {
    private static final int CHUNKS = 16;
    private static final int BUCKETS = 1 << 16;
    private static final int MAX_PROBE_RADIUS = 4;
    /** masks[h] = all 16-bit values with exactly h bits set. */
    private static final int[][] MASKS = masksByWeight();

    private final int size;
    private final long[] words; // 4 per hash, hash i at [4i, 4i+4)
    private final int[][] offsets = new int[CHUNKS][];
    private final int[][] ids = new int[CHUNKS][];
    /** Sibling chunks, four 16-bit lanes a long: entry k of a table is lane k % 4 of long k / 4. */
    private final long[][] siblings = new long[CHUNKS][];

    /** A hash found within the radius: its id (position in the input) and distance. */
    public record Neighbour(int id, int distance) {
    }

    private LegacyPdqIndex(long[] words, int size) {
        this.words = words;
        this.size = size;
        IntStream.range(0, CHUNKS).parallel().forEach(this::buildChunk);
    }

    /** Indexes hashes given as words, 4 per hash ({@link PdqHash#word} order); the array is kept, not copied. */
    static LegacyPdqIndex ofWords(long[] words, int count) {
        if (words.length < 4L * count) {
            throw new IllegalArgumentException(count + " hashes need " + 4L * count + " words, got " + words.length);
        }
        return new LegacyPdqIndex(words, count);
    }

    /** Indexes the hashes; ids are their positions in iteration order. */
    static LegacyPdqIndex build(Collection<PdqHash> hashes) {
        long[] w = new long[hashes.size() * 4];
        int i = 0;
        for (PdqHash h : hashes) {
            w[i++] = h.w0();
            w[i++] = h.w1();
            w[i++] = h.w2();
            w[i++] = h.w3();
        }
        return new LegacyPdqIndex(w, hashes.size());
    }

    private static int chunk(long[] w, int base, int c) {
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
        int[] fill = java.util.Arrays.copyOf(off, BUCKETS);
        int[] idArr = new int[size];
        long[] sib = new long[(size + 3) / 4];
        int s = c ^ 1;
        for (int i = 0; i < size; i++) {
            int pos = fill[chunk(words, 4 * i, c)]++;
            idArr[pos] = i;
            sib[pos >>> 2] |= (long) chunk(words, 4 * i, s) << ((pos & 3) << 4);
        }
        offsets[c] = off;
        ids[c] = idArr;
        siblings[c] = sib;
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
        return 8L * words.length + CHUNKS * (4L * (BUCKETS + 1) + 4L * size + 8L * ((size + 3) / 4));
    }

    /** Every indexed hash within {@code threshold} of {@code q}, by distance then id. */
    public List<Neighbour> query(PdqHash q, int threshold) {
        List<Neighbour> out = new ArrayList<>();
        query(q, threshold, (id, d) -> out.add(new Neighbour(id, d)));
        out.sort(Comparator.comparingInt(Neighbour::distance).thenComparingInt(Neighbour::id));
        return out;
    }

    /** Receives neighbours as they are found. */
    @FunctionalInterface
    public interface NeighbourSink {
        void accept(int id, int distance);
    }

    /** Streams every indexed hash within {@code threshold} of {@code q} to {@code sink}, each once, in no set order. */
    public void query(PdqHash q, int threshold, NeighbourSink sink) {
        if (threshold < 0) {
            return;
        }
        long q0 = q.w0();
        long q1 = q.w1();
        long q2 = q.w2();
        long q3 = q.w3();
        int pairRadius = Math.min(threshold, 255) / 8;
        int chunkRadius = pairRadius / 2;
        if (chunkRadius > MAX_PROBE_RADIUS) {
            scan(q0, q1, q2, q3, threshold, sink);
            return;
        }
        long[] qw = {q0, q1, q2, q3};
        int[] qc = new int[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            qc[c] = chunk(qw, 0, c);
        }
        for (int c = 0; c < CHUNKS; c++) {
            int qv = qc[c];
            int qs = qc[c ^ 1];
            int[] off = offsets[c];
            int[] idArr = ids[c];
            long[] sib = siblings[c];
            long qs4 = (qs & 0xFFFFL) * 0x0001_0001_0001_0001L;
            for (int h = 0; h <= chunkRadius; h++) {
                int budget = pairRadius - h;
                // lane high bit set by adding this iff the lane's bit count exceeds the budget
                long over = (0x7FFFL - budget) * 0x0001_0001_0001_0001L;
                for (int mask : MASKS[h]) {
                    int bucket = qv ^ mask;
                    int from = off[bucket];
                    int to = off[bucket + 1];
                    for (int g = from >>> 2, last = (to - 1) >>> 2; from < to && g <= last; g++) {
                        // SWAR: the bit counts of four 16-bit lanes at once (Hacker's Delight 5-1)
                        long x = sib[g] ^ qs4;
                        x = x - ((x >>> 1) & 0x5555_5555_5555_5555L);
                        x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
                        x = (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
                        x = (x + (x >>> 8)) & 0x00FF_00FF_00FF_00FFL;
                        long pass = ~(x + over) & 0x8000_8000_8000_8000L;
                        if (pass == 0) {
                            continue;
                        }
                        for (int lane = 0; lane < 4; lane++) {
                            int k = (g << 2) + lane;
                            if ((pass & (0x8000L << (lane << 4))) == 0 || k < from || k >= to) {
                                continue;
                            }
                            int id = idArr[k];
                            int b = 4 * id;
                            int d = Long.bitCount(words[b] ^ q0) + Long.bitCount(words[b + 1] ^ q1)
                                    + Long.bitCount(words[b + 2] ^ q2) + Long.bitCount(words[b + 3] ^ q3);
                            if (d <= threshold && firstChunkFinding(b, qc, pairRadius, chunkRadius) == c) {
                                sink.accept(id, d);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The first chunk whose probe finds entry {@code b}: its distance is at most h and its pair's at most p. */
    private int firstChunkFinding(int b, int[] qc, int pairRadius, int chunkRadius) {
        for (int c = 0; c < CHUNKS; c++) {
            int dc = Integer.bitCount(chunk(words, b, c) ^ qc[c]);
            if (dc <= chunkRadius && dc + Integer.bitCount(chunk(words, b, c ^ 1) ^ qc[c ^ 1]) <= pairRadius) {
                return c;
            }
        }
        return -1;
    }

    private void scan(long q0, long q1, long q2, long q3, int threshold, NeighbourSink sink) {
        for (int i = 0; i < size; i++) {
            int b = 4 * i;
            int d = Long.bitCount(words[b] ^ q0) + Long.bitCount(words[b + 1] ^ q1)
                    + Long.bitCount(words[b + 2] ^ q2) + Long.bitCount(words[b + 3] ^ q3);
            if (d <= threshold) {
                sink.accept(i, d);
            }
        }
    }

    private static int[][] masksByWeight() {
        int[][] out = new int[MAX_PROBE_RADIUS + 1][];
        int[] counts = new int[MAX_PROBE_RADIUS + 1];
        for (int v = 0; v < BUCKETS; v++) {
            int w = Integer.bitCount(v);
            if (w <= MAX_PROBE_RADIUS) {
                counts[w]++;
            }
        }
        for (int w = 0; w <= MAX_PROBE_RADIUS; w++) {
            out[w] = new int[counts[w]];
            counts[w] = 0;
        }
        for (int v = 0; v < BUCKETS; v++) {
            int w = Integer.bitCount(v);
            if (w <= MAX_PROBE_RADIUS) {
                out[w][counts[w]++] = v;
            }
        }
        return out;
    }
}
