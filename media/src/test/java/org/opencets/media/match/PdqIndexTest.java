package org.opencets.media.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencets.media.pdq.PdqHash;
import org.opencets.media.testdata.SharedData;

/** The index's law: it answers exactly what brute force answers. */
class PdqIndexTest {

    static PdqHash random(SplittableRandom r) {
        return new PdqHash(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }

    /** {@code h} with exactly {@code k} distinct random bits flipped. */
    static PdqHash flip(PdqHash h, int k, SplittableRandom r) {
        long[] w = h.words();
        java.util.BitSet done = new java.util.BitSet(256);
        while (done.cardinality() < k) {
            int b = r.nextInt(256);
            if (!done.get(b)) {
                done.set(b);
                w[b >>> 6] ^= 1L << (b & 63);
            }
        }
        return PdqHash.ofWords(w);
    }

    static List<PdqIndex.Neighbour> bruteForce(List<PdqHash> hay, PdqHash q, int threshold) {
        List<PdqIndex.Neighbour> out = new ArrayList<>();
        for (int i = 0; i < hay.size(); i++) {
            int d = hay.get(i).distance(q);
            if (d <= threshold) {
                out.add(new PdqIndex.Neighbour(i, d));
            }
        }
        out.sort(Comparator.comparingInt(PdqIndex.Neighbour::distance).thenComparingInt(PdqIndex.Neighbour::id));
        return out;
    }

    /**
     * Random haystack with planted near-copies at every distance 0..64 of some queries. Replay a
     * failure with -Dcets.seed=N (the seed is printed).
     */
    @Test
    void randomAndPlantedHashesAnswerExactlyAsBruteForce() {
        long seed = Long.getLong("cets.seed", System.nanoTime());
        System.out.println("PdqIndexTest seed=" + seed + " (replay: -Dcets.seed=" + seed + ")");
        SplittableRandom r = new SplittableRandom(seed);
        List<PdqHash> hay = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            hay.add(random(r));
        }
        List<PdqHash> queries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            PdqHash q = random(r);
            queries.add(q);
            int copies = r.nextInt(6);
            for (int c = 0; c < copies; c++) {
                hay.add(flip(q, r.nextInt(65), r));
            }
        }
        for (int i = 0; i < 50; i++) { // queries that are themselves indexed, and clusters of copies
            PdqHash base = hay.get(r.nextInt(hay.size()));
            queries.add(base);
            hay.add(flip(base, 1 + r.nextInt(40), r));
        }
        PdqIndex index = PdqIndex.build(hay);
        int found = 0;
        for (int threshold : new int[] {0, 1, 7, 15, 16, 31, 32, 47, 63, 80}) {
            for (PdqHash q : queries) {
                List<PdqIndex.Neighbour> want = bruteForce(hay, q, threshold);
                assertThat(index.query(q, threshold)).as("seed=%d threshold=%d query=%s", seed, threshold, q).isEqualTo(want);
                found += want.size();
            }
        }
        assertThat(found).as("the planted copies must give the test something to find").isGreaterThan(1000);
    }

    @Property(tries = 200)
    void smallIndexesAgreeWithBruteForce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 70) int threshold) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PdqHash> hay = new ArrayList<>();
        PdqHash q = random(r);
        for (int i = 0; i < 200; i++) {
            hay.add(r.nextBoolean() ? random(r) : flip(q, r.nextInt(80), r));
        }
        assertThat(PdqIndex.build(hay).query(q, threshold)).isEqualTo(bruteForce(hay, q, threshold));
    }

    @Test
    void sharedNeedlesAgainstTheHaystackAnswerAsBruteForce() throws IOException {
        Path dir = SharedData.pdqDir().resolve("index");
        List<PdqHash> hay = Files.readAllLines(dir.resolve("haystack.txt")).stream()
                .filter(s -> !s.isBlank()).map(PdqHash::fromHex).toList();
        List<PdqHash> needles = Files.readAllLines(dir.resolve("needles.txt")).stream()
                .filter(s -> !s.isBlank()).map(PdqHash::fromHex).toList();
        assertThat(hay).hasSize(1350);
        assertThat(needles).hasSize(100);
        PdqIndex index = PdqIndex.build(hay);
        int matched = 0;
        for (int threshold : new int[] {0, 10, 31, 63}) {
            for (PdqHash n : needles) {
                List<PdqIndex.Neighbour> want = bruteForce(hay, n, threshold);
                assertThat(index.query(n, threshold)).as("needle %s threshold %d", n, threshold).isEqualTo(want);
                if (threshold == 31) {
                    matched += want.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(matched).as("needles with a neighbour at 31").isPositive();
    }

    @Test
    void aHashFindsItselfAtDistanceZeroAndNegativeThresholdsFindNothing() {
        SplittableRandom r = new SplittableRandom(3);
        List<PdqHash> hay = List.of(random(r), random(r), random(r));
        PdqIndex index = PdqIndex.build(hay);
        assertThat(index.query(hay.get(1), 0)).containsExactly(new PdqIndex.Neighbour(1, 0));
        assertThat(index.query(hay.get(1), -1)).isEmpty();
        assertThat(index.hash(2)).isEqualTo(hay.get(2));
    }

    @Test
    void nearDuplicateClustersJoinChainsAndPairsAreListedOnce() {
        SplittableRandom r = new SplittableRandom(11);
        PdqHash a = random(r);
        PdqHash a1 = flip(a, 20, r);
        PdqHash a2 = flip(a1, 20, r); // 40 from a (almost surely), 20 from a1
        PdqHash lone = random(r);
        PdqIndex index = PdqIndex.build(List.of(a, lone, a1, a2));
        int[] clusters = NearDuplicates.clusters(index, 31);
        assertThat(clusters).containsExactly(0, 1, 0, 0);
        List<NearDuplicates.Pair> pairs = NearDuplicates.pairs(index, 31);
        assertThat(pairs).extracting(p -> p.a() + "-" + p.b()).contains("0-2", "2-3").doesNotContain("2-0");
        assertThat(pairs).allSatisfy(p -> assertThat(p.a()).isLessThan(p.b()));
    }
}
