package org.opencets.media.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencets.media.hash.FileDigests;
import org.opencets.media.hashset.Category;
import org.opencets.media.hashset.KnownEntry;
import org.opencets.media.pdq.PdqHash;
import org.opencets.media.pdq.PdqResult;

class KnownHashIndexTest {

    static String hex(SplittableRandom r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void exactLookupsFindEveryEntryAndNothingElse() {
        long seed = Long.getLong("cets.seed", System.nanoTime());
        System.out.println("KnownHashIndexTest seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        KnownHashIndex.Builder b = KnownHashIndex.builder();
        List<KnownEntry> entries = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            // shared prefixes on purpose: the sort's tie-breaking must be right
            String md5 = (i % 7 == 0 ? "00000000" + hex(r, 12) : hex(r, 16));
            KnownEntry e = new KnownEntry("m" + i, md5, i % 2 == 0 ? hex(r, 20) : null, i % 3 == 0 ? hex(r, 32) : null,
                    null, -1, Category.projectVic(i % 5), null, i + 1);
            entries.add(e);
            b.add("vics", e);
        }
        KnownHashIndex index = b.build();
        assertThat(index.size()).isEqualTo(50_000);
        for (KnownEntry e : entries) {
            assertThat(index.matchDigest(e.md5(), MatchKind.MD5)).singleElement().satisfies(m -> {
                assertThat(m.knownId()).isEqualTo(e.id());
                assertThat(m.category()).isEqualTo(e.category());
                assertThat(m.list()).isEqualTo("vics");
                assertThat(m.line()).isEqualTo(e.line());
                assertThat(m.distance()).isZero();
            });
            if (e.sha1() != null) {
                assertThat(index.matchDigest(e.sha1().toUpperCase(), MatchKind.SHA1)).hasSize(1);
            }
            if (e.sha256() != null) {
                assertThat(index.matchDigest(e.sha256(), MatchKind.SHA256)).hasSize(1);
            }
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(index.matchDigest(hex(r, 16), MatchKind.MD5)).isEmpty();
        }
    }

    @Test
    void theSameFileInTwoListsMatchesBothWithItsProvenance() {
        String md5 = "d41d8cd98f00b204e9800998ecf8427e";
        KnownHashIndex index = KnownHashIndex.builder()
                .add("nsrl", new KnownEntry(null, md5, null, null, null, -1, Category.KNOWN_GOOD, null, 2))
                .add("vics", new KnownEntry("42", md5, null, null, null, -1, Category.VIC_COMPARISON, null, 7))
                .build();
        List<Match> m = index.match(new FileDigests(md5, "0".repeat(40), "0".repeat(64)), null, 31);
        assertThat(m).extracting(Match::list, Match::knownId, Match::kind, Match::category)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("nsrl", md5, MatchKind.MD5, Category.KNOWN_GOOD),
                        org.assertj.core.groups.Tuple.tuple("vics", "42", MatchKind.MD5, Category.VIC_COMPARISON));
    }

    @Test
    void pdqMatchesWithinTheThresholdAndWeakHashesNever() {
        SplittableRandom r = new SplittableRandom(5);
        PdqHash known = PdqIndexTest.random(r);
        PdqHash weakKnown = PdqIndexTest.random(r);
        KnownHashIndex index = KnownHashIndex.builder()
                .add("mine", new KnownEntry("k1", null, null, null, known, 90, Category.parse("known bad"), null, 1))
                .add("mine", new KnownEntry("k2", null, null, null, weakKnown, 20, Category.parse("known bad"), null, 2))
                .build();
        assertThat(index.pdqSize()).isEqualTo(1);
        PdqHash near = PdqIndexTest.flip(known, 12, r);
        assertThat(index.match(null, new PdqResult(near, 100), 31)).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MatchKind.PDQ);
            assertThat(m.distance()).isEqualTo(12);
            assertThat(m.knownId()).isEqualTo("k1");
            assertThat(m.category().code()).isEqualTo("known bad");
        });
        assertThat(index.match(null, new PdqResult(near, 49), 31)).as("query quality under 50").isEmpty();
        assertThat(index.match(null, new PdqResult(near, 100), 11)).as("threshold 11").isEmpty();
        assertThat(index.match(null, new PdqResult(weakKnown, 100), 31)).as("weak known hash").isEmpty();
    }

    /**
     * PDQ matching through the known-hash index equals brute force over the entries whose quality
     * is unknown or at least 50, and is empty for a query under 50, at any threshold.
     */
    @Property(tries = 100)
    void pdqMatchesAreBruteForceOverStrongEntriesForStrongQueries(@ForAll long seed,
                                                                   @ForAll @IntRange(min = 0, max = 64) int threshold,
                                                                   @ForAll @IntRange(min = 0, max = 100) int queryQuality) {
        SplittableRandom r = new SplittableRandom(seed);
        PdqHash q = PdqIndexTest.random(r);
        KnownHashIndex.Builder b = KnownHashIndex.builder();
        List<String> want = new ArrayList<>();
        int n = 1 + r.nextInt(300);
        for (int i = 0; i < n; i++) {
            PdqHash h = r.nextInt(4) == 0 ? PdqIndexTest.random(r) : PdqIndexTest.nearCopy(q, r.nextInt(70), r);
            int quality = r.nextInt(5) == 0 ? -1 : r.nextInt(101);
            b.add("list", new KnownEntry("e" + i, null, null, null, h, quality, Category.UNCATEGORISED, null, i + 1));
            int d = h.distance(q);
            if ((quality < 0 || quality >= PdqResult.MIN_MATCH_QUALITY) && d <= threshold) {
                want.add("e" + i + "@" + d);
            }
        }
        List<Match> got = b.build().match(null, new PdqResult(q, queryQuality), threshold);
        assertThat(got).allSatisfy(m -> assertThat(m.kind()).isEqualTo(MatchKind.PDQ));
        assertThat(got).extracting(m -> m.knownId() + "@" + m.distance())
                .containsExactlyInAnyOrderElementsOf(queryQuality >= PdqResult.MIN_MATCH_QUALITY ? want : List.of());
        assertThat(got).extracting(Match::distance).isSorted();
    }
}
