package org.opencets.bench.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Large synthetic files for the payments, NIBRS and tip readers, and the bare parser each reader
 * is built on, for the ratio reader / parser in the same run.
 *
 * <p>Every value is made up from a seeded random generator: names from short lists, e-mails at
 * {@code example.org}-style domains, 555 phone numbers, card numbers with a valid Luhn digit under
 * made-up prefixes, documentation IP ranges mixed with others. The same seed writes the same file.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl bench -am
 * CP='bench/target/opencets-bench.jar:bench/target/lib/*'
 * java -cp "$CP" org.opencets.bench.formats.RecordSamples write --format transactions-csv --mb 500 /tmp/tx.csv
 * java -cp "$CP" org.opencets.bench.formats.RecordSamples write --format nibrs-xml --mb 500 /tmp/arrests.xml
 * java -cp "$CP" org.opencets.bench.formats.RecordSamples write --format tip-json --mb 500 /tmp/tips.json
 * java -Xmx1g -cp "$CP" org.opencets.bench.formats.ReaderThroughput --format transactions-csv /tmp/tx.csv --runs 3
 * java -Xmx1g -cp "$CP" org.opencets.bench.formats.RecordSamples parse --format transactions-csv /tmp/tx.csv --runs 3
 * </pre>
 * {@code parse} times the bare parser over the same file (FastCSV records, StAX events, Jackson
 * tokens) with nothing built from them: the floor under each reader.
 */
public final class RecordSamples {
    private static final String[] GIVEN = {"John", "Jane", "Richard", "Mary", "Ahmed", "Li", "Olga", "Pedro", "Aiko", "Sam"};
    private static final String[] SURNAMES = {"Smith", "Roe", "Doe", "Muster", "Nguyen", "Garcia", "Kowalski", "Okafor",
            "Tanaka", "Brown"};
    private static final String[] DOMAINS = {"example.org", "example.net", "mail.example", "post.test", "inbox.example.com"};
    private static final String[] MERCHANTS = {"Hidden Gallery Ltd", "Pix Club", "Galerie Verborgen", "Studio Nine"};
    private static final String[] CHARGES = {"370", "90Z", "90D", "11A", "64A", "13B", "35A", "520"};
    private static final String[] EVENTS = {"login", "upload", "registration", "purchase"};

