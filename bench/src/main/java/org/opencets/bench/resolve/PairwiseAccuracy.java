package org.opencets.bench.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of predicted persons against the truth, counted from the
 * contingency table of (predicted person, true person) without listing pairs, so that it works at a
 * million records. For a link task only pairs with one record on each side count.
 *
 * @param truePairs      pairs that are one person
 * @param predictedPairs pairs the clusters put together
 * @param correctPairs   pairs both
 */
public record PairwiseAccuracy(long truePairs, long predictedPairs, long correctPairs) {
    public double precision() {
        return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "precision %.5f  recall %.5f  F1 %.5f  (true pairs %,d, predicted %,d, correct %,d)",
                precision(), recall(), f1(), truePairs, predictedPairs, correctPairs);
    }

    /**
     * @param predicted predicted person per record
     * @param truth     true person per record
     * @param side      0 or 1 per record for a link task (only cross pairs count), or null for deduplication
     */
    public static PairwiseAccuracy of(List<String> predicted, List<String> truth, byte[] side) {
        Map<String, long[]> byPredicted = new HashMap<>();
        Map<String, long[]> byTruth = new HashMap<>();
        Map<String, long[]> byBoth = new HashMap<>();
        for (int i = 0; i < predicted.size(); i++) {
            int s = side == null ? 0 : side[i];
            byPredicted.computeIfAbsent(predicted.get(i), k -> new long[2])[s]++;
            byTruth.computeIfAbsent(truth.get(i), k -> new long[2])[s]++;
            byBoth.computeIfAbsent(predicted.get(i) + "\u0000" + truth.get(i), k -> new long[2])[s]++;
        }
        return new PairwiseAccuracy(pairs(byTruth, side != null), pairs(byPredicted, side != null), pairs(byBoth, side != null));
    }

    private static long pairs(Map<String, long[]> groups, boolean link) {
        long n = 0;
        for (long[] c : groups.values()) {
            n += link ? c[0] * c[1] : c[0] * (c[0] - 1) / 2;
        }
        return n;
    }
}
