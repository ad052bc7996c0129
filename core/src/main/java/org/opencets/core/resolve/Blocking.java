package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Candidate pairs: the union of several blocking rules, each pair compared once.
 *
 * <p>Design note. Every rule's keys are kept per record (a CSR layout: {@code keys[rule]} flat,
 * {@code start[rule][record]} offsets). A pair found by rule r is skipped when an earlier rule
 * already put both records in one (uncapped) block; that makes the union exact without a set of
 * pairs in memory, the approach Splink takes with its ordered blocking rules. A block larger than
 * the cap is not expanded (its s²/2 pairs would dominate the run) and is counted in the report;
 * the records in it still meet through the other rules. Blocks are expanded in parallel in chunks
 * of similar pair counts; chunk results are concatenated in a fixed order, so a run is
 * deterministic whatever the thread timing.
 */
final class Blocking {
    /** Receives the pairs of one chunk; one instance per chunk. */
    interface PairSink {
        void accept(int a, int b);
    }

    interface SinkFactory<S extends PairSink> {
        S create(int rule, long expectedPairs);
    }

    final RecordTable table;
    final List<BlockingRule> rules;
    final int cap;
    private final long[][] keys;
    private final int[][] start;
    private final boolean[][] capped;
    final long[] pairsPerRule;
    final int[] cappedBlocksPerRule;
    final long[] recordsInCappedBlocksPerRule;

    Blocking(RecordTable table, List<BlockingRule> rules, int cap) {
        if (rules.size() > 31) {
            throw new IllegalArgumentException("at most 31 blocking rules");
        }
        this.table = table;
        this.rules = List.copyOf(rules);
        this.cap = cap;
        int r = rules.size();
        keys = new long[r][];
        start = new int[r][];
        capped = new boolean[r][];
        pairsPerRule = new long[r];
        cappedBlocksPerRule = new int[r];
        recordsInCappedBlocksPerRule = new long[r];
        for (int i = 0; i < r; i++) {
            buildKeys(i);
        }
    }

    private void buildKeys(int r) {
        BlockingRule rule = rules.get(r);
        int n = table.size;
        long[] out = new long[Math.max(1, rule.maxKeys(table))];
        int[] s = new int[n + 1];
        long[] k = new long[n];
        int e = 0;
        for (int i = 0; i < n; i++) {
            s[i] = e;
            int m = rule.keys(table, i, out);
            if (e + m > k.length) {
                k = Arrays.copyOf(k, Math.max(k.length * 2, e + m));
            }
            System.arraycopy(out, 0, k, e, m);
            e += m;
        }
        s[n] = e;
        keys[r] = e == k.length ? k : Arrays.copyOf(k, e);
        start[r] = s;
        capped[r] = new boolean[e];
    }

    /** The blocks of one rule: {@code members[blockStart[b] .. blockStart[b+1])} are record indexes. */
    private record Blocks(int[] blockStart, int[] members, long[] keyOf) {
        int count() {
            return blockStart.length - 1;
        }

        int size(int b) {
            return blockStart[b + 1] - blockStart[b];
        }
    }

