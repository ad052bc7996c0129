package org.opencets.core.resolve;

/**
 * The trained Fellegi–Sunter model of one run.
 *
 * <p>Design note. Fellegi and Sunter (1969): for a pair with comparison pattern γ, the evidence for
 * a match is the likelihood ratio P(γ | match) / P(γ | non-match). Assuming the comparisons
 * independent given the match status, its logarithm is a sum over comparisons of
 * {@code log2(m[c][l] / u[c][l])}, where m is the probability of level l among matches and u among
 * non-matches: the "match weight" each attribute contributes, in bits. Adding the prior log-odds
 * {@code log2(λ / (1 - λ))}, with λ the probability that two random records match, gives the
 * posterior log-odds; {@code p = 1 / (1 + 2^-w)}. A missing value contributes 0.
 *
 * <p>Term frequencies (Winkler 1988's frequency-based matching; Splink's term-frequency
 * adjustment): for exact agreement on a value v, u is replaced by the share of records holding v,
 * so agreeing on a surname one record in two thousand holds weighs more than agreeing on one every
 * fiftieth record holds.
 */
final class MatchModel implements ChainGuardedClustering.PairScorer {
    /** No u or m probability goes below this, so no single comparison yields infinite evidence. */
    static final double FLOOR = 1e-9;

    final ComparisonVector vector;
    final double[][] m;
    final double[][] u;
    /** Probability that two random comparable records match. */
    final double lambda;
    final double priorWeight;
    private final double[][] levelWeight;
    private final double[][] exactWeightByValue;

    MatchModel(ComparisonVector vector, double[][] m, double[][] u, double lambda) {
        this.vector = vector;
        this.m = m;
        this.u = u;
        this.lambda = lambda;
        this.priorWeight = log2(lambda / (1 - lambda));
        Comparison[] cs = vector.comparisons;
        levelWeight = new double[cs.length][];
        exactWeightByValue = new double[cs.length][];
        for (int c = 0; c < cs.length; c++) {
            levelWeight[c] = new double[m[c].length];
            for (int l = 0; l < m[c].length; l++) {
                levelWeight[c][l] = log2(Math.max(m[c][l], FLOOR) / Math.max(u[c][l], FLOOR));
            }
            if (cs[c] instanceof AttributeComparison ac) {
                Column col = ac.own;
                double[] w = new double[col.count.length];
                for (int v = 0; v < w.length; v++) {
                    double tf = col.count[v] == 0 ? u[c][0] : (double) col.count[v] / col.present;
                    w[v] = log2(Math.max(m[c][0], FLOOR) / Math.max(tf, FLOOR));
                }
                exactWeightByValue[c] = w;
            }
        }
    }

    static double log2(double x) {
        return Math.log(x) * 1.4426950408889634;
    }

    /** The weight comparison c contributes for a pair at the given level (0 when NULL). */
    double weight(int c, int level, int a, int b) {
        if (level == Comparison.NULL) {
            return 0;
        }
        if (level == 0) {
            double[] byValue = exactWeightByValue[c];
            if (byValue != null) {
                return byValue[((AttributeComparison) vector.comparisons[c]).own.valueOf[a]];
            }
            double tf = vector.comparisons[c].termFrequency(a, b);
            return log2(Math.max(m[c][0], FLOOR) / Math.max(tf, FLOOR));
        }
        return levelWeight[c][level];
    }

    /** The average weight of a level, without term frequencies (what the model learned). */
    double levelWeight(int c, int level) {
        return level == Comparison.NULL ? 0 : levelWeight[c][level];
    }

    /** Posterior log-odds in bits of the pair (a, b) with the given pattern. */
    double score(long pattern, int a, int b) {
        double w = priorWeight;
        int n = vector.comparisons.length;
        for (int c = 0; c < n; c++) {
            w += weight(c, ComparisonVector.level(pattern, c), a, b);
        }
        return w;
    }

    @Override
    public double score(int a, int b) {
        return score(vector.pattern(a, b), a, b);
    }

    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }
}
