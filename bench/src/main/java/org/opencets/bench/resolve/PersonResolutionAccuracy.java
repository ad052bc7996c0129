package org.opencets.bench.resolve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencets.cli.resolve.ResolveCommand;
import org.opencets.core.resolve.PersonAttribute;
import org.opencets.core.resolve.PersonRecord;
import org.opencets.core.resolve.PersonResolver;
import org.opencets.core.resolve.Resolution;
import picocli.CommandLine;

/**
 * Accuracy of {@code cets resolve} at the default threshold, the way a held-out judge sees it:
 * files with Febrl columns go through the command line, and OUT.csv is scored against the truth
 * in {@code rec_id} (pairwise precision, recall, F1). Blocking recall (the share of true pairs
 * that blocking made candidates) comes from the engine on the same records.
 *
 * <p>Tasks: Febrl dataset1 and dataset2 deduplication; dataset2 as a link task (4,000 originals
 * against their 1,000 duplicates); and generated data shaped like the held-out tasks — 5,000 ×
 * 5,000 linkage (every left record has exactly one duplicate on the right) and a 5,000-record
 * deduplication with 2,000 originals and 3,000 duplicates (up to 5 per original) — at Febrl-like
 * and heavy corruption, three seeds each.
 *
 * <p>Reproduce (from the repository root):
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -Xmx2g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *     org.opencets.bench.resolve.PersonResolutionAccuracy ../shared
 * </pre>
 */
public final class PersonResolutionAccuracy {
    private static final String HEADER = "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, "
            + "state, date_of_birth, soc_sec_id";
    private static final PersonAttribute[] ORDER = {PersonAttribute.GIVEN_NAME, PersonAttribute.SURNAME,
        PersonAttribute.STREET_NUMBER, PersonAttribute.ADDRESS_LINE_1, PersonAttribute.ADDRESS_LINE_2, PersonAttribute.LOCALITY,
        PersonAttribute.POSTCODE, PersonAttribute.STATE, PersonAttribute.DATE_OF_BIRTH, PersonAttribute.NATIONAL_ID};

