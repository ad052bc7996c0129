package org.opencets.bench.media;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opencets.media.match.PdqIndex;
import org.opencets.media.pdq.PdqHash;

/**
 * PDQ matching at scale: an index of 10,000,000 hashes, 1,000,000 queries at threshold 31 on all
 * cores. Index hashes are uniform random; one query in ten is a near-copy (0..40 bits flipped) of an
 * indexed hash, so there are answers to find. Reports index build time and memory, queries per second
 * with the wall-clock and CPU time of the query threads, then times the previous index
 * ({@link LegacyPdqIndex}) and the current one on the same first {@code baseline} queries, one after
 * the other, for a ratio measured in one run, checks that both find the same answers there, and
 * checks a sample of queries against brute force. With {@code baseline} 0 the previous index is not
 * built, and the run fits in a 2 GB heap ({@code -Xmx2g}).
 *
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -Xmx6g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *     org.opencets.bench.media.PdqMatchBenchmark [index=10000000] [queries=1000000] [threshold=31] [seed] [baseline=100000]
 * </pre>
 */
public final class PdqMatchBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PdqMatchBenchmark() {
    }

    /** Something that answers one query by streaming neighbours. */
    @FunctionalInterface
    private interface Matcher {
        void query(PdqHash q, int threshold, PdqIndex.NeighbourSink sink);
    }

    /** One timed pass over queries: wall and CPU seconds, queries with a neighbour, neighbours. */
    private record Pass(int queries, int threads, double wall, double cpu, long matched, long found) {
        /** Sums the threads' parts, each {CPU nanoseconds, queries matched, neighbours found}, timed from start. */
        static Pass of(List<Future<long[]>> parts, int queries, int threads, long start) throws Exception {
            long cpu = 0;
            long matched = 0;
            long found = 0;
            for (Future<long[]> f : parts) {
                long[] part = f.get();
                cpu += part[0];
                matched += part[1];
                found += part[2];
            }
            return new Pass(queries, threads, (System.nanoTime() - start) / 1e9, cpu / 1e9, matched, found);
        }

        String describe() {
            return String.format(Locale.ROOT, "%,d queries in %.1f s wall, %.1f s CPU on %d threads: %,.0f queries/s, "
                            + "%.1f µs CPU a query, %.0f %% of the threads' cores; %,d queries matched, %,d neighbours",
                    queries, wall, cpu, threads, queries / wall, cpu * 1e6 / queries, 100 * cpu / (wall * threads),
                    matched, found);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int q = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int threshold = args.length > 2 ? Integer.parseInt(args[2]) : 31;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
        int baseline = Math.min(q, args.length > 4 ? Integer.parseInt(args[4]) : 100_000);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d MB max heap; index %,d, queries %,d, threshold %d, seed %d, "
                        + "baseline queries %,d%n",
                Runtime.version(), cores, Runtime.getRuntime().maxMemory() >> 20, n, q, threshold, seed, baseline);
        SplittableRandom r = new SplittableRandom(seed);
        long[] words = new long[4 * n];
        for (int i = 0; i < words.length; i++) {
            words[i] = r.nextLong();
        }
        PdqHash[] queries = new PdqHash[q];
        for (int i = 0; i < q; i++) {
            if (i % 10 == 0) {
                int id = r.nextInt(n);
                long[] w = {words[4 * id], words[4 * id + 1], words[4 * id + 2], words[4 * id + 3]};
                int flips = r.nextInt(41);
                for (int k = 0; k < flips; k++) {
                    int b = r.nextInt(256);
                    w[b >>> 6] ^= 1L << (b & 63);
                }
                queries[i] = PdqHash.ofWords(w);
            } else {
                queries[i] = new PdqHash(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
            }
        }
        System.gc();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        PdqIndex index = PdqIndex.ofWords(words, n);
        double build = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "build %.1f s; index arrays %.2f GB (hashes %.2f GB + tables %.2f GB); "
                        + "heap growth in build %.2f GB (plus the %.2f GB of hashes passed in)%n",
                build, index.memoryBytes() / 1e9, 32.0 * n / 1e9, (index.memoryBytes() - 32.0 * n) / 1e9,
                (heapAfter - heapBefore) / 1e9, 32.0 * n / 1e9);

        warmUp(index::query, queries, threshold);
        Pass all = run(index::query, queries, q, threshold, cores);
        System.out.println("index, one query at a time: " + all.describe());
        Pass batch = runBatches(index, queries, threshold, cores);
        System.out.println("index, queryAll in " + cores + " batches: " + batch.describe());
        System.out.printf(Locale.ROOT, "ratio single queries / batches: %.2fx wall, %.2fx CPU%n", all.wall() / batch.wall(),
                all.cpu() / batch.cpu());
        if (batch.found() != all.found() || batch.matched() != all.matched()) {
            throw new AssertionError("batch and single queries disagree (seed " + seed + ")");
        }

        if (baseline > 0) {
            compareWithPrevious(words, n, index, queries, baseline, threshold, cores, seed);
        }

        // brute-force check of a sample
        int sample = 50;
        long bf0 = System.nanoTime();
        for (int s = 0; s < sample; s++) {
            PdqHash query = queries[s * (q / sample)];
            long want = 0;
            for (int i = 0; i < n; i++) {
                int d = Long.bitCount(words[4 * i] ^ query.w0()) + Long.bitCount(words[4 * i + 1] ^ query.w1())
                        + Long.bitCount(words[4 * i + 2] ^ query.w2()) + Long.bitCount(words[4 * i + 3] ^ query.w3());
                if (d <= threshold) {
                    want++;
                }
            }
            long got = index.query(query, threshold).size();
            if (got != want) {
                throw new AssertionError("query " + s + ": index found " + got + ", brute force " + want + " (seed " + seed + ")");
            }
        }
        double bf = (System.nanoTime() - bf0) / 1e9 / sample;
        System.out.printf(Locale.ROOT, "brute force agrees on %d sampled queries; a brute-force query takes %.0f ms "
                + "(x%.0f the index's CPU time a query)%n", sample, bf * 1000, bf / (all.cpu() / q));
    }

    /** Times the previous index and the current one on the same first queries, one after the other. */
    private static void compareWithPrevious(long[] words, int n, PdqIndex index, PdqHash[] queries, int baseline,
                                            int threshold, int cores, long seed) throws Exception {
        long t0 = System.nanoTime();
        LegacyPdqIndex legacy = LegacyPdqIndex.ofWords(words, n);
        System.out.printf(Locale.ROOT, "previous index built in %.1f s, %.2f GB%n", (System.nanoTime() - t0) / 1e9,
                legacy.memoryBytes() / 1e9);
        Matcher previous = (query, th, sink) -> legacy.query(query, th, sink::accept);
        warmUp(previous, queries, threshold);
        Pass old = run(previous, queries, baseline, threshold, cores);
        Pass now = run(index::query, queries, baseline, threshold, cores);
        System.out.println("first " + baseline + " queries, previous index: " + old.describe());
        System.out.println("first " + baseline + " queries, index:          " + now.describe());
        if (old.found() != now.found() || old.matched() != now.matched()) {
            throw new AssertionError("previous and current index disagree on the first " + baseline + " queries (seed " + seed + ")");
        }
        System.out.printf(Locale.ROOT, "ratio previous / current on the same queries: %.2fx wall, %.2fx CPU%n",
                old.wall() / now.wall(), old.cpu() / now.cpu());
    }

    private static void warmUp(Matcher m, PdqHash[] queries, int threshold) {
        long[] hits = new long[1];
        for (int i = 0; i < Math.min(queries.length, 20_000); i++) {
            m.query(queries[i], threshold, (id, d) -> hits[0]++);
        }
    }

    private static Pass run(Matcher m, PdqHash[] queries, int count, int threshold, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t1 = System.nanoTime();
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) count * t / threads);
                int to = (int) ((long) count * (t + 1) / threads);
                parts.add(pool.submit(() -> {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    long f = 0;
                    long matched = 0;
                    int[] hits = new int[1];
                    for (int i = from; i < to; i++) {
                        hits[0] = 0;
                        m.query(queries[i], threshold, (id, d) -> hits[0]++);
                        f += hits[0];
                        matched += hits[0] > 0 ? 1 : 0;
                    }
                    return new long[] {THREADS.getCurrentThreadCpuTime() - cpu0, matched, f};
                }));
            }
            return Pass.of(parts, count, threads, t1);
        } finally {
            pool.shutdown();
        }
    }

    /** The queries split in one batch per thread, each answered by {@link PdqIndex#queryAll}. */
    private static Pass runBatches(PdqIndex index, PdqHash[] queries, int threshold, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t1 = System.nanoTime();
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) queries.length * t / threads);
                int to = (int) ((long) queries.length * (t + 1) / threads);
                parts.add(pool.submit(() -> {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    int[] hits = new int[to - from];
                    index.queryAll(Arrays.asList(queries).subList(from, to), threshold, (query, id, d) -> hits[query]++);
                    long f = 0;
                    long matched = 0;
                    for (int h : hits) {
                        f += h;
                        matched += h > 0 ? 1 : 0;
                    }
                    return new long[] {THREADS.getCurrentThreadCpuTime() - cpu0, matched, f};
                }));
            }
            return Pass.of(parts, queries.length, threads, t1);
        } finally {
            pool.shutdown();
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
