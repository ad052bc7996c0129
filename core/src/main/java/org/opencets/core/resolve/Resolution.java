package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one run: which person each record belongs to, the matched pairs with their
 * scores, an explanation for any pair, and what the run did.
 */
public final class Resolution {
    private final RecordTable table;
    private final MatchModel model;
    private final Blocking blocking;
    private final int[] cluster;
    private final int clusters;
    private final int[] matchFirst;
    private final int[] matchSecond;
    private final double[] matchWeight;
    private final List<int[]> confirmed;
    private final Map<Long, Judgement.Verdict> judged;
    private final ResolutionStats stats;

    Resolution(RecordTable table, MatchModel model, Blocking blocking, int[] cluster, int clusters, int[] matchFirst,
               int[] matchSecond, double[] matchWeight, List<int[]> confirmed, Map<Long, Judgement.Verdict> judged,
               ResolutionStats stats) {
        this.table = table;
        this.model = model;
        this.blocking = blocking;
        this.cluster = cluster;
        this.clusters = clusters;
        this.matchFirst = matchFirst;
        this.matchSecond = matchSecond;
        this.matchWeight = matchWeight;
        this.confirmed = confirmed;
        this.judged = judged;
        this.stats = stats;
    }

    static long pairKey(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    /** Record ids in input order (left before right for a link). */
    public List<String> recordIds() {
        return Collections.unmodifiableList(java.util.Arrays.asList(table.ids));
    }

    /** The person id of a record: {@code person-N}, numbered by first appearance in input order. */
    public String personOf(String recordId) {
        return personId(cluster[index(recordId)]);
    }

    private static String personId(int label) {
        return "person-" + (label + 1);
    }

    /** Every person with its records, in order of first appearance. */
    public Map<String, List<String>> persons() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int[] members : ChainGuardedClustering.groups(cluster, clusters)) {
            List<String> ids = new ArrayList<>(members.length);
            for (int m : members) {
                ids.add(table.ids[m]);
            }
            out.put(personId(cluster[members[0]]), Collections.unmodifiableList(ids));
        }
        return out;
    }

    /**
     * Pairs at or above the threshold that no investigator rejected, then pairs investigators
     * confirmed, in the order the run found them. Pairs above the threshold may still sit in two
     * persons when the chaining guard refused the merge; {@link #personOf} is the final word.
     */
    public List<ScoredPair> matches() {
        List<ScoredPair> out = new ArrayList<>(matchFirst.length + confirmed.size());
        for (int k = 0; k < matchFirst.length; k++) {
            out.add(new ScoredPair(table.ids[matchFirst[k]], table.ids[matchSecond[k]], matchWeight[k],
                    MatchModel.probability(matchWeight[k]), ScoredPair.Source.MODEL));
        }
        for (int[] p : confirmed) {
            double w = model.score(p[0], p[1]);
            out.add(new ScoredPair(table.ids[p[0]], table.ids[p[1]], w, MatchModel.probability(w), ScoredPair.Source.INVESTIGATOR));
        }
        return out;
    }

    /** The model's score of any two records, with each attribute's contribution. */
    public PairExplanation explain(String firstId, String secondId) {
        int a = index(firstId);
        int b = index(secondId);
        if (a == b) {
            throw new IllegalArgumentException("cannot explain a record against itself: '" + firstId + "'");
        }
        long pattern = model.vector.pattern(a, b);
        List<AttributeWeight> parts = new ArrayList<>();
        Comparison[] cs = model.vector.comparisons;
        double total = model.priorWeight;
        for (int c = 0; c < cs.length; c++) {
            int level = ComparisonVector.level(pattern, c);
            double w = model.weight(c, level, a, b);
            total += w;
            parts.add(new AttributeWeight(cs[c].name, level == Comparison.NULL ? "missing" : cs[c].levels.get(level),
                    cs[c].describe(a), cs[c].describe(b), w, level == 0));
        }
        return new PairExplanation(firstId, secondId, model.priorWeight, parts, total, MatchModel.probability(total),
                blocking.candidate(a, b), judged.get(pairKey(a, b)), cluster[a] == cluster[b]);
    }

    /** True when blocking made the two records a candidate pair (for measuring blocking recall). */
    public boolean candidate(String firstId, String secondId) {
        return blocking.candidate(index(firstId), index(secondId));
    }

    public ResolutionStats stats() {
        return stats;
    }

    /** The learned model as a table: for each comparison and level, m, u and the weight in bits. */
    public String modelSummary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "prior: lambda=%.3e (%+.2f bits); candidate match share %.4f%n", model.lambda,
                model.priorWeight, stats.candidateMatchShare()));
        Comparison[] cs = model.vector.comparisons;
        for (int c = 0; c < cs.length; c++) {
            s.append(cs[c].name).append('\n');
            for (int l = 0; l < cs[c].levelCount(); l++) {
                s.append(String.format(Locale.ROOT, "  %-36s m=%.5f u=%.3e w=%+7.2f%n", cs[c].levels.get(l), model.m[c][l],
                        model.u[c][l], model.levelWeight(c, l)));
            }
        }
        return s.toString();
    }

    private int index(String id) {
        int i = table.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no record with id '" + id + "' in this resolution");
        }
        return i;
    }
}
