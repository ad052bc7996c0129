package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Learns the model without labels.
 *
 * <p>Design note. u probabilities come from random pairs: among pairs drawn at random almost none
 * match, so the level frequencies there estimate P(level | non-match) (Splink's
 * {@code estimate_u_using_random_sampling}). m probabilities and the share of matches among the
 * candidate pairs come from expectation–maximisation over the candidates' patterns with u held
 * fixed (Winkler 1988; Jaro 1989): the E step gives each pattern its posterior match probability,
 * the M step re-estimates m as the posterior-weighted level frequencies. Holding u fixed keeps the
 * two classes anchored: the non-match class is what random pairs look like, so EM cannot drift to
 * some other split of the candidates (such as "same town": letting u float does exactly that on
 * large data). The prior λ that two random records match is the expected number of matches among
 * candidates divided by all possible pairs; blocking is designed to keep nearly every match, so
 * the matches outside the candidates are negligible.
 */
final class ModelTraining {
    /** Pseudo-count added to every level, so a level never seen in a sample keeps a small probability. */
    private static final double PSEUDO_COUNT = 0.5;
    static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-8;

    private ModelTraining() {
    }

    record EmResult(double[][] m, double[] matchShareByRule, boolean[][] ignored, int iterations) {
    }

    /** u probabilities from {@code pairs} random comparable pairs, drawn with a fixed seed in fixed chunks. */
    static double[][] estimateU(RecordTable t, ComparisonVector v, int pairs, long seed, ExecutorService pool, int threads)
            throws InterruptedException {
        int chunks = 16; // fixed, so that the sample does not depend on the number of threads
        int per = (pairs + chunks - 1) / chunks;
        int left = t.link ? t.left() : t.size;
        List<Future<long[][]>> futures = new ArrayList<>();
        for (int k = 0; k < chunks; k++) {
            long chunkSeed = seed + 0x9E3779B97F4A7C15L * (k + 1);
            futures.add(pool.submit(() -> {
                long[][] counts = new long[v.size()][Comparison.MAX_LEVELS + 1];
                SplittableRandom random = new SplittableRandom(chunkSeed);
                for (int i = 0; i < per; i++) {
                    int a;
                    int b;
                    if (t.link) {
                        a = random.nextInt(left);
                        b = left + random.nextInt(t.size - left);
                    } else {
                        a = random.nextInt(t.size);
                        b = random.nextInt(t.size - 1);
                        if (b >= a) {
                            b++;
                        }
                    }
                    for (int c = 0; c < v.size(); c++) {
                        counts[c][v.comparisons[c].level(a, b)]++;
                    }
                }
                return counts;
            }));
        }
        long[][] total = new long[v.size()][Comparison.MAX_LEVELS + 1];
        for (Future<long[][]> f : futures) {
            try {
                long[][] c = f.get();
                for (int i = 0; i < total.length; i++) {
                    for (int l = 0; l < total[i].length; l++) {
                        total[i][l] += c[i][l];
                    }
                }
            } catch (ExecutionException e) {
                throw Blocking.propagate(e);
            }
        }
        double[][] u = new double[v.size()][];
        for (int c = 0; c < v.size(); c++) {
            int levels = v.comparisons[c].levelCount();
            u[c] = new double[levels];
            double n = 0;
            for (int l = 0; l < levels; l++) {
                n += total[c][l];
            }
            for (int l = 0; l < levels; l++) {
                u[c][l] = (total[c][l] + PSEUDO_COUNT) / (n + PSEUDO_COUNT * levels);
            }
        }
        return u;
    }

