package org.opencets.bench.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes a card-transactions CSV of the shape {@code ImportBenchmark} imports (same columns, same
 * value generator): each e-mail used by two consecutive rows, each card by three, each IP by five,
 * phones unique, in E.164 form. For measuring the transactions-csv reader alone:
 *
 * <pre>
 * ./mvnw -q -B -o -DskipTests package -pl bench -am
 * java -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *      org.opencets.bench.formats.TransactionSamples --rows 1000000 /tmp/tx.csv
 * java -Xmx1g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *      org.opencets.bench.formats.ReaderThroughput --format transactions-csv /tmp/tx.csv
 * </pre>
 */
public final class TransactionSamples {
    private TransactionSamples() {
    }

    public static void main(String[] args) throws IOException {
        long rows = 1_000_000;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                default -> out = Path.of(args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("usage: [--rows N] FILE");
        }
        write(out, 0, rows);
        System.out.printf(Locale.ROOT, "%s: %,d rows, %,d bytes%n", out, rows, Files.size(out));
    }

    /** Writes rows {@code first .. first+n-1} to a new file. */
    public static void write(Path csv, long first, long n) throws IOException {
        write(csv, first, n, -1);
    }

    /**
     * Writes rows {@code first .. first+n-1} to a new file. With {@code reuseBelow > 0}, every fifth
     * row reuses the identifiers of an earlier row below that index, so it links to cases that hold
     * those rows.
     */
    public static void write(Path csv, long first, long n, long reuseBelow) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
            w.write("transaction_id,date,amount,currency,merchant,card_number,cardholder_name,email,ip,phone\n");
            StringBuilder sb = new StringBuilder(256);
            for (long i = first; i < first + n; i++) {
                long k = reuseBelow > 0 && i % 5 == 0 ? Math.floorMod(i * 2_654_435_761L, reuseBelow) : i;
                sb.setLength(0);
                sb.append('T').append(i).append(',');
                sb.append("2024-").append(String.format(Locale.ROOT, "%02d-%02dT%02d:%02d:00Z",
                        1 + i % 12, 1 + i % 28, i % 24, i % 60)).append(',');
                sb.append(5 + i % 95).append(".99,USD,Synthetic Merchant ").append(i % 50).append(',');
                sb.append(card(k / 3)).append(',');
                sb.append("Buyer ").append(k).append(',');
                sb.append("buyer").append(k / 2).append("@mail").append((k / 2) % 97).append(".test-bench.net,");
                long ip = k / 5;
                sb.append(81).append('.').append(2 + (ip >> 16) % 200).append('.').append((ip >> 8) & 255)
                        .append('.').append(ip & 255).append(',');
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
