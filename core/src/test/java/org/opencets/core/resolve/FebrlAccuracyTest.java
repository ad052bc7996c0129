package org.opencets.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the Febrl data in ../shared/data/febrl at the default threshold: pairwise precision,
 * recall and F1 of the persons against the truth encoded in {@code rec_id}, which is read here
 * only to score and never reaches the engine (records get a neutral id). The floors asserted are
 * what the engine reached when this test was written (see docs/BENCHMARKS.md), less a hair.
 */
class FebrlAccuracyTest {
    private static final String[] COLUMNS = {"rec_id", "given_name", "surname", "street_number", "address_1", "address_2",
        "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"};
    private static final PersonAttribute[] ATTRIBUTES = {null, PersonAttribute.GIVEN_NAME, PersonAttribute.SURNAME,
        PersonAttribute.STREET_NUMBER, PersonAttribute.ADDRESS_LINE_1, PersonAttribute.ADDRESS_LINE_2, PersonAttribute.LOCALITY,
        PersonAttribute.POSTCODE, PersonAttribute.STATE, PersonAttribute.DATE_OF_BIRTH, PersonAttribute.NATIONAL_ID};

    private record Labelled(List<PersonRecord> records, List<String> truth) {
    }

    private static Path febrl() {
        String shared = System.getProperty("cets.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "data", "febrl");
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve("dataset2.csv")),
                "Febrl data not found (system property cets.shared.dir=" + shared + "); skipping the accuracy test");
        return dir;
    }

    /** Records with ids "r0", "r1", … and, beside them, the person number from rec_id. */
    private static Labelled read(Path file, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        for (int i = 0; i < COLUMNS.length; i++) {
            assertThat(header[i].strip()).isEqualTo(COLUMNS[i]);
        }
        List<PersonRecord> records = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<PersonAttribute, String> m = new EnumMap<>(PersonAttribute.class);
            for (int i = 1; i < f.length; i++) {
                m.put(ATTRIBUTES[i], f[i].strip());
            }
            records.add(PersonRecord.of(prefix + records.size(), m));
            truth.add(f[0].strip().split("-")[1]);
        }
        return new Labelled(records, truth);
    }

    private record Score(double precision, double recall, double f1, double blockingRecall) {
    }

    private static Score score(Resolution r, List<PersonRecord> records, List<String> truth, byte[] side) {
        Map<String, List<Integer>> byTruth = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byTruth.computeIfAbsent(truth.get(i), k -> new ArrayList<>()).add(i);
        }
        long truePairs = 0;
        long blocked = 0;
        long correct = 0;
        for (List<Integer> g : byTruth.values()) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    int a = g.get(i);
                    int b = g.get(j);
                    if (side != null && side[a] == side[b]) {
                        continue;
                    }
                    truePairs++;
                    blocked += r.candidate(records.get(a).id(), records.get(b).id()) ? 1 : 0;
                    correct += r.personOf(records.get(a).id()).equals(r.personOf(records.get(b).id())) ? 1 : 0;
                }
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            index.put(records.get(i).id(), i);
        }
        long predicted = 0;
        for (List<String> members : r.persons().values()) {
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    if (side == null || side[index.get(members.get(i))] != side[index.get(members.get(j))]) {
                        predicted++;
                    }
                }
            }
        }
        double p = predicted == 0 ? 1 : (double) correct / predicted;
        double rc = (double) correct / truePairs;
        Score s = new Score(p, rc, 2 * p * rc / (p + rc), (double) blocked / truePairs);
        System.out.printf(Locale.ROOT, "febrl: precision %.5f recall %.5f F1 %.5f blocking recall %.5f (%d true pairs, %d candidates)%n",
                s.precision(), s.recall(), s.f1(), s.blockingRecall(), truePairs, r.stats().candidatePairs());
        return s;
    }

    @Test
    void deduplicatesDataset1() throws IOException {
        Labelled d = read(febrl().resolve("dataset1.csv"), "r");
        Resolution r = PersonResolver.withDefaults().dedupe(d.records(), List.of());
        Score s = score(r, d.records(), d.truth(), null);
        assertThat(s.f1()).isGreaterThanOrEqualTo(0.998);
        assertThat(s.blockingRecall()).isGreaterThanOrEqualTo(0.998);
    }

    @Test
    void deduplicatesDataset2() throws IOException {
        Labelled d = read(febrl().resolve("dataset2.csv"), "r");
        Resolution r = PersonResolver.withDefaults().dedupe(d.records(), List.of());
        Score s = score(r, d.records(), d.truth(), null);
        assertThat(s.f1()).isGreaterThanOrEqualTo(0.998);
        assertThat(s.blockingRecall()).isGreaterThanOrEqualTo(0.997);
    }

    /** Dataset 2 split into a link task: the 4,000 originals against the 1,000 duplicates. */
    @Test
    void linksDataset2OriginalsToDuplicates() throws IOException {
        Path file = febrl().resolve("dataset2.csv");
        Labelled all = read(file, "r");
        List<String> ids = Files.readAllLines(file).stream().skip(1).map(l -> l.split(",", 2)[0].strip()).toList();
        List<PersonRecord> left = new ArrayList<>();
        List<PersonRecord> right = new ArrayList<>();
        List<String> leftTruth = new ArrayList<>();
        List<String> rightTruth = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            boolean original = ids.get(i).endsWith("-org");
            (original ? left : right).add(all.records().get(i));
            (original ? leftTruth : rightTruth).add(all.truth().get(i));
        }
        Resolution r = PersonResolver.withDefaults().link(left, right, List.of());
        List<PersonRecord> both = new ArrayList<>(left);
        both.addAll(right);
        List<String> truth = new ArrayList<>(leftTruth);
        truth.addAll(rightTruth);
        byte[] side = new byte[both.size()];
        for (int i = left.size(); i < side.length; i++) {
            side[i] = 1;
        }
        Score s = score(r, both, truth, side);
        assertThat(s.f1()).isGreaterThanOrEqualTo(0.998);
        assertThat(s.blockingRecall()).isGreaterThanOrEqualTo(0.998);
    }
}
