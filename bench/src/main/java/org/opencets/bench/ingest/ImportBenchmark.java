package org.opencets.bench.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.opencets.app.Deployment;
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

    /**
     * Writes rows {@code first .. first+n-1}. Each e-mail is used by two consecutive rows, each card by
     * three, each IP by five; phones are unique. With {@code reuseBelow > 0}, every fifth row reuses
     * the identifiers of an earlier row below that index, so it links to the stored cases.
     */
    static void write(Path csv, long first, long n, long reuseBelow) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            w.write("transaction_id,date,amount,currency,merchant,card_number,cardholder_name,email,ip,phone\n");
            StringBuilder sb = new StringBuilder(256);
            for (long i = first; i < first + n; i++) {
                long k = i;
                if (reuseBelow > 0 && i % 5 == 0) {
                    k = Math.floorMod(i * 2_654_435_761L, reuseBelow);
                }
                sb.setLength(0);
                sb.append('T').append(i).append(',');
                sb.append("2024-").append(String.format(Locale.ROOT, "%02d-%02dT%02d:%02d:00Z", 1 + i % 12, 1 + i % 28, i % 24, i % 60)).append(',');
                sb.append(5 + i % 95).append(".99,USD,Synthetic Merchant ").append(i % 50).append(',');
                sb.append(card(k / 3)).append(',');
                sb.append("Buyer ").append(k).append(',');
                sb.append("buyer").append(k / 2).append("@mail").append((k / 2) % 97).append(".test-bench.net,");
                long ip = k / 5;
                sb.append(81).append('.').append(2 + (ip >> 16) % 200).append('.').append((ip >> 8) & 255).append('.').append(ip & 255).append(',');
                sb.append("+1415").append(2_000_000 + k % 8_000_000).append('\n');
                w.append(sb);
            }
        }
    }

    /** A Luhn-valid 16-digit number from a seed, outside the stoplisted test numbers. */
    static String card(long seed) {
        String body = "49" + String.format(Locale.ROOT, "%013d", seed % 10_000_000_000_000L);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return body + (10 - sum % 10) % 10;
    }
}
