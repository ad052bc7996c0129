package org.opencets.media.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencets.media.pdq.PdqHash;
import org.opencets.media.testdata.SharedData;

/** The index's law: it answers exactly what brute force answers, by either route. */
class PdqIndexTest {

    static PdqHash random(SplittableRandom r) {
        return new PdqHash(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }

    /** {@code h} with exactly {@code k} distinct random bits flipped. */
    static PdqHash flip(PdqHash h, int k, SplittableRandom r) {
        return flipWithin(h, k, 0, 256, r);
    }

    /**
     * {@code h} with exactly {@code min(k, width)} distinct random bits flipped among bits
     * {@code [first, first + width)}: differences piled into a few chunks or pairs, where the
     * pigeonhole bounds are tight.
     */
    static PdqHash flipWithin(PdqHash h, int k, int first, int width, SplittableRandom r) {
        long[] w = h.words();
        BitSet done = new BitSet(256);
        int n = Math.min(k, width);
        while (done.cardinality() < n) {
            int b = first + r.nextInt(width);
            if (!done.get(b)) {
                done.set(b);
                w[b >>> 6] ^= 1L << (b & 63);
            }
        }
        return PdqHash.ofWords(w);
    }

    /** A near copy of {@code q}: {@code k} bits flipped, either anywhere or piled into a random run of bits. */
    static PdqHash nearCopy(PdqHash q, int k, SplittableRandom r) {
        if (r.nextBoolean()) {
            return flip(q, k, r);
        }
        int width = Math.max(k, 16 * (1 + r.nextInt(4)));
        int first = width >= 256 ? 0 : r.nextInt(256 - width + 1);
        return flipWithin(q, k, first, Math.min(256, width), r);
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

    static List<PdqIndex.Neighbour> query(PdqIndex index, PdqHash q, int threshold, PdqIndex.Route route) {
        List<PdqIndex.Neighbour> out = new ArrayList<>();
        index.query(q, threshold, (id, d) -> out.add(new PdqIndex.Neighbour(id, d)), route);
        out.sort(Comparator.comparingInt(PdqIndex.Neighbour::distance).thenComparingInt(PdqIndex.Neighbour::id));
        return out;
    }

    /** A batch's answers, per query, each sorted by distance then id. */
    static List<List<PdqIndex.Neighbour>> queryAll(PdqIndex index, List<PdqHash> queries, int threshold,
                                                   PdqIndex.BatchRoute route) {
        long[] qw = new long[4 * queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            System.arraycopy(queries.get(i).words(), 0, qw, 4 * i, 4);
        }
        List<List<PdqIndex.Neighbour>> out = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            out.add(new ArrayList<>());
        }
        index.queryAll(qw, queries.size(), threshold, (query, id, d) -> out.get(query).add(new PdqIndex.Neighbour(id, d)), route);
        for (List<PdqIndex.Neighbour> l : out) {
            l.sort(Comparator.comparingInt(PdqIndex.Neighbour::distance).thenComparingInt(PdqIndex.Neighbour::id));
        }
        return out;
    }

    static List<List<PdqIndex.Neighbour>> bruteForceAll(List<PdqHash> hay, List<PdqHash> queries, int threshold) {
        return queries.stream().map(q -> bruteForce(hay, q, threshold)).toList();
    }

    /**
     * Random haystack with planted near-copies of some queries at every distance 0..64, some with
     * their differences piled into one pair. Replay a failure with -Dcets.seed=N (the seed is printed).
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
                hay.add(nearCopy(q, r.nextInt(65), r));
            }
        }
        for (int i = 0; i < 50; i++) { // queries that are themselves indexed, and clusters of copies
            PdqHash base = hay.get(r.nextInt(hay.size()));
            queries.add(base);
            hay.add(nearCopy(base, 1 + r.nextInt(40), r));
            hay.add(base); // an exact duplicate: two ids, same hash
        }
        PdqIndex index = PdqIndex.build(hay);
        int found = 0;
        for (int threshold : new int[] {0, 1, 6, 7, 8, 15, 16, 30, 31, 32, 33, 39, 47, 63, 80}) {
            // high thresholds probe tens of thousands of buckets a query: a sample of queries is enough
            List<PdqHash> qs = threshold > 40 ? queries.subList(0, 40) : queries;
            List<List<PdqIndex.Neighbour>> wantAll = bruteForceAll(hay, qs, threshold);
            for (int i = 0; i < qs.size(); i++) {
                PdqHash q = qs.get(i);
                List<PdqIndex.Neighbour> want = wantAll.get(i);
                String what = "seed=" + seed + " threshold=" + threshold + " query=" + q;
                assertThat(query(index, q, threshold, PdqIndex.Route.PROBE)).as("probe, " + what).isEqualTo(want);
                assertThat(index.query(q, threshold)).as("public query, " + what).isEqualTo(want);
                found += want.size();
            }
            for (PdqIndex.BatchRoute route : PdqIndex.BatchRoute.values()) {
                assertThat(queryAll(index, qs, threshold, route)).as("batch %s, seed=%d threshold=%d", route, seed, threshold)
                        .isEqualTo(wantAll);
            }
        }
        assertThat(found).as("the planted copies must give the test something to find").isGreaterThan(1000);
    }

    @Property(tries = 300)
    void smallIndexesAgreeWithBruteForceByEitherRoute(@ForAll long seed,
                                                      @ForAll @IntRange(min = 0, max = 70) int threshold) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PdqHash> hay = new ArrayList<>();
        PdqHash q = random(r);
        int n = 1 + r.nextInt(400);
        for (int i = 0; i < n; i++) {
            hay.add(r.nextInt(3) == 0 ? random(r) : nearCopy(q, r.nextInt(80), r));
        }
        PdqIndex index = PdqIndex.build(hay);
        List<PdqIndex.Neighbour> want = bruteForce(hay, q, threshold);
        assertThat(query(index, q, threshold, PdqIndex.Route.PROBE)).isEqualTo(want);
        assertThat(query(index, q, threshold, PdqIndex.Route.SCAN)).isEqualTo(want);
        assertThat(index.query(q, threshold)).isEqualTo(want);
    }

    /**
     * Batches against a haystack of near-copies of a few hashes, so that buckets hold many entries
     * and many queries meet each: every join route and the public batch call equal brute force.
     */
    @Property(tries = 60)
    void batchesAgreeWithBruteForceByEveryRoute(@ForAll long seed, @ForAll @IntRange(min = 0, max = 48) int threshold) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PdqHash> bases = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            bases.add(random(r));
        }
        List<PdqHash> hay = new ArrayList<>();
        int n = 1 + r.nextInt(1500);
        for (int i = 0; i < n; i++) {
            hay.add(r.nextInt(5) == 0 ? random(r) : nearCopy(bases.get(r.nextInt(bases.size())), r.nextInt(60), r));
        }
        List<PdqHash> queries = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(300); i++) {
            queries.add(r.nextInt(4) == 0 ? random(r) : nearCopy(bases.get(r.nextInt(bases.size())), r.nextInt(60), r));
        }
        PdqIndex index = PdqIndex.build(hay);
        List<List<PdqIndex.Neighbour>> want = bruteForceAll(hay, queries, threshold);
        for (PdqIndex.BatchRoute route : PdqIndex.BatchRoute.values()) {
            assertThat(queryAll(index, queries, threshold, route)).as("route %s", route).isEqualTo(want);
        }
        List<List<PdqIndex.Neighbour>> viaPublic = new ArrayList<>();
        queries.forEach(q -> viaPublic.add(new ArrayList<>()));
        index.queryAll(queries, threshold, (query, id, d) -> viaPublic.get(query).add(new PdqIndex.Neighbour(id, d)));
        viaPublic.forEach(l -> l.sort(Comparator.comparingInt(PdqIndex.Neighbour::distance).thenComparingInt(PdqIndex.Neighbour::id)));
        assertThat(viaPublic).isEqualTo(want);
    }

    @Property(tries = 100)
    void everyThresholdIncludingOutOfRangeOnesAgreesWithBruteForce(@ForAll long seed,
                                                                   @ForAll @IntRange(min = -3, max = 300) int threshold) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PdqHash> hay = new ArrayList<>();
        PdqHash q = random(r);
        for (int i = 0; i < 100; i++) {
            hay.add(nearCopy(q, r.nextInt(257), r));
        }
        hay.add(new PdqHash(~q.w0(), ~q.w1(), ~q.w2(), ~q.w3())); // distance 256
        assertThat(PdqIndex.build(hay).query(q, threshold)).isEqualTo(bruteForce(hay, q, threshold));
    }

    /**
     * The bounds each threshold probes with satisfy the generalised pigeonhole conditions that make
     * the index exact: pair bounds summing to at least {@code r - 7}, and within each pair chunk radii
     * summing to at least the pair bound minus one, none below -1.
     */
    @Property(tries = 256)
    void everyPlanSatisfiesThePigeonholeConditions(@ForAll @IntRange(min = 0, max = 255) int threshold) {
        PdqIndex.Plan plan = PdqIndex.Plan.of(threshold);
        int sum = 0;
        for (int g = 0; g < 8; g++) {
            int t = plan.pairBound()[g];
            sum += t;
            assertThat(t).isBetween(-1, 32);
            assertThat(plan.radius()[2 * g]).isBetween(-1, 16);
            assertThat(plan.radius()[2 * g + 1]).isBetween(-1, 16);
            assertThat(plan.radius()[2 * g] + plan.radius()[2 * g + 1]).isGreaterThanOrEqualTo(t - 1);
        }
        assertThat(sum).isGreaterThanOrEqualTo(threshold - 7);
    }

    /** The bit-sliced sibling test: bit i of the mask is set exactly when sibling i is within the budget. */
    @Property(tries = 300)
    void blockTestKeepsExactlyTheSiblingsWithinTheBudget(@ForAll long seed, @ForAll @IntRange(min = 0, max = 17) int budget) {
        SplittableRandom r = new SplittableRandom(seed);
        int qs = r.nextInt(1 << 16);
        int[] siblings = new int[64];
        long[] planes = new long[16];
        for (int i = 0; i < 64; i++) {
            // near the query's sibling, at every distance, or anywhere
            siblings[i] = switch (i) {
                case 0 -> qs;
                case 1 -> qs ^ 0xFFFF; // distance 16
                default -> r.nextBoolean() ? qs ^ (r.nextInt(1 << 16) & r.nextInt(1 << 16) & r.nextInt(1 << 16)) : r.nextInt(1 << 16);
            };
            for (int j = 0; j < 16; j++) {
                planes[j] |= (long) ((siblings[i] >>> j) & 1) << i;
            }
        }
        long[] query = new long[16];
        PdqIndex.queryPlanes(qs, query, 0);
        long got = PdqIndex.entriesWithin(planes, 0, query, 0, budget);
        for (int i = 0; i < 64; i++) {
            boolean within = Integer.bitCount(siblings[i] ^ qs) <= budget;
            assertThat((got >>> i & 1) == 1).as("entry %d at distance %d, budget %d", i, Integer.bitCount(siblings[i] ^ qs), budget)
                    .isEqualTo(within);
        }
    }

    @Test
    void theUsualThresholdProbesSeventeenBucketsPerChunkAndThirtyTwoFarFewerThanThePlainPigeonhole() {
        assertThat(PdqIndex.Plan.of(31).probes()).isEqualTo(16 * 17);
        assertThat(PdqIndex.Plan.of(32).probes()).isEqualTo(7 * 2 * 17 + 137 + 17);
        assertThat(PdqIndex.Plan.of(0).probes()).isEqualTo(1);
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
        for (int threshold : new int[] {0, 10, 31, 32, 63}) {
            for (PdqHash n : needles) {
                List<PdqIndex.Neighbour> want = bruteForce(hay, n, threshold);
                assertThat(query(index, n, threshold, PdqIndex.Route.PROBE)).as("needle %s threshold %d, probing", n, threshold)
                        .isEqualTo(want);
                assertThat(index.query(n, threshold)).as("needle %s threshold %d", n, threshold).isEqualTo(want);
                if (threshold == 31) {
                    matched += want.isEmpty() ? 0 : 1;
                }
            }
        }
        for (int threshold : new int[] {0, 31, 32}) {
            for (PdqIndex.BatchRoute route : PdqIndex.BatchRoute.values()) {
                assertThat(queryAll(index, needles, threshold, route)).as("needles as a batch, %s, threshold %d", route, threshold)
                        .isEqualTo(bruteForceAll(hay, needles, threshold));
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
        assertThat(query(index, hay.get(1), 0, PdqIndex.Route.PROBE)).containsExactly(new PdqIndex.Neighbour(1, 0));
        assertThat(index.query(hay.get(1), -1)).isEmpty();
        assertThat(index.hash(2)).isEqualTo(hay.get(2));
        assertThat(PdqIndex.build(List.of()).query(hay.get(0), 31)).isEmpty();
    }

    /** A collection large enough to be matched against itself by the join: pairs and clusters as brute force finds them. */
    @Test
    void nearDuplicatePairsAndClustersOfALargeCollectionAreBruteForces() {
        long seed = Long.getLong("cets.seed", System.nanoTime());
        System.out.println("PdqIndexTest near duplicates seed=" + seed + " (replay: -Dcets.seed=" + seed + ")");
        SplittableRandom r = new SplittableRandom(seed);
        List<PdqHash> hashes = new ArrayList<>();
        while (hashes.size() < 8000) { // enough for the cost model to choose the join
            PdqHash base = random(r);
            hashes.add(base);
            for (int c = r.nextInt(8); c > 0; c--) {
                hashes.add(nearCopy(r.nextBoolean() ? base : hashes.get(hashes.size() - 1), r.nextInt(45), r));
            }
        }
        int threshold = 31;
        List<NearDuplicates.Pair> want = new ArrayList<>();
        int[] parent = new int[hashes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int a = 0; a < hashes.size(); a++) {
            for (int b = a + 1; b < hashes.size(); b++) {
                int d = hashes.get(a).distance(hashes.get(b));
                if (d <= threshold) {
                    want.add(new NearDuplicates.Pair(a, b, d));
                    int ra = root(parent, a);
                    int rb = root(parent, b);
                    parent[Math.max(ra, rb)] = Math.min(ra, rb);
                }
            }
        }
        int[] wantClusters = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            wantClusters[i] = root(parent, i);
        }
        PdqIndex index = PdqIndex.build(hashes);
        assertThat(want).as("seed=%d: the planted copies must give pairs", seed).hasSizeGreaterThan(2000);
        assertThat(NearDuplicates.pairs(index, threshold)).as("seed=%d", seed).isEqualTo(want);
        assertThat(NearDuplicates.clusters(index, threshold)).as("seed=%d", seed).isEqualTo(wantClusters);
    }

    private static int root(int[] parent, int x) {
        while (parent[x] != x) {
            x = parent[x];
        }
        return x;
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
