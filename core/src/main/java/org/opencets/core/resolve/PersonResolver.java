package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Finds the same person across records: trains a Fellegi–Sunter model on the records themselves
 * (no labels), scores the candidate pairs that blocking proposes, and clusters the matches into
 * persons under investigators' judgements.
 *
 * <pre>{@code
 * Resolution r = PersonResolver.withDefaults().dedupe(records, judgements);
 * r.personOf("arrest-17");            // "person-4"
 * r.explain("arrest-17", "card-9");   // weights per attribute
 * }</pre>
 *
 * <p>A run is deterministic for given records, judgements and settings (the random sample is
 * seeded; parallel work is merged in a fixed order). Instances are immutable and thread-safe.
 */
public final class PersonResolver {
    private final ResolutionSettings settings;
    private final ChainGuardedClustering.Guard guard;

    public PersonResolver(ResolutionSettings settings) {
        this(settings, ChainGuardedClustering.Guard.AVERAGE_LINKAGE);
    }

    PersonResolver(ResolutionSettings settings, ChainGuardedClustering.Guard guard) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.guard = guard;
    }

    public static PersonResolver withDefaults() {
        return new PersonResolver(ResolutionSettings.defaults());
    }

    public ResolutionSettings settings() {
        return settings;
    }

    /** Finds the persons among one set of records. Record ids must be unique. */
    public Resolution dedupe(List<PersonRecord> records, Collection<Judgement> judgements) {
        return run(records, List.of(), false, judgements);
    }

    /**
     * Links two sets of records: only pairs with one record from each side are compared (each side
     * is taken to hold at most one record per person). Record ids must be unique across both sides.
     */
    public Resolution link(List<PersonRecord> left, List<PersonRecord> right, Collection<Judgement> judgements) {
        return run(left, right, true, judgements);
    }

    private Resolution run(List<PersonRecord> left, List<PersonRecord> right, boolean link, Collection<Judgement> judgements) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "person-resolution");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(left, right, link, judgements, pool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("person resolution interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Compares each candidate pair as blocking hands it over, and tallies the patterns for EM. */
    private static final class ComparingSink implements Blocking.PairSink {
        final ComparisonVector vector;
        final Blocking blocking;
        final PairBuffer pairs;
        /** Patterns of the pairs this rule found first. */
        final PatternCounts counts = new PatternCounts();
        /** Patterns of the pairs, per rule whose blocks hold them (each rule's full pair set, for EM). */
        final PatternCounts[] members;
        final int rule;

        ComparingSink(ComparisonVector vector, Blocking blocking, int rule, long expected) {
            this.vector = vector;
            this.blocking = blocking;
            this.rule = rule;
            this.pairs = new PairBuffer((int) Math.min(expected, 1 << 20));
            this.members = new PatternCounts[blocking.rules.size()];
        }

        @Override
        public void accept(int a, int b) {
            long p = vector.pattern(a, b);
            pairs.add(a, b, p);
            counts.add(p, 1);
            int mask = blocking.membership(a, b) | (1 << rule);
            while (mask != 0) {
                int q = Integer.numberOfTrailingZeros(mask);
                mask &= mask - 1;
                if (members[q] == null) {
                    members[q] = new PatternCounts();
                }
                members[q].add(p, 1);
            }
        }
    }

    private Resolution run(List<PersonRecord> left, List<PersonRecord> right, boolean link, Collection<Judgement> judgements,
                           ExecutorService pool) throws InterruptedException {
        long t0 = System.nanoTime();
        RecordTable table = RecordTable.of(left, right, link, pool);
        ComparisonVector vector = ComparisonVector.defaults(table);
        Blocking blocking = new Blocking(table, BlockingRule.defaults(table), settings.maxBlockSize());
        long t1 = System.nanoTime();

        double possible = table.possiblePairs();
        int randomPairs = possible < 1 ? 0 : (int) Math.min(settings.randomPairs(), Math.max(100_000, possible));
        double[][] u = ModelTraining.estimateU(table, vector, randomPairs, settings.seed(), pool, settings.threads());
        long t2 = System.nanoTime();

        List<ComparingSink> sinks = blocking.expand(pool, settings.threads(),
                (rule, expected) -> new ComparingSink(vector, blocking, rule, expected));
        int rules = blocking.rules.size();
        PatternCounts[] firstByRule = new PatternCounts[rules];
        PatternCounts[] fullByRule = new PatternCounts[rules];
        long candidates = 0;
        for (int r = 0; r < rules; r++) {
            firstByRule[r] = new PatternCounts();
            fullByRule[r] = new PatternCounts();
        }
        for (ComparingSink s : sinks) {
            firstByRule[s.rule].addAll(s.counts);
            for (int q = 0; q < rules; q++) {
                if (s.members[q] != null) {
                    fullByRule[q].addAll(s.members[q]);
                }
            }
            candidates += s.pairs.size;
        }
        long t3 = System.nanoTime();

        long[][] patterns = new long[rules][];
        long[][] counts = new long[rules][];
        long[][] firstPatterns = new long[rules][];
        long[][] firstCounts = new long[rules][];
        boolean[][] forced = new boolean[rules][];
        for (int r = 0; r < rules; r++) {
            long[][] full = fullByRule[r].toArrays();
            patterns[r] = full[0];
            counts[r] = full[1];
            long[][] first = firstByRule[r].toArrays();
            firstPatterns[r] = first[0];
            firstCounts[r] = first[1];
            forced[r] = vector.forcedBy(blocking.rules.get(r));
        }
        ModelTraining.EmResult em = ModelTraining.expectationMaximisation(vector, patterns, counts, forced, u);
        double expectedMatches = ModelTraining.expectedMatches(vector, em, firstPatterns, firstCounts, u);
        double candidateMatchShare = candidates == 0 ? 0 : expectedMatches / candidates;
        double lambda = possible < 1 ? 0.5 : Math.min(0.5, Math.max(1e-15, expectedMatches / possible));
        MatchModel model = new MatchModel(vector, em.m(), u, lambda);
        long t4 = System.nanoTime();

        double threshold = settings.thresholdWeight();
        List<Future<double[][]>> scored = new ArrayList<>();
        for (ComparingSink s : sinks) {
            scored.add(pool.submit(() -> above(s.pairs, model, threshold)));
        }
        int total = 0;
        List<double[][]> parts = new ArrayList<>();
        for (Future<double[][]> f : scored) {
            try {
                double[][] part = f.get();
                parts.add(part);
                total += part[0].length;
            } catch (ExecutionException e) {
                throw Blocking.propagate(e);
            }
        }
        sinks.clear();
        int[] first = new int[total];
        int[] second = new int[total];
        double[] weight = new double[total];
        int k = 0;
        for (double[][] part : parts) {
            for (int i = 0; i < part[0].length; i++) {
                first[k] = (int) part[0][i];
                second[k] = (int) part[1][i];
                weight[k] = part[2][i];
                k++;
            }
        }
        parts.clear();

        // Judgements: by record index; those naming records outside this run are ignored.
        Map<Long, Judgement.Verdict> judged = new HashMap<>();
        List<int[]> confirmed = new ArrayList<>();
        List<int[]> rejected = new ArrayList<>();
        int ignored = 0;
        for (Judgement j : judgements) {
            int a = table.indexOf(j.firstId());
            int b = table.indexOf(j.secondId());
            if (a < 0 || b < 0) {
                ignored++;
                continue;
            }
            judged.put(Resolution.pairKey(a, b), j.verdict());
            (j.verdict() == Judgement.Verdict.SAME_PERSON ? confirmed : rejected).add(new int[] {a, b});
        }
        // A pair judged twice keeps its last verdict.
        confirmed.removeIf(p -> judged.get(Resolution.pairKey(p[0], p[1])) != Judgement.Verdict.SAME_PERSON);
        rejected.removeIf(p -> judged.get(Resolution.pairKey(p[0], p[1])) != Judgement.Verdict.DIFFERENT_PERSONS);

        int kept = 0;
        for (int i = 0; i < total; i++) {
            if (judged.get(Resolution.pairKey(first[i], second[i])) != Judgement.Verdict.DIFFERENT_PERSONS) {
                first[kept] = first[i];
                second[kept] = second[i];
                weight[kept] = weight[i];
                kept++;
            }
        }
        first = Arrays.copyOf(first, kept);
        second = Arrays.copyOf(second, kept);
        weight = Arrays.copyOf(weight, kept);
        long t5 = System.nanoTime();

        int[] order = strongestFirst(weight);
        ChainGuardedClustering.Result clusters = ChainGuardedClustering.cluster(table.size, first, second, order,
                confirmed, rejected, model, threshold, guard);
        long t6 = System.nanoTime();

        Map<String, Long> perRule = new LinkedHashMap<>();
        Map<String, Integer> capped = new LinkedHashMap<>();
        for (int r = 0; r < blocking.rules.size(); r++) {
            perRule.put(blocking.rules.get(r).name, blocking.pairsPerRule[r]);
            capped.put(blocking.rules.get(r).name, blocking.cappedBlocksPerRule[r]);
        }
        ResolutionStats stats = new ResolutionStats(table.size, vector.size(), candidates, perRule, capped, randomPairs,
                em.iterations(), candidateMatchShare, lambda, settings.thresholdProbability(), total,
                clusters.clusters(), clusters.refusedByGuard(), clusters.refusedByJudgement(),
                clusters.judgementConflicts(), ignored, t1 - t0, (t2 - t1) + (t4 - t3), t3 - t2, t5 - t4, t6 - t5);
        return new Resolution(table, model, blocking, clusters.cluster(), clusters.clusters(), first, second, weight,
                confirmed, judged, stats);
    }

    private static double[][] above(PairBuffer pairs, MatchModel model, double threshold) {
        int n = 0;
        double[] w = new double[pairs.size];
        for (int i = 0; i < pairs.size; i++) {
            w[i] = model.score(pairs.pattern[i], pairs.first[i], pairs.second[i]);
            if (w[i] >= threshold) {
                n++;
            }
        }
        double[][] out = new double[3][n];
        int k = 0;
        for (int i = 0; i < pairs.size; i++) {
            if (w[i] >= threshold) {
                out[0][k] = pairs.first[i];
                out[1][k] = pairs.second[i];
                out[2][k] = w[i];
                k++;
            }
        }
        return out;
    }

    /** Indexes of the weights, strongest first, ties in index order (one primitive sort of packed keys). */
    static int[] strongestFirst(double[] weight) {
        long[] keys = new long[weight.length];
        for (int i = 0; i < weight.length; i++) {
            int bits = Float.floatToIntBits((float) -weight[i]);
            bits ^= (bits >> 31) & 0x7fffffff;
            keys[i] = ((long) bits << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[weight.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }
}
