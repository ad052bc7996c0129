package org.opencets.bench.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.record.ParsedRecord;
import org.opencets.formats.read.Formats;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * How fast one reader parses a file on one core: MB/s and records/s, reader alone (no store). The
 * file is read once to warm the JIT and the page cache, then {@code --runs} more times; the best and
 * the median run are printed.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl bench -am
 * java -Xmx1g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *      org.opencets.bench.formats.ReaderThroughput --format irc FILE [--runs 5] [--option key=value]
 * </pre>
 */
public final class ReaderThroughput {
    public static void main(String[] args) throws IOException {
        String format = null;
        Path file = null;
        int runs = 5;
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--option" -> {
                    String[] kv = args[++i].split("=", 2);
                    options.put(kv[0], kv[1]);
                }
                default -> file = Path.of(args[i]);
            }
        }
        if (format == null || file == null) {
            throw new IllegalArgumentException("usage: --format NAME FILE [--runs N] [--option key=value]");
        }
        RecordReader reader = Formats.installed().byName(format);
        IdentifierContext ctx = new IdentifierContext("GB", new CardHasher(new byte[32]));
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "# %s on %s: %,d bytes; JDK %s; one thread%n", format, file, bytes, Runtime.version());
        double[] mbs = new double[runs];
        long records = 0;
        for (int run = -1; run < runs; run++) {
            Counting sink = new Counting();
            long t0 = System.nanoTime();
            reader.read(ReadSource.of(file, ctx).withOptions(options), sink);
            double s = (System.nanoTime() - t0) / 1e9;
            records = sink.records;
            if (run >= 0) {
                mbs[run] = bytes / 1e6 / s;
                System.out.printf(Locale.ROOT, "run %d: %.2f s, %.1f MB/s, %,.0f records/s (%,d records, %,d rejected)%n",
                        run + 1, s, bytes / 1e6 / s, sink.records / s, sink.records, sink.rejected);
            }
        }
        java.util.Arrays.sort(mbs);
        System.out.printf(Locale.ROOT, "%s: median %.1f MB/s, best %.1f MB/s; %,d records%n",
                format, mbs[runs / 2], mbs[runs - 1], records);
    }

    private static final class Counting implements RecordSink {
        long records;
        long rejected;
        long mentions;

        @Override
        public void accept(ParsedRecord record) {
            records++;
            mentions += record.mentions().size();
        }

        @Override
        public void reject(long line, String reason) {
            rejected++;
        }
    }
}