    private RecordSamples() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        String mode = args[0];
        String format = null;
        long mb = 500;
        long seed = 20261121L;
        int runs = 3;
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = args[++i];
                case "--mb" -> mb = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> file = Path.of(args[i]);
            }
        }
        if (format == null || file == null) {
            usage();
        }
        switch (mode) {
            case "write" -> write(format, mb * 1_000_000L, seed, file);
            case "parse" -> parse(format, file, runs);
            default -> usage();
        }
    }

    private static void usage() {
        throw new IllegalArgumentException("usage: write --format transactions-csv|nibrs-xml|tip-json --mb N [--seed S] FILE"
                + " | parse --format F FILE [--runs N]");
    }

    static void write(String format, long bytes, long seed, Path file) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        long records = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
            Counting out = new Counting(w);
            switch (format) {
                case "transactions-csv" -> {
                    out.write("Transaction ID,Txn Date,Txn Time,Amount,Currency,Merchant Name,Merchant Descriptor,MCC,MID,"
                            + "TID,Auth Code,ARN,RRN,PAN,Cardholder Name,Billing Address,Billing City,Billing Zip,"
                            + "Billing Country,Shipping Address,Shipping City,Shipping Zip,Customer Email,Customer IP,"
                            + "Customer Phone\n");
                    while (out.count < bytes) {
                        transaction(out, r, records++);
                    }
                }
                case "nibrs-xml" -> {
                    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nibrs:Submission xmlns:nibrs=\"http://fbi.gov/cjis/nibrs/4.2\"\n"
                            + "  xmlns:j=\"http://release.niem.gov/niem/domains/jxdm/5.2/\"\n"
                            + "  xmlns:nc=\"http://release.niem.gov/niem/niem-core/3.0/\"\n"
                            + "  xmlns:s=\"http://release.niem.gov/niem/structures/3.0/\">\n");
                    while (out.count < bytes) {
                        records += arrestReport(out, r, records);
                    }
                    out.write("</nibrs:Submission>\n");
                }
                case "tip-json" -> {
                    out.write("{\"tip_format\": \"opencets-tip/1\", \"reports\": [\n");
                    while (out.count < bytes) {
                        if (records > 0) {
                            out.write(",\n");
                        }
                        tip(out, r, records++);
                    }
                    out.write("\n]}\n");
                }
                default -> throw new IllegalArgumentException("no generator for " + format);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d records, %,d bytes, seed %d%n", file, records, Files.size(file), seed);
    }

    private static void transaction(Counting out, SplittableRandom r, long i) throws IOException {
        String given = pick(GIVEN, r);
        String surname = pick(SURNAMES, r);
        StringBuilder sb = new StringBuilder(512);
        sb.append("T-").append(i).append(',');
        sb.append(String.format(Locale.ROOT, "2024-%02d-%02d,%02d:%02d:%02d,", 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60)));
        int cents = 500 + r.nextInt(300_000);
        sb.append('"').append(String.format(Locale.ROOT, "$%,d.%02d", cents / 100, cents % 100)).append("\",USD,");
        String merchant = pick(MERCHANTS, r);
        sb.append(merchant).append(',').append(merchant.toUpperCase(Locale.ROOT).replace(' ', '*')).append(" 555-0100,5815,");
        sb.append(445012345678900L + r.nextInt(40)).append(",T").append(1000 + r.nextInt(50)).append(',');
        sb.append(Integer.toString(r.nextInt(1 << 30), 36).toUpperCase(Locale.ROOT)).append(',');
        sb.append(String.format(Locale.ROOT, "7498%019d", Math.abs(r.nextLong()) % 10_000_000_000_000_000L)).append(',');
        sb.append(String.format(Locale.ROOT, "%012d", Math.abs(r.nextLong()) % 1_000_000_000_000L)).append(',');
        String card = card(r, i / 3);
        sb.append(r.nextInt(20) == 0 ? card.substring(0, 6) + "******" + card.substring(12) : card).append(',');
        sb.append(given).append(' ').append(surname).append(',');
        sb.append(1 + r.nextInt(999)).append(" Elm Street,Springfield,").append(10000 + r.nextInt(89999)).append(",US,");
        if (r.nextBoolean()) {
            sb.append("PO Box ").append(r.nextInt(999)).append(",Shelbyville,").append(10000 + r.nextInt(89999)).append(',');
        } else {
            sb.append(",,,");
        }
        sb.append(given.toLowerCase(Locale.ROOT)).append('.').append(surname.toLowerCase(Locale.ROOT)).append(i % 100_000)
                .append('@').append(pick(DOMAINS, r)).append(',');
        sb.append(ip(r)).append(',');
        sb.append(String.format(Locale.ROOT, "+1 415 555 %04d", 200 + r.nextInt(9800))).append('\n');
        out.write(sb.toString());
    }

    /** One report with one arrest of one to three arrestees; returns the records it makes. */
    private static int arrestReport(Counting out, SplittableRandom r, long i) throws IOException {
        int arrestees = 1 + r.nextInt(3);
        StringBuilder sb = new StringBuilder(3000);
        sb.append("  <nibrs:Report>\n    <nibrs:ReportHeader>\n")
                .append("      <nibrs:NIBRSReportCategoryCode>GROUP B ARREST REPORT</nibrs:NIBRSReportCategoryCode>\n")
                .append("      <nibrs:ReportActionCategoryCode>A</nibrs:ReportActionCategoryCode>\n")
                .append("      <nibrs:ReportDate><nc:YearMonthDate>2024-0").append(1 + r.nextInt(9)).append("</nc:YearMonthDate></nibrs:ReportDate>\n")
                .append("      <nibrs:ReportingAgency><j:OrganizationAugmentation><j:OrganizationORIIdentification>\n")
                .append("        <nc:IdentificationID>ZZ0").append(100000 + r.nextInt(900000)).append("</nc:IdentificationID>\n")
                .append("      </j:OrganizationORIIdentification></j:OrganizationAugmentation></nibrs:ReportingAgency>\n")
                .append("    </nibrs:ReportHeader>\n");
        for (int a = 1; a <= arrestees; a++) {
            sb.append("    <nc:Person s:id=\"P").append(a).append("\">\n");
            if (r.nextInt(4) == 0) {
                sb.append("      <nc:PersonName><nc:PersonGivenName>").append(pick(GIVEN, r))
                        .append("</nc:PersonGivenName><nc:PersonSurName>").append(pick(SURNAMES, r))
                        .append("</nc:PersonSurName></nc:PersonName>\n");
                sb.append(String.format(Locale.ROOT, "      <nc:PersonBirthDate><nc:Date>19%02d-%02d-%02d</nc:Date></nc:PersonBirthDate>%n",
                        50 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)));
            } else {
                sb.append("      <nc:PersonAgeMeasure><nc:MeasureIntegerValue>").append(14 + r.nextInt(60))
                        .append("</nc:MeasureIntegerValue></nc:PersonAgeMeasure>\n");
            }
            sb.append("      <j:PersonEthnicityCode>N</j:PersonEthnicityCode>\n      <j:PersonRaceNDExCode>W</j:PersonRaceNDExCode>\n")
                    .append("      <j:PersonResidentCode>R</j:PersonResidentCode>\n      <j:PersonSexCode>")
                    .append(r.nextBoolean() ? 'M' : 'F').append("</j:PersonSexCode>\n    </nc:Person>\n");
        }
        for (int a = 1; a <= arrestees; a++) {
            sb.append("    <j:Arrestee s:id=\"A").append(a).append("\">\n      <nc:RoleOfPerson s:ref=\"P").append(a)
                    .append("\"/>\n      <j:ArrestSequenceID>").append(a).append("</j:ArrestSequenceID>\n")
                    .append("      <j:ArresteeClearanceIndicator>true</j:ArresteeClearanceIndicator>\n")
                    .append("      <j:ArrestSubjectCountCode>N</j:ArrestSubjectCountCode>\n    </j:Arrestee>\n");
        }
        sb.append("    <j:Arrest s:id=\"R1\">\n      <nc:ActivityIdentification><nc:IdentificationID>ATN-").append(i)
                .append("</nc:IdentificationID></nc:ActivityIdentification>\n")
                .append(String.format(Locale.ROOT, "      <nc:ActivityDate><nc:Date>2024-%02d-%02d</nc:Date></nc:ActivityDate>%n",
                        1 + r.nextInt(12), 1 + r.nextInt(28)));
        int charges = 1 + r.nextInt(2);
        for (int c = 0; c < charges; c++) {
            sb.append("      <j:ArrestCharge><nibrs:ChargeUCRCode>").append(pick(CHARGES, r)).append("</nibrs:ChargeUCRCode></j:ArrestCharge>\n");
        }
        sb.append("      <j:ArrestCategoryCode>O</j:ArrestCategoryCode>\n    </j:Arrest>\n");
        for (int a = 1; a <= arrestees; a++) {
            sb.append("    <j:ArrestSubjectAssociation><nc:Activity s:ref=\"R1\"/><j:Subject s:ref=\"A").append(a)
                    .append("\"/></j:ArrestSubjectAssociation>\n");
        }
        sb.append("  </nibrs:Report>\n");
        out.write(sb.toString());
        return arrestees;
    }

    private static void tip(Counting out, SplittableRandom r, long i) throws IOException {
        String handle = pick(GIVEN, r).toLowerCase(Locale.ROOT) + "_" + r.nextInt(100_000);
        StringBuilder sb = new StringBuilder(1500);
        sb.append("  {\"report_id\": \"EC-").append(i).append("\", \"reporting_esp\": {\"name\": \"ExampleChat\", \"platform\": \"examplechat\"},\n");
        sb.append(String.format(Locale.ROOT, "   \"incident\": {\"type\": \"apparent child sexual abuse material\", \"time\": \"2024-%02d-%02dT%02d:%02d:00Z\"},%n",
                1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60)));
        sb.append("   \"reported_persons\": [{\"display_name\": \"").append(pick(GIVEN, r)).append("\", \"screen_names\": [\"")
                .append(handle).append("\"], \"user_ids\": [\"").append(100_000 + r.nextInt(900_000)).append("\"], \"emails\": [\"")
                .append(handle).append('@').append(pick(DOMAINS, r)).append("\"]");
        if (r.nextInt(3) == 0) {
            sb.append(", \"phones\": [\"").append(String.format(Locale.ROOT, "+1 415 555 %04d", 200 + r.nextInt(9800))).append("\"]");
        }
        sb.append(",\n     \"ip_events\": [");
        int events = 1 + r.nextInt(3);
        for (int e = 0; e < events; e++) {
            sb.append(e == 0 ? "" : ", ").append("{\"ip\": \"").append(ip(r)).append("\", \"time\": \"")
                    .append(String.format(Locale.ROOT, "2024-%02d-%02dT%02d:%02d:%02dZ", 1 + r.nextInt(12), 1 + r.nextInt(28),
                            r.nextInt(24), r.nextInt(60), r.nextInt(60)))
                    .append("\", \"port\": ").append(1024 + r.nextInt(60000)).append(", \"event\": \"").append(pick(EVENTS, r)).append("\"}");
        }
        sb.append("]}],\n   \"uploaded_files\": [");
        int files = 1 + r.nextInt(2);
        for (int f = 0; f < files; f++) {
            sb.append(f == 0 ? "" : ", ").append("{\"name\": \"IMG_").append(r.nextInt(10_000)).append(".jpg\", \"md5\": \"")
                    .append(hex(r, 32)).append("\", \"sha1\": \"").append(hex(r, 40)).append("\", \"viewed_by_esp\": ")
                    .append(r.nextBoolean()).append(", \"original_url\": \"https://cdn.examplechat.example/u/").append(hex(r, 12))
                    .append(".jpg\"}");
        }
        sb.append("],\n   \"additional_info\": \"Account created ").append(1 + r.nextInt(900))
                .append(" days before the report; user also wrote to ").append(handle).append(".alt@").append(pick(DOMAINS, r))
                .append(".\"}");
        out.write(sb.toString());
    }

    private static String pick(String[] a, SplittableRandom r) {
        return a[r.nextInt(a.length)];
    }

    private static String hex(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }

    private static String ip(SplittableRandom r) {
        return r.nextInt(4) == 0 ? "203.0.113." + r.nextInt(256)
                : (11 + r.nextInt(180)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** A 16-digit number under a made-up 6-digit prefix with a valid Luhn check digit; the same n gives the same card. */
    private static String card(SplittableRandom r, long n) {
        SplittableRandom cr = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        char[] d = new char[16];
        String prefix = cr.nextBoolean() ? "455701" : "532610";
        for (int i = 0; i < 6; i++) {
            d[i] = prefix.charAt(i);
        }
        for (int i = 6; i < 15; i++) {
            d[i] = (char) ('0' + cr.nextInt(10));
        }
        int sum = 0;
        for (int i = 14, k = 0; i >= 0; i--, k++) {
            int v = d[i] - '0';
            if (k % 2 == 0) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
        }
        d[15] = (char) ('0' + (10 - sum % 10) % 10);
        return new String(d);
    }

    /** Times the bare parser the reader of the format is built on, over the whole file. */
    static void parse(String format, Path file, int runs) throws IOException, XMLStreamException {
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "# bare parser for %s on %s: %,d bytes; JDK %s; one thread%n", format, file, bytes,
                Runtime.version());
        double[] mbs = new double[runs];
        for (int run = -1; run < runs; run++) {
            long t0 = System.nanoTime();
            long units = switch (format) {
                case "transactions-csv", "arrests-csv" -> csv(file);
                case "nibrs-xml" -> xml(file);
                case "tip-json" -> json(file);
                default -> throw new IllegalArgumentException("no bare parser for " + format);
            };
            double s = (System.nanoTime() - t0) / 1e9;
            if (run >= 0) {
                mbs[run] = bytes / 1e6 / s;
                System.out.printf(Locale.ROOT, "run %d: %.2f s, %.1f MB/s (%,d rows, events or tokens)%n", run + 1, s, mbs[run], units);
            }
        }
        java.util.Arrays.sort(mbs);
        System.out.printf(Locale.ROOT, "%s bare parser: median %.1f MB/s, best %.1f MB/s%n", format, mbs[runs / 2], mbs[runs - 1]);
    }

    private static long csv(Path file) throws IOException {
        long n = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(
                new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()))) {
            for (CsvRecord rec : csv) {
                n += rec.getFieldCount() > 0 ? 1 : 0;
            }
        }
        return n;
    }

    private static long xml(Path file) throws IOException, XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        long n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = f.createXMLStreamReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
            while (x.hasNext()) {
                x.next();
                n++;
            }
            x.close();
        }
        return n;
    }

    private static long json(Path file) throws IOException {
        long n = 0;
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            while (p.nextToken() != null) {
                n++;
            }
        }
        return n;
    }

    /** Counts what it writes, in UTF-8 bytes (the samples are ASCII, so characters). */
    private static final class Counting {
        private final Writer w;
        long count;

        Counting(Writer w) {
            this.w = w;
        }

        void write(String s) throws IOException {
            w.write(s);
            count += s.length();
        }
    }
}
