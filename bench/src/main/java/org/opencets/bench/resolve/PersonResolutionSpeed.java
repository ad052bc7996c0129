package org.opencets.bench.resolve;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencets.core.resolve.PersonAttribute;
import org.opencets.core.resolve.PersonRecord;
import org.opencets.core.resolve.PersonResolver;
import org.opencets.core.resolve.Resolution;
import org.opencets.core.resolve.ResolutionSettings;
import org.opencets.core.resolve.ResolutionStats;

/**
 * End-to-end speed of person resolution: deduplicate generated person records (train, score,
 * cluster) and report records/s and candidate pairs scored/s, with the accuracy reached on the
 * same data. The baseline in the same run is exact correlation of the same records on their
 * national id (one hash map pass), the cheapest deduplication there is.
 *
 * <p>Reproduce (from the repository root, JDK 21+):
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -Xmx4g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *     org.opencets.bench.resolve.PersonResolutionSpeed [records=1000000] [seed=42] [threads=2]
 * </pre>
 */
public final class PersonResolutionSpeed {
    private PersonResolutionSpeed() {
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "person resolution speed: %,d records, seed %d, %d threads, max heap %,d MiB, %s %s%n",
                records, seed, threads, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                Runtime.version());

        long g0 = System.nanoTime();
        int duplicates = (int) (records * 0.4);
        SyntheticPeople.Dataset data = SyntheticPeople.dedupe(seed, records - duplicates, duplicates, 5,
                SyntheticPeople.Corruption.FEBRL_LIKE);
        long g1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "generated in %.1f s (not timed below)%n", (g1 - g0) / 1e9);
        System.gc();

        long b0 = System.nanoTime();
        int exactGroups = exactBaseline(data.records());
        long b1 = System.nanoTime();

        resetPeaks();
        PersonResolver resolver = new PersonResolver(ResolutionSettings.defaults().withThreads(threads));
        long r0 = System.nanoTime();
        Resolution r = resolver.dedupe(data.records(), List.of());
        long r1 = System.nanoTime();
        long peak = peakHeap();

        ResolutionStats s = r.stats();
        double seconds = (r1 - r0) / 1e9;
        double baseline = (b1 - b0) / 1e9;
        System.out.printf(Locale.ROOT, "resolution: %.2f s end to end (encode %.2f, train %.2f, block+compare %.2f, score %.2f, cluster %.2f)%n",
                seconds, s.encodeNanos() / 1e9, s.trainNanos() / 1e9, s.compareNanos() / 1e9, s.scoreNanos() / 1e9,
                s.clusterNanos() / 1e9);
        System.out.printf(Locale.ROOT, "  %,.0f records/s; %,d candidate pairs, %,.0f pairs scored/s over the whole run%n",
                records / seconds, s.candidatePairs(), s.candidatePairs() / seconds);
        System.out.printf(Locale.ROOT, "  pairs per rule %s; capped blocks %s%n", s.pairsPerRule(), s.cappedBlocksPerRule());
        System.out.printf(Locale.ROOT, "  EM iterations %d, candidate match share %.4f, prior %.3e, %,d pairs >= threshold, %,d persons, %,d merges refused by guard%n",
                s.emIterations(), s.candidateMatchShare(), s.matchPrior(), s.pairsAboveThreshold(), s.persons(),
                s.mergesRefusedByGuard());
        System.out.printf(Locale.ROOT, "  peak heap %,d MiB%n", peak >> 20);
        System.out.printf(Locale.ROOT, "baseline exact national-id grouping: %.2f s (%,d groups); resolution/baseline = %.1f%n",
                baseline, exactGroups, seconds / baseline);

        List<String> predicted = new ArrayList<>(records);
        List<String> truth = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            predicted.add(r.personOf(data.records().get(i).id()));
            truth.add(Integer.toString(data.person()[i]));
        }
        System.out.println("accuracy on the generated data: " + PairwiseAccuracy.of(predicted, truth, null));
        System.out.printf(Locale.ROOT, "goal: under 60 s -> %s%n", seconds < 60 ? "met" : "NOT met");
    }

    private static int exactBaseline(List<PersonRecord> records) {
        Map<String, Integer> groups = new HashMap<>();
        for (PersonRecord r : records) {
            String id = r.get(PersonAttribute.NATIONAL_ID);
            if (id != null) {
                groups.merge(id.strip(), 1, Integer::sum);
            }
        }
        return groups.size();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }
}
