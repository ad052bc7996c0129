package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups matched pairs into persons, guarded against chaining.
 *
 * <p>Design note. Taking connected components of the match graph (single linkage) lets one weak or
 * wrong pair glue two large groups together, and chains of near-matches run on without end. Here
 * pairs are merged strongest first (Kruskal order), and a merge that joins a group of more than one
 * record must also pass an average-linkage test: the mean match weight over every pair across the
 * two groups, each scored by the model, must reach the threshold (the group-average criterion of
 * hierarchical clustering applied to posterior log-odds). A true duplicate is close to most members
 * of its person; a bridge between two persons is close to one member of each and far from the rest,
 * so it is refused. Investigators' judgements win: rejected pairs become cannot-link constraints no
 * merge may violate, directly or through a chain; a confirmed pair joins, after the model's merges
 * and without the test, the two persons its records ended in (unless that would violate a
 * rejection: then the rejection wins and the conflict is counted).
 */
final class ChainGuardedClustering {
    /** Beyond this many cross pairs the average is taken over this many (the first members of each group). */
    static final int MAX_GUARD_PAIRS = 2_500;

    /** The score of any two records, in bits (posterior log-odds). */
    interface PairScorer {
        double score(int a, int b);
    }

    enum Guard {
        /** Plain connected components (for comparison in benchmarks). */
        NONE,
        /** Average linkage on every merge that involves a group of two or more. */
        AVERAGE_LINKAGE
    }

    record Result(int[] cluster, int clusters, int refusedByGuard, int refusedByJudgement, int judgementConflicts) {
    }

    private final int[] parent;
    private final int[] size;
    private final int[] next;
    private final int[][] cannotLink;
    private final int[] cannotLinkCount;

    private ChainGuardedClustering(int n) {
        parent = new int[n];
        size = new int[n];
        next = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            next[i] = i;
        }
        cannotLink = new int[n][];
        cannotLinkCount = new int[n];
    }

    /**
     * @param order edges to consider, strongest first: {@code first[order[k]], second[order[k]]}
     * @param confirmed pairs (record indexes) investigators confirmed, whose persons are joined last
     * @param rejected pairs investigators rejected
     */
    static Result cluster(int n, int[] first, int[] second, int[] order, List<int[]> confirmed, List<int[]> rejected,
                          PairScorer model, double thresholdWeight, Guard guard) {
        ChainGuardedClustering c = new ChainGuardedClustering(n);
        for (int[] r : rejected) {
            c.forbid(r[0], r[1]);
        }
        int refusedByGuard = 0;
        int refusedByJudgement = 0;
        for (int k : order) {
            int ra = c.find(first[k]);
            int rb = c.find(second[k]);
            if (ra == rb) {
                continue;
            }
            if (c.forbidden(ra, rb)) {
                refusedByJudgement++;
                continue;
            }
            if (guard == Guard.AVERAGE_LINKAGE && c.size[ra] + c.size[rb] > 2
                    && c.averageWeight(ra, rb, model) < thresholdWeight) {
                refusedByGuard++;
                continue;
            }
            c.union(ra, rb);
        }
        // A confirmation joins the two persons the model formed, whole: "these are one person".
        int conflicts = 0;
        for (int[] p : confirmed) {
            int ra = c.find(p[0]);
            int rb = c.find(p[1]);
            if (ra == rb) {
                continue;
            }
            if (c.forbidden(ra, rb)) {
                conflicts++;
                continue;
            }
            c.union(ra, rb);
        }
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] rootLabel = new int[n];
        Arrays.fill(rootLabel, -1);
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            int r = c.find(i);
            if (rootLabel[r] < 0) {
                rootLabel[r] = clusters++;
            }
            label[i] = rootLabel[r];
        }
        return new Result(label, clusters, refusedByGuard, refusedByJudgement, conflicts);
    }

    private int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private void union(int ra, int rb) {
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        // splice the two circular member lists
        int t = next[ra];
        next[ra] = next[rb];
        next[rb] = t;
        if (cannotLinkCount[rb] > 0) {
            for (int i = 0; i < cannotLinkCount[rb]; i++) {
                addCannotLink(ra, cannotLink[rb][i]);
            }
            cannotLink[rb] = null;
            cannotLinkCount[rb] = 0;
        }
    }

    private void forbid(int a, int b) {
        addCannotLink(find(a), b);
        addCannotLink(find(b), a);
    }

    private void addCannotLink(int root, int record) {
        if (cannotLink[root] == null) {
            cannotLink[root] = new int[2];
        } else if (cannotLinkCount[root] == cannotLink[root].length) {
            cannotLink[root] = Arrays.copyOf(cannotLink[root], cannotLinkCount[root] * 2);
        }
        cannotLink[root][cannotLinkCount[root]++] = record;
    }

    private boolean forbidden(int ra, int rb) {
        for (int i = 0; i < cannotLinkCount[ra]; i++) {
            if (find(cannotLink[ra][i]) == rb) {
                return true;
            }
        }
        for (int i = 0; i < cannotLinkCount[rb]; i++) {
            if (find(cannotLink[rb][i]) == ra) {
                return true;
            }
        }
        return false;
    }

    private double averageWeight(int ra, int rb, PairScorer model) {
        double sum = 0;
        int pairs = 0;
        int x = ra;
        do {
            int y = rb;
            do {
                sum += model.score(x, y);
                pairs++;
                y = next[y];
            } while (y != rb && pairs < MAX_GUARD_PAIRS);
            x = next[x];
        } while (x != ra && pairs < MAX_GUARD_PAIRS);
        return sum / pairs;
    }

    /** Members of each cluster label, for callers that need the groups. */
    static List<int[]> groups(int[] label, int clusters) {
        int[] count = new int[clusters];
        for (int l : label) {
            count[l]++;
        }
        List<int[]> out = new ArrayList<>(clusters);
        for (int c = 0; c < clusters; c++) {
            out.add(new int[count[c]]);
        }
        int[] fill = new int[clusters];
        for (int i = 0; i < label.length; i++) {
            out.get(label[i])[fill[label[i]]++] = i;
        }
        return out;
    }
}