    private PersonResolutionAccuracy() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path work = Files.createTempDirectory("cets-resolve-accuracy");
        System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s %9s %10s %7s%n", "task", "precision", "recall", "F1", "blocking", "pairs", "s");
        Path febrl = shared.resolve("data/febrl");
        if (Files.isRegularFile(febrl.resolve("dataset2.csv"))) {
            dedupe("febrl dataset1 dedupe (1,000)", febrl.resolve("dataset1.csv"), work);
            dedupe("febrl dataset2 dedupe (5,000)", febrl.resolve("dataset2.csv"), work);
            List<String> lines = Files.readAllLines(febrl.resolve("dataset2.csv"));
            List<String> left = new ArrayList<>(List.of(lines.get(0)));
            List<String> right = new ArrayList<>(List.of(lines.get(0)));
            for (String l : lines.subList(1, lines.size())) {
                (l.split(",", 2)[0].strip().endsWith("-org") ? left : right).add(l);
            }
            Path l = Files.write(work.resolve("d2-org.csv"), left);
            Path r = Files.write(work.resolve("d2-dup.csv"), right);
            link("febrl dataset2 link org x dup (4,000 x 1,000)", l, r, work);
        } else {
            System.out.println("(no Febrl data under " + febrl + ")");
        }
        for (SyntheticPeople.Corruption c : SyntheticPeople.Corruption.values()) {
            for (long seed = 1; seed <= 3; seed++) {
                SyntheticPeople.LinkTask t = SyntheticPeople.link(seed, 5000, c);
                Path l = write(work.resolve("left.csv"), t.left(), t.leftPerson(), "org");
                Path r = write(work.resolve("right.csv"), t.right(), t.rightPerson(), "dup");
                link(String.format(Locale.ROOT, "generated link 5,000 x 5,000 %s seed %d", c.name().toLowerCase(Locale.ROOT), seed),
                        l, r, work);
            }
            for (long seed = 1; seed <= 3; seed++) {
                SyntheticPeople.Dataset d = SyntheticPeople.dedupe(seed, 2000, 3000, 5, c);
                Path f = write(work.resolve("dedupe.csv"), d.records(), d.person(), null);
                dedupe(String.format(Locale.ROOT, "generated dedupe 5,000 %s seed %d", c.name().toLowerCase(Locale.ROOT), seed),
                        f, work);
            }
        }
    }

    /** Writes records in the Febrl layout with ids rec-P-org / rec-P-dup-K that encode the truth. */
    private static Path write(Path file, List<PersonRecord> records, int[] person, String role) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int k = seen.merge(person[i], 1, Integer::sum) - 1;
            String id = role != null ? "rec-" + person[i] + "-" + role + "-" + i : "rec-" + person[i] + "-" + k;
            StringBuilder line = new StringBuilder(id);
            for (PersonAttribute a : ORDER) {
                String v = records.get(i).get(a);
                line.append(", ").append(v == null ? "" : v.replace(",", " "));
            }
            lines.add(line.toString());
        }
        return Files.write(file, lines);
    }

    private static void dedupe(String label, Path file, Path work) throws IOException {
        Path out = work.resolve("out.csv");
        long t0 = System.nanoTime();
        cli("dedupe", file.toString(), "--id", "rec_id", "--clusters", out.toString(), "-q");
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, String> persons = read(out);
        List<String> ids = ids(file);
        List<String> predicted = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (String id : ids) {
            predicted.add(persons.get(id));
            truth.add(truth(id));
        }
        PairwiseAccuracy acc = PairwiseAccuracy.of(predicted, truth, null);
        Resolution r = PersonResolver.withDefaults().dedupe(records(file), List.of());
        print(label, acc, blockingRecall(r, ids, null), r.stats().candidatePairs(), seconds);
    }

    private static void link(String label, Path left, Path right, Path work) throws IOException {
        Path out = work.resolve("out.csv");
        long t0 = System.nanoTime();
        cli("link", left.toString(), right.toString(), "--id", "rec_id", "--clusters", out.toString(), "-q");
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, String> persons = read(out);
        List<String> ids = new ArrayList<>(ids(left));
        int leftSize = ids.size();
        ids.addAll(ids(right));
        byte[] side = new byte[ids.size()];
        List<String> predicted = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            side[i] = (byte) (i < leftSize ? 0 : 1);
            predicted.add(persons.get(ids.get(i)));
            truth.add(truth(ids.get(i)));
        }
        PairwiseAccuracy acc = PairwiseAccuracy.of(predicted, truth, side);
        Resolution r = PersonResolver.withDefaults().link(records(left), records(right), List.of());
        print(label, acc, blockingRecall(r, ids, side), r.stats().candidatePairs(), seconds);
    }

    private static void print(String label, PairwiseAccuracy a, double blocking, long pairs, double seconds) {
        System.out.printf(Locale.ROOT, "%-44s %9.5f %9.5f %9.5f %9.5f %,10d %7.2f%n", label, a.precision(), a.recall(), a.f1(),
                blocking, pairs, seconds);
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ResolveCommand());
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        if (code != 0) {
            throw new IllegalStateException("cets resolve failed (" + code + "): " + err);
        }
    }

    private static String truth(String recId) {
        return recId.split("-")[1];
    }

    private static List<String> ids(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",", 2)[0].strip()).toList();
    }

    private static Map<String, String> read(Path out) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String l : Files.readAllLines(out).subList(1, Files.readAllLines(out).size())) {
            String[] f = l.split(",");
            m.put(f[0], f[1]);
        }
        return m;
    }

    /** The same records the command reads, for the engine-side figures (ids kept only to pair records up). */
    private static List<PersonRecord> records(Path file) throws IOException {
        List<PersonRecord> out = new ArrayList<>();
        for (String l : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] f = l.split(",", -1);
            Map<PersonAttribute, String> m = new EnumMap<>(PersonAttribute.class);
            for (int i = 0; i < ORDER.length; i++) {
                m.put(ORDER[i], f[i + 1].strip());
            }
            out.add(PersonRecord.of(f[0].strip(), m));
        }
        return out;
    }

    private static double blockingRecall(Resolution r, List<String> ids, byte[] side) {
        Map<String, List<Integer>> byTruth = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byTruth.computeIfAbsent(truth(ids.get(i)), k -> new ArrayList<>()).add(i);
        }
        long pairs = 0;
        long kept = 0;
        for (List<Integer> g : byTruth.values()) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    if (side != null && side[g.get(i)] == side[g.get(j)]) {
                        continue;
                    }
                    pairs++;
                    kept += r.candidate(ids.get(g.get(i)), ids.get(g.get(j))) ? 1 : 0;
                }
            }
        }
        return pairs == 0 ? 1 : (double) kept / pairs;
    }
}