    private Blocks blocksOf(int r) {
        long[] k = keys[r];
        int[] s = start[r];
        int e = k.length;
        long[] sorted = k.clone();
        Arrays.parallelSort(sorted);
        int unique = 0;
        for (int i = 0; i < e; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[unique++] = sorted[i];
            }
        }
        int[] entryBlock = new int[e];
        int[] blockStart = new int[unique + 1];
        for (int i = 0; i < e; i++) {
            int b = Arrays.binarySearch(sorted, 0, unique, k[i]);
            entryBlock[i] = b;
            blockStart[b + 1]++;
        }
        for (int b = 0; b < unique; b++) {
            blockStart[b + 1] += blockStart[b];
        }
        int[] fill = Arrays.copyOf(blockStart, unique);
        int[] members = new int[e];
        int record = 0;
        for (int i = 0; i < e; i++) {
            while (s[record + 1] <= i) {
                record++;
            }
            members[fill[entryBlock[i]]++] = record;
        }
        for (int i = 0; i < e; i++) {
            int b = entryBlock[i];
            if (blockStart[b + 1] - blockStart[b] > cap) {
                capped[r][i] = true;
            }
        }
        for (int b = 0; b < unique; b++) {
            int size = blockStart[b + 1] - blockStart[b];
            if (size > cap) {
                cappedBlocksPerRule[r]++;
                recordsInCappedBlocksPerRule[r] += size;
            }
        }
        return new Blocks(blockStart, members, Arrays.copyOf(sorted, unique));
    }

    /** True when an uncapped block of some rule before {@code rule} holds both records. */
    boolean together(int rule, int a, int b) {
        for (int q = 0; q < rule; q++) {
            long[] k = keys[q];
            int[] s = start[q];
            boolean[] c = capped[q];
            for (int ea = s[a]; ea < s[a + 1]; ea++) {
                if (c[ea]) {
                    continue;
                }
                for (int eb = s[b]; eb < s[b + 1]; eb++) {
                    if (k[eb] == k[ea]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Bit r set when rule r's uncapped blocks hold both records (the rules whose full pair sets contain the pair). */
    int membership(int a, int b) {
        int mask = 0;
        for (int q = 0; q < rules.size(); q++) {
            long[] k = keys[q];
            int[] s = start[q];
            boolean[] c = capped[q];
            search:
            for (int ea = s[a]; ea < s[a + 1]; ea++) {
                if (c[ea]) {
                    continue;
                }
                for (int eb = s[b]; eb < s[b + 1]; eb++) {
                    if (k[eb] == k[ea]) {
                        mask |= 1 << q;
                        break search;
                    }
                }
            }
        }
        return mask;
    }

    /** True when some rule made (a, b) a candidate pair. */
    boolean candidate(int a, int b) {
        return table.comparable(a, b) && together(rules.size(), a, b);
    }

    /**
     * Expands every rule's blocks and hands each candidate pair, exactly once, to a sink. Returns
     * the sinks in a deterministic order.
     */
    <S extends PairSink> List<S> expand(ExecutorService pool, int threads, SinkFactory<S> factory)
            throws InterruptedException {
        List<S> all = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            Blocks blocks = blocksOf(r);
            int[] order = new int[blocks.count()];
            long[] weight = new long[blocks.count()];
            int n = 0;
            long total = 0;
            for (int b = 0; b < blocks.count(); b++) {
                long size = blocks.size(b);
                if (size >= 2 && size <= cap) {
                    order[n] = b;
                    weight[n] = size * (size - 1) / 2;
                    total += weight[n];
                    n++;
                }
            }
            long perChunk = Math.max(20_000, total / (threads * 8L) + 1);
            List<int[]> chunks = new ArrayList<>();
            int from = 0;
            long acc = 0;
            for (int i = 0; i < n; i++) {
                acc += weight[i];
                if (acc >= perChunk || i == n - 1) {
                    chunks.add(new int[] {from, i + 1});
                    from = i + 1;
                    acc = 0;
                }
            }
            final int rule = r;
            final boolean multiKey = rules.get(r).maxKeys(table) > 1;
            final long[] blockKey = blocks.keyOf();
            List<Future<Chunk<S>>> futures = new ArrayList<>();
            for (int[] chunk : chunks) {
                long expected = 0;
                for (int i = chunk[0]; i < chunk[1]; i++) {
                    expected += weight[i];
                }
                long expectedPairs = expected;
                futures.add(pool.submit(() -> {
                    S sink = factory.create(rule, expectedPairs);
                    long emitted = 0;
                    int[] m = blocks.members();
                    for (int i = chunk[0]; i < chunk[1]; i++) {
                        int b = order[i];
                        int lo = blocks.blockStart()[b];
                        int hi = blocks.blockStart()[b + 1];
                        for (int x = lo; x < hi; x++) {
                            int a = m[x];
                            for (int y = x + 1; y < hi; y++) {
                                int c = m[y];
                                if (table.comparable(a, c) && !together(rule, a, c)
                                        && (!multiKey || firstSharedKey(rule, a, c) == blockKey[b])) {
                                    sink.accept(a, c);
                                    emitted++;
                                }
                            }
                        }
                    }
                    return new Chunk<>(sink, emitted);
                }));
            }
            for (Future<Chunk<S>> f : futures) {
                try {
                    Chunk<S> chunk = f.get();
                    all.add(chunk.sink());
                    pairsPerRule[r] += chunk.pairs();
                } catch (ExecutionException e) {
                    throw propagate(e);
                }
            }
        }
        return all;
    }

    private record Chunk<S>(S sink, long pairs) {
    }

    /** The smallest uncapped key of a multi-key rule that both records hold (a pair sharing two identifiers is emitted once). */
    private long firstSharedKey(int r, int a, int b) {
        long best = Long.MAX_VALUE;
        boolean found = false;
        for (int ea = start[r][a]; ea < start[r][a + 1]; ea++) {
            if (capped[r][ea]) {
                continue;
            }
            for (int eb = start[r][b]; eb < start[r][b + 1]; eb++) {
                if (keys[r][eb] == keys[r][ea] && (!found || Long.compareUnsigned(keys[r][ea], best) < 0)) {
                    best = keys[r][ea];
                    found = true;
                }
            }
        }
        return best;
    }

    static RuntimeException propagate(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
