package org.opencets.cli.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ResolveCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ResolveCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("cets: " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    private static final String[] GIVEN = {"jacob", "olivia", "ethan", "grace", "lucas", "mia", "oscar", "erin", "darcy", "kiara"};
    private static final String[] SURNAMES = {"lanyon", "white", "hathaway", "potempa", "morrison", "mccarthy", "tossell",
        "paterson", "everett", "hinchcliff", "bruhn", "hobson", "efthimiou", "waller", "berry"};

    /**
     * A Febrl-shaped file: persons with one duplicate each (a typo in the surname), a space after
     * each comma, some empty fields. Returns the file; person k's records are "k-a" and "k-b".
     */
    private Path people(String name, int persons, long seed, String idHeader) throws IOException {
        System.out.println("ResolveCommandTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        lines.add(idHeader + ", given_name, surname, street_number, address_1, suburb, postcode, date_of_birth, soc_sec_id");
        for (int p = 0; p < persons; p++) {
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String surname = SURNAMES[random.nextInt(SURNAMES.length)] + (char) ('a' + random.nextInt(26));
            String number = Integer.toString(1 + random.nextInt(200));
            String street = SURNAMES[random.nextInt(SURNAMES.length)] + " street";
            String suburb = GIVEN[random.nextInt(GIVEN.length)] + "ville";
            String postcode = Integer.toString(2000 + random.nextInt(3000));
            String dob = String.format("%04d%02d%02d", 1930 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String ssn = Integer.toString(1_000_000 + random.nextInt(9_000_000));
            lines.add(String.join(", ", p + "-a", given, surname, number, street, suburb, postcode, dob, ssn));
            String typo = surname.substring(0, 2) + surname.substring(3);
            lines.add(String.join(", ", p + "-b", given, typo, random.nextBoolean() ? "" : number, street, suburb, postcode, dob, ssn));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private static Map<String, String> clusters(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("record_id,person_id");
        Map<String, String> m = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            m.put(f[0], f[1]);
        }
        return m;
    }

    @Test
    void dedupeWritesEveryRecordsPersonAndThePairs() throws IOException {
        Path in = people("people.csv", 150, System.nanoTime(), "rec_id");
        Path out = dir.resolve("persons.csv");
        Path pairs = dir.resolve("pairs.csv");
        Path weights = dir.resolve("weights.csv");
        int code = run("dedupe", in.toString(), "--id", "rec_id", "--clusters", out.toString(), "--pairs", pairs.toString(),
                "--explain", weights.toString());
        assertThat(code).as(err.toString()).isZero();
        Map<String, String> persons = clusters(out);
        assertThat(persons).hasSize(300);
        int together = 0;
        for (int p = 0; p < 150; p++) {
            together += persons.get(p + "-a").equals(persons.get(p + "-b")) ? 1 : 0;
        }
        assertThat(together).isGreaterThanOrEqualTo(147);
        List<String> pairLines = Files.readAllLines(pairs);
        assertThat(pairLines.get(0)).isEqualTo("left_id,right_id,probability");
        assertThat(pairLines.size() - 1).isGreaterThanOrEqualTo(147);
        for (String l : pairLines.subList(1, pairLines.size())) {
            assertThat(Double.parseDouble(l.split(",")[2])).isGreaterThanOrEqualTo(0.5);
        }
        assertThat(Files.readAllLines(weights).get(0)).startsWith("left_id,right_id,probability,match_weight,prior,given_name");
        assertThat(err.toString()).contains("resolved 300 records");
    }

    @Test
    void theIdColumnIsNeverCompared() throws IOException {
        // The id column is named like an attribute; were it compared, every record would differ on it.
        Path in = people("people.csv", 60, 7, "surname_ref");
        String text = Files.readString(in).replace("surname_ref,", "national_id,");
        Files.writeString(in, text);
        Path out = dir.resolve("persons.csv");
        assertThat(run("dedupe", in.toString(), "--id", "national_id", "--column", "national_id=soc_sec_id", "--clusters",
                out.toString())).as(err.toString()).isZero();
        Map<String, String> persons = clusters(out);
        assertThat(persons.get("0-a")).isEqualTo(persons.get("0-b"));
    }

    @Test
    void linkComparesTwoFilesAndListsBoth() throws IOException {
        Path left = dir.resolve("left.csv");
        Path right = dir.resolve("right.csv");
        List<String> all = Files.readAllLines(people("all.csv", 100, 11, "id"));
        List<String> l = new ArrayList<>(List.of(all.get(0)));
        List<String> r = new ArrayList<>(List.of(all.get(0).replace("given_name", "first_name").replace("surname", "last_name")));
        for (String line : all.subList(1, all.size())) {
            (line.contains("-a,") ? l : r).add(line);
        }
        Files.write(left, l);
        Files.write(right, r);
        Path out = dir.resolve("persons.csv");
        assertThat(run("link", left.toString(), right.toString(), "--id", "id", "--clusters", out.toString(), "-q"))
                .as(err.toString()).isZero();
        Map<String, String> persons = clusters(out);
        assertThat(persons).hasSize(200);
        int linked = 0;
        for (int p = 0; p < 100; p++) {
            linked += persons.get(p + "-a").equals(persons.get(p + "-b")) ? 1 : 0;
        }
        assertThat(linked).isGreaterThanOrEqualTo(97);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void badInputNamesFileAndLineAndWritesNothing() throws IOException {
        Path in = people("people.csv", 20, 3, "rec_id");
        Path out = dir.resolve("persons.csv");
        Path pairs = dir.resolve("pairs.csv");

        assertThat(run("dedupe", in.toString(), "--id", "nope", "--clusters", out.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(in + ":1: no id column 'nope'");

        List<String> lines = new ArrayList<>(Files.readAllLines(in));
        lines.set(5, lines.get(3));
        Files.write(in, lines);
        assertThat(run("dedupe", in.toString(), "--id", "rec_id", "--clusters", out.toString(), "--pairs", pairs.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains(in + ":6: duplicate id '1-a' (first seen at " + in + ":4)");

        lines = new ArrayList<>(Files.readAllLines(people("people.csv", 20, 3, "rec_id")));
        lines.set(7, lines.get(7) + ", extra");
        Files.write(in, lines);
        assertThat(run("dedupe", in.toString(), "--id", "rec_id", "--clusters", out.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(in + ":8: the row has 10 fields but the header has 9");

        Path left = people("left.csv", 5, 1, "rec_id");
        Path right = Files.copy(left, dir.resolve("right.csv"));
        assertThat(run("link", left.toString(), right.toString(), "--id", "rec_id", "--clusters", out.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(right + ":2: duplicate id '0-a' (first seen at " + left + ":2)")
                .contains("across both files");

        assertThat(run("dedupe", dir.resolve("missing.csv").toString(), "--id", "rec_id", "--clusters", out.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("missing.csv: no such file");

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("nothing written, no temporary file left").doesNotContain("persons.csv", "pairs.csv")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path in = people("people.csv", 5, 5, "rec_id");
        assertThat(run("dedupe", in.toString(), "--clusters", dir.resolve("o.csv").toString())).isEqualTo(2); // no --id
        assertThat(run("dedupe", in.toString(), "--id", "rec_id", "--clusters", dir.resolve("o.csv").toString(),
                "--column", "shoe_size=given_name")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown attribute 'shoe_size'");
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void helpShowsAnExample() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ResolveCommand());
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("dedupe", "--help")).isZero();
        assertThat(out.toString()).contains("Example:").contains("cets resolve dedupe");
    }
}
