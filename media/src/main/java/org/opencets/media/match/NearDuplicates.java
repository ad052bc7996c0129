package org.opencets.media.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Near-duplicate pairs and clusters within one collection of PDQ hashes (for instance every image of
 * every case): pairs within the threshold, and the connected groups they form (union-find with path
 * halving). The store turns a cluster spanning cases into media links. The collection is matched
 * against itself as one batch ({@link PdqIndex#queryAll}), a join for large collections.
 */
public final class NearDuplicates {
    private NearDuplicates() {
    }

    /** A pair of ids {@code a < b} whose hashes are within the threshold. */
    public record Pair(int a, int b, int distance) {
    }

    /** Every pair of indexed hashes within {@code threshold}, each once, {@code a < b}, ordered by a then b. */
    public static List<Pair> pairs(PdqIndex index, int threshold) {
        List<Pair> out = new ArrayList<>();
        index.queryAll(index.words, index.size(), threshold, (a, b, d) -> {
            if (b > a) {
                out.add(new Pair(a, b, d));
            }
        }, PdqIndex.BatchRoute.CHEAPER);
        out.sort(Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b));
        return out;
    }

    /**
     * The cluster of every id: {@code cluster[i]} is the smallest id in i's group, so two ids share a
     * cluster exactly when a chain of pairs within {@code threshold} joins them.
     */
    public static int[] clusters(PdqIndex index, int threshold) {
        int n = index.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        index.queryAll(index.words, n, threshold, (a, b, d) -> union(parent, a, b), PdqIndex.BatchRoute.CHEAPER);
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = find(parent, i);
        }
        return cluster;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
