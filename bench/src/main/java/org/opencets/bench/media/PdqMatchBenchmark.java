package org.opencets.bench.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.opencets.media.match.PdqIndex;
import org.opencets.media.pdq.PdqHash;

/**
 * PDQ matching at scale: an index of 10,000,000 hashes, 1,000,000 queries at threshold 31 on all
 * cores. Index hashes are uniform random; one query in ten is a planted near-copy (0..40 bits
 * flipped) of an indexed hash, so there are answers to find. Reports index build time and memory,
 * queries per second, and checks a sample of queries against brute force.
 *
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -Xmx6g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *     org.opencets.bench.media.PdqMatchBenchmark [index=10000000] [queries=1000000] [threshold=31] [seed]
 * </pre>
 */
public final class PdqMatchBenchmark {
    private PdqMatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int q = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int threshold = args.length > 2 ? Integer.parseInt(args[2]) : 31;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d MB max heap; index %,d, queries %,d, threshold %d, seed %d%n",
                Runtime.version(), cores, Runtime.getRuntime().maxMemory() >> 20, n, q, threshold, seed);
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
        System.out.printf(Locale.ROOT, "build %.1f s; index arrays %.2f GB (hashes %.2f GB + tables %.2f GB); heap growth in build %.2f GB%n",
                build, index.memoryBytes() / 1e9, 32.0 * n / 1e9, (index.memoryBytes() - 32.0 * n) / 1e9,
                (heapAfter - heapBefore) / 1e9);

        // warm-up
        AtomicLong warm = new AtomicLong();
        for (int i = 0; i < Math.min(q, 20_000); i++) {
            index.query(queries[i], threshold, (id, d) -> warm.incrementAndGet());
        }
        AtomicLong found = new AtomicLong();
        AtomicLong queriesWithMatch = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        long t1 = System.nanoTime();
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < cores; t++) {
            int from = (int) ((long) q * t / cores);
            int to = (int) ((long) q * (t + 1) / cores);
            parts.add(pool.submit(() -> {
                long f = 0;
                long m = 0;
                int[] hits = new int[1];
                for (int i = from; i < to; i++) {
                    hits[0] = 0;
                    index.query(queries[i], threshold, (id, d) -> hits[0]++);
                    f += hits[0];
                    m += hits[0] > 0 ? 1 : 0;
                }
                found.addAndGet(f);
                queriesWithMatch.addAndGet(m);
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        double secs = (System.nanoTime() - t1) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%,d queries in %.1f s on %d threads: %,.0f queries/s (%.3f ms a query a thread); "
                        + "%,d queries matched, %,d neighbours%n",
                q, secs, cores, q / secs, secs * cores * 1000 / q, queriesWithMatch.get(), found.get());

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
        System.out.printf(Locale.ROOT, "brute force agrees on %d sampled queries; a brute-force query takes %.0f ms (x%.0f the index)%n",
                sample, bf * 1000, bf / (secs * cores / q));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