    /**
     * m probabilities and, per blocking rule, the share of matches among the pairs that rule
     * found; by EM over the distinct patterns of each rule's pairs with u held fixed.
     *
     * <p>Design note. The pairs a blocking rule finds agree on that rule's fields whether they
     * match or not, so those comparisons say nothing about match status within the rule's pairs,
     * while their other comparisons still look, among non-matches, like those of random pairs.
     * Each pair is therefore explained by the comparisons its rule did not force (Splink trains
     * one EM session per blocking rule on the same principle; here the sessions share one m and
     * run together). A comparison that every rule forces is used everywhere rather than nowhere.
     *
     * <p>Each rule's EM sees every pair its blocks hold, including pairs an earlier rule found
     * first: the pairs a rule finds first are biased (they are those earlier rules missed, so they
     * disagree on the earlier rules' fields more often than matches do).
     *
     * @param patterns per rule, the distinct patterns of all pairs its blocks hold
     * @param counts   per rule, how many pairs had each pattern
     * @param forced   per rule and comparison, whether the rule forces that comparison's agreement
     */
    static EmResult expectationMaximisation(ComparisonVector v, long[][] patterns, long[][] counts, boolean[][] forced,
                                           double[][] u) {
        int cs = v.size();
        int rules = patterns.length;
        boolean[][] ignore = new boolean[rules][cs];
        for (int c = 0; c < cs; c++) {
            boolean everywhere = rules > 0;
            for (int r = 0; r < rules; r++) {
                everywhere &= forced[r][c] || counts[r].length == 0;
            }
            for (int r = 0; r < rules; r++) {
                ignore[r][c] = forced[r][c] && !everywhere;
            }
        }
        double[][] m = new double[cs][];
        double[][] logRatio = new double[cs][];
        double[][] sums = new double[cs][];
        for (int c = 0; c < cs; c++) {
            int levels = v.comparisons[c].levelCount();
            m[c] = new double[levels];
            // Start: exact agreement likely among matches, the rest shared out.
            m[c][0] = 0.9;
            for (int l = 1; l < levels; l++) {
                m[c][l] = 0.1 / (levels - 1);
            }
            logRatio[c] = new double[levels];
            sums[c] = new double[levels];
        }
        double[] share = new double[rules];
        java.util.Arrays.fill(share, 0.5);
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            for (int c = 0; c < cs; c++) {
                for (int l = 0; l < m[c].length; l++) {
                    logRatio[c][l] = Math.log(Math.max(m[c][l], MatchModel.FLOOR) / Math.max(u[c][l], MatchModel.FLOOR));
                }
                java.util.Arrays.fill(sums[c], 0);
            }
            double change = 0;
            for (int r = 0; r < rules; r++) {
                double prior = Math.log(share[r] / (1 - share[r]));
                double matches = 0;
                double total = 0;
                long[] ps = patterns[r];
                long[] ns = counts[r];
                boolean[] skip = ignore[r];
                for (int i = 0; i < ps.length; i++) {
                    long p = ps[i];
                    double x = prior;
                    for (int c = 0; c < cs; c++) {
                        int l = ComparisonVector.level(p, c);
                        if (l != Comparison.NULL && !skip[c]) {
                            x += logRatio[c][l];
                        }
                    }
                    double weighted = ns[i] / (1 + Math.exp(-x));
                    matches += weighted;
                    total += ns[i];
                    for (int c = 0; c < cs; c++) {
                        int l = ComparisonVector.level(p, c);
                        if (l != Comparison.NULL && !skip[c]) {
                            sums[c][l] += weighted;
                        }
                    }
                }
                double next = total == 0 ? 0 : Math.min(1 - 1e-9, Math.max(1e-9, matches / total));
                change = Math.max(change, Math.abs(next - share[r]));
                share[r] = next;
            }
            for (int c = 0; c < cs; c++) {
                double n = 0;
                for (double x : sums[c]) {
                    n += x;
                }
                if (n < 1) {
                    continue; // no rule lets this comparison speak: keep the starting values
                }
                int levels = m[c].length;
                for (int l = 0; l < levels; l++) {
                    double next = (sums[c][l] + PSEUDO_COUNT) / (n + PSEUDO_COUNT * levels);
                    change = Math.max(change, Math.abs(next - m[c][l]));
                    m[c][l] = next;
                }
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return new EmResult(m, share, ignore, iteration);
    }

    /**
     * The expected number of matches among the candidate pairs (each counted once, under the rule
     * that found it first), from the trained m, the fixed u and that rule's match share.
     */
    static double expectedMatches(ComparisonVector v, EmResult em, long[][] firstPatterns, long[][] firstCounts, double[][] u) {
        int cs = v.size();
        double total = 0;
        for (int r = 0; r < firstPatterns.length; r++) {
            double share = em.matchShareByRule()[r];
            if (share <= 0) {
                continue;
            }
            double prior = Math.log(share / (1 - share));
            for (int i = 0; i < firstPatterns[r].length; i++) {
                long p = firstPatterns[r][i];
                double x = prior;
                for (int c = 0; c < cs; c++) {
                    int l = ComparisonVector.level(p, c);
                    if (l != Comparison.NULL && !em.ignored()[r][c]) {
                        x += Math.log(Math.max(em.m()[c][l], MatchModel.FLOOR) / Math.max(u[c][l], MatchModel.FLOOR));
                    }
                }
                total += firstCounts[r][i] / (1 + Math.exp(-x));
            }
        }
        return total;
    }
}
