package org.opencets.bench.formats;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.caseuco.CaseUcoWriter;
import org.opencets.formats.caseuco.CaseView;

/**
 * Writes a synthetic CASE/UCO bundle of about N MB with the project's own writer, for
 * {@link ReaderThroughput} ({@code --format case-uco}): chat messages between 20,000 accounts on three
 * platforms (each message a sender, one or two recipients, a text of 60-200 characters that now and
 * then holds an e-mail address), and one transaction in ten (card keyed hash under the all-zero key
 * that ReaderThroughput reads with, e-mail, IP). Synthetic names only (example.org, 555 numbers). Also
 * prints the writer's own speed.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl bench -am
 * java -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' org.opencets.bench.formats.CaseUcoSamples 200 /tmp/case.jsonld
 * java -Xmx1g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *      org.opencets.bench.formats.ReaderThroughput --format case-uco /tmp/case.jsonld --runs 3
 * </pre>
 */
public final class CaseUcoSamples {
    private static final String[] PLATFORMS = {"irc", "telegram", "examplechat"};
    private static final String[] WORDS = ("the a meet later send pics link new set price ok tomorrow tonight where when "
            + "paid card code chat room private only trusted friends share upload download folder account").split(" ");

    private CaseUcoSamples() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--tokenize")) {
            tokenize(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: MEGABYTES FILE | --tokenize FILE RUNS");
        }
        long target = Long.parseLong(args[0]) * 1_000_000L;
        Path file = Path.of(args[1]);
        IdentifierContext ctx = new IdentifierContext("GB", new CardHasher(new byte[32]));
        SplittableRandom random = new SplittableRandom(20261121);
        long t0 = System.nanoTime();
        long records = 0;
        try (CountingStream counted = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
             CaseUcoWriter w = new CaseUcoWriter(counted)) {
            w.begin(new CaseView("BENCH", "Benchmark Agency", "2026-1", "synthetic exchange", "agency", "bench", "bench",
                    "2026-11-21T00:00:00Z", CaseUcoWriter.cardKeyCheck(ctx.cardHasher()),
                    List.of(new CaseView.Evidence(1, "synthetic.jsonl", "0".repeat(64), "jsonl", "bench", "2026-11-21T00:00:00Z"))));
            while (counted.count < target) {
                records++;
                w.record(random.nextInt(10) == 0 ? transaction(random, ctx, records) : message(random, records));
            }
            w.end();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "wrote %,d records, %,d bytes in %.2f s: %.1f MB/s, %,.0f records/s (writer, one thread)%n",
                records, bytes, s, bytes / 1e6 / s, records / s);
    }

    /**
     * The baseline for the reader: Jackson's streaming parser alone, every token of the file and
     * nothing else, one pass (the reader makes two, and builds records).
     */
    private static void tokenize(Path file, int runs) throws IOException {
        com.fasterxml.jackson.core.JsonFactory factory = new com.fasterxml.jackson.core.JsonFactory();
        long bytes = Files.size(file);
        for (int run = -1; run < runs; run++) {
            long t0 = System.nanoTime();
            long tokens = 0;
            try (com.fasterxml.jackson.core.JsonParser p = factory.createParser(Files.newInputStream(file))) {
                while (p.nextToken() != null) {
                    tokens++;
                    if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                        p.getText();
                    }
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (run >= 0) {
                System.out.printf(Locale.ROOT, "tokenize run %d: %.2f s, %.1f MB/s (%,d tokens, strings materialised)%n",
                        run + 1, s, bytes / 1e6 / s, tokens);
            }
        }
    }

    private static CaseView.Entry message(SplittableRandom r, long id) {
        String platform = PLATFORMS[r.nextInt(PLATFORMS.length)];
        Identifier from = Identifiers.account(platform, "user" + r.nextInt(20_000));
        List<Mention> mentions = new ArrayList<>();
        mentions.add(Mention.ofField(from, "sender", from.display(), "from"));
        int to = 1 + r.nextInt(2);
        for (int i = 0; i < to; i++) {
            Identifier rcpt = Identifiers.account(platform, "user" + r.nextInt(20_000));
            mentions.add(Mention.ofField(rcpt, "recipient", rcpt.display(), "to"));
        }
        StringBuilder text = new StringBuilder();
        int len = 60 + r.nextInt(140);
        while (text.length() < len) {
            text.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        if (r.nextInt(8) == 0) {
            String mail = "m" + r.nextInt(50_000) + "@example.org";
            int start = text.length();
            text.append(mail);
            mentions.add(new Mention(Identifiers.normalise(IdentifierType.EMAIL, mail, null), "text", mail, "text", start,
                    start + mail.length()));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("platform", platform);
        fields.put("from", from.display());
        fields.put("text", text.toString());
        String time = String.format(Locale.ROOT, "2024-%02d-%02dT%02d:%02d:%02dZ", 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60));
        fields.put("time", time);
        return new CaseView.Entry(id, 1, RecordKind.MESSAGE, id, -1, time, fields, mentions);
    }

    private static CaseView.Entry transaction(SplittableRandom r, IdentifierContext ctx, long id) {
        String digits = "4" + String.format(Locale.ROOT, "%014d", r.nextLong(100_000_000_000_000L));
        Identifier card = Identifiers.normalise(IdentifierType.CARD, digits + luhn(digits), ctx);
        Identifier mail = Identifiers.normalise(IdentifierType.EMAIL, "buyer" + r.nextInt(100_000) + "@example.org", ctx);
        Identifier ip = Identifiers.normalise(IdentifierType.IP, "81.2." + r.nextInt(256) + "." + r.nextInt(256), ctx);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("card", card.display());
        fields.put("amount", String.format(Locale.ROOT, "%d.%02d", r.nextInt(200), r.nextInt(100)));
        fields.put("merchant", "Example Gallery");
        return new CaseView.Entry(id, 1, RecordKind.TRANSACTION, id, -1, "2024-03-01T10:00:00Z", fields,
                List.of(Mention.ofField(card, "buyer_card", card.display(), "card_number"),
                        Mention.ofField(mail, "buyer_email", mail.display(), "email"),
                        Mention.ofField(ip, "buyer_ip", ip.display(), "ip")));
    }

    /** The Luhn check digit for the digits. */
    private static int luhn(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
