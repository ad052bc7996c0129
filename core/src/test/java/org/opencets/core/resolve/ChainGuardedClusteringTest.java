package org.opencets.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two persons X = {0..3} and Y = {4..7}, close inside (+20 bits) and far apart (-20), and a bridge
 * record 8 that matches one member of each (+5): connected components chain X and Y, the guard
 * does not.
 */
class ChainGuardedClusteringTest {
    private static final int N = 9;

    private static double score(int a, int b) {
        int x = Math.min(a, b);
        int y = Math.max(a, b);
        if (y == 8) {
            return x == 0 || x == 4 ? 5 : -20;
        }
        return (x < 4) == (y < 4) ? 20 : -20;
    }

    private static ChainGuardedClustering.Result run(ChainGuardedClustering.Guard guard, List<int[]> confirmed, List<int[]> rejected) {
        List<int[]> edges = new ArrayList<>();
        for (int a = 0; a < N; a++) {
            for (int b = a + 1; b < N; b++) {
                if (score(a, b) >= 0) {
                    edges.add(new int[] {a, b});
                }
            }
        }
        int[] first = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] second = edges.stream().mapToInt(e -> e[1]).toArray();
        double[] weight = edges.stream().mapToDouble(e -> score(e[0], e[1])).toArray();
        return ChainGuardedClustering.cluster(N, first, second, PersonResolver.strongestFirst(weight), confirmed, rejected,
                ChainGuardedClusteringTest::score, 0, guard);
    }

    @Test
    void connectedComponentsChainTwoPersonsThroughOneBridge() {
        int[] c = run(ChainGuardedClustering.Guard.NONE, List.of(), List.of()).cluster();
        assertThat(c[0]).isEqualTo(c[4]);
    }

    @Test
    void averageLinkageRefusesTheBridge() {
        ChainGuardedClustering.Result r = run(ChainGuardedClustering.Guard.AVERAGE_LINKAGE, List.of(), List.of());
        int[] c = r.cluster();
        assertThat(c[0]).isNotEqualTo(c[4]);
        assertThat(c[1]).isEqualTo(c[3]);
        assertThat(c[5]).isEqualTo(c[7]);
        assertThat(r.refusedByGuard()).isPositive();
        assertThat(r.clusters()).isEqualTo(3);
    }

    @Test
    void aRejectionKeepsPersonsApartThroughAnyChain() {
        ChainGuardedClustering.Result r = run(ChainGuardedClustering.Guard.NONE, List.of(), List.of(new int[] {3, 7}));
        int[] c = r.cluster();
        assertThat(c[3]).isNotEqualTo(c[7]);
        assertThat(r.refusedByJudgement()).isPositive();
    }

    @Test
    void aConfirmationJoinsWholePersonsUnlessARejectionForbidsIt() {
        int[] c = run(ChainGuardedClustering.Guard.AVERAGE_LINKAGE, List.<int[]>of(new int[] {2, 6}), List.of()).cluster();
        assertThat(c[0]).isEqualTo(c[7]);
        ChainGuardedClustering.Result conflict = run(ChainGuardedClustering.Guard.AVERAGE_LINKAGE, List.<int[]>of(new int[] {2, 6}),
                List.<int[]>of(new int[] {1, 5}));
        assertThat(conflict.cluster()[2]).isNotEqualTo(conflict.cluster()[6]);
        assertThat(conflict.judgementConflicts()).isEqualTo(1);
    }
}
