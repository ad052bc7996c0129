package org.opencets.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.opencets.app.Deployment;
import org.opencets.bench.formats.TransactionSamples;
import org.opencets.app.ImportReport;
import org.opencets.app.Session;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.store.StoreConfig;

/**
 * End-to-end import and correlation benchmark on the embedded store.
 *
 * <p>Builds a store of {@code --rows} generated card transactions (in files of {@code --file-rows},
 * one case each, as a processor's returns arrive), reporting records per second end to end — file
 * hashed and encrypted into the evidence store, parsed, identifiers normalised (cards HMAC-ed),
 * written, correlated. Then imports {@code --probe} more rows into a new case, a fifth of which reuse
 * identifiers already in the store, and reports the time of that import and of its correlation step.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl bench -am
 * java -Xmx4g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *      org.opencets.bench.ingest.ImportBenchmark --rows 10000000 --probe 100000 --dir /tmp/cets-bench
 * </pre>
 */
public final class ImportBenchmark {
    public static void main(String[] args) throws IOException {
        long rows = 1_000_000;
        long fileRows = 1_000_000;
        long probe = 100_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "cets-import-bench");
        boolean probeOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--file-rows" -> fileRows = Long.parseLong(args[++i]);
                case "--probe" -> probe = Long.parseLong(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--probe-only" -> probeOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --rows N --file-rows N --probe N --dir DIR [--probe-only]");
            }
        }
        if (probeOnly) {
            // another probe against the store an earlier run left in DIR (--rows must be the rows it holds)
            Session s = Deployment.open(StoreConfig.embedded(dir.resolve("home"))).session("admin");
            probe(s, dir, rows, probe, "PROBE-" + System.currentTimeMillis());
            return;
        }
        if (Files.exists(dir.resolve("home"))) {
            throw new IllegalArgumentException(dir + "/home exists; give an empty --dir");
        }
        Files.createDirectories(dir);
        parseOnly(dir, Math.min(rows, fileRows));
        Deployment d = Deployment.init(StoreConfig.embedded(dir.resolve("home")), "BENCH", "Benchmark agency", "US", "admin");
        Session s = d.session("admin");
        s.addUser("analyst", "BENCH", Set.of(Role.INVESTIGATOR), null);
        System.out.printf(Locale.ROOT, "# import benchmark: %,d rows in files of %,d, then a probe of %,d; JDK %s; %d cores%n",
                rows, fileRows, probe, Runtime.version(), Runtime.getRuntime().availableProcessors());
        long done = 0;
        int file = 0;
        long totalNanos = 0;
        while (done < rows) {
            long n = Math.min(fileRows, rows - done);
            Path csv = dir.resolve("part-" + file + ".csv");
            write(csv, done, n, -1);
            String caseNumber = "P" + file;
            s.createCase(caseNumber, "BENCH", "returns " + file, Sharing.AGENCY, null);
            long t0 = System.nanoTime();
            ImportReport r = s.importFile(caseNumber, "transactions-csv", csv, Session.ImportOptions.defaults());
            long t = System.nanoTime() - t0;
            totalNanos += t;
            Files.delete(csv);
            done += n;
            file++;
            System.out.printf(Locale.ROOT, "file %3d: %,10d records in %6.1f s = %,9.0f records/s  (store now %,d rows; correlation %,d ms)%n",
                    file, r.records(), t / 1e9, r.records() / (t / 1e9), done, r.correlationMs());
        }
        System.out.printf(Locale.ROOT, "store built: %,d records in %.1f s = %,.0f records/s end to end%n",
                done, totalNanos / 1e9, done / (totalNanos / 1e9));

        probe(s, dir, rows, probe, "PROBE");
    }

    /** Imports {@code probe} rows into a new case, a fifth reusing identifiers of the first {@code rows}. */
    static void probe(Session s, Path dir, long rows, long probe, String caseNumber) throws IOException {
        Path csv = dir.resolve(caseNumber + ".csv");
        write(csv, rows, probe, rows);
        s.createCase(caseNumber, "BENCH", "new returns", Sharing.AGENCY, null);
        long t0 = System.nanoTime();
        ImportReport r = s.importFile(caseNumber, "transactions-csv", csv, Session.ImportOptions.defaults());
        long t = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "probe: %,d records against a store of %,d: import %.2f s (%,.0f records/s), "
                        + "correlation step %.2f s, %,d links%n",
                r.records(), rows, t / 1e9, r.records() / (t / 1e9), r.correlationMs() / 1e3, r.links());
        Files.delete(csv);
    }

    /** The reader alone (parse, normalise, hash cards) on one file, as the baseline for the store's share. */
    static void parseOnly(Path dir, long n) throws IOException {
        Path csv = dir.resolve("parse-only.csv");
        write(csv, 0, n, -1);
        var ctx = new org.opencets.core.identifier.IdentifierContext("US",
                new org.opencets.core.identifier.CardHasher(org.opencets.core.identifier.CardHasher.newKey()));
        var reader = org.opencets.formats.read.Formats.installed().byName("transactions-csv");
        long[] count = {0, 0};
        long t0 = System.nanoTime();
        reader.read(org.opencets.formats.read.ReadSource.of(csv, ctx), new org.opencets.formats.read.RecordSink() {
            @Override
            public void accept(org.opencets.core.record.ParsedRecord r) {
                count[0]++;
                count[1] += r.mentions().size();
            }

            @Override
            public void reject(long line, String reason) {
                throw new IllegalStateException(line + ": " + reason);
            }
        });
        long t = System.nanoTime() - t0;
        Files.delete(csv);
        System.out.printf(Locale.ROOT, "reader alone: %,d records (%,d identifiers) in %.1f s = %,.0f records/s%n",
                count[0], count[1], t / 1e9, count[0] / (t / 1e9));
    }

    /** The generator shared with the reader benchmarks (see {@link TransactionSamples#write(Path, long, long, long)}). */
    static void write(Path csv, long first, long n, long reuseBelow) throws IOException {
        TransactionSamples.write(csv, first, n, reuseBelow);
    }
}
