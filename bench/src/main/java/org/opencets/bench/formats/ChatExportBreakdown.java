package org.opencets.bench.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.record.ParsedRecord;
import org.opencets.formats.read.Formats;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * Where a chat-export reader's time goes, as ratios measured in one run on one core: the same file
 * read (1) as raw bytes, (2) as parser events only (Jackson tokens, or StAX events for PAN-12), (3) for
 * JSON, as one tree per message (Jackson {@code readValueAsTree}, what the readers hold), and (4) by the
 * reader itself, records and identifiers included. The four are interleaved, round after round, so a
 * noisy shared machine slows them alike; the median of each is printed.
 *
 * <pre>
 * java -Xmx1g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' org.opencets.bench.formats.ChatExportBreakdown \
 *      --format telegram /tmp/telegram.json [--rounds 3]
 * </pre>
 */
public final class ChatExportBreakdown {
    private static final ObjectMapper TREES = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String format = null;
        Path file = null;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> file = Path.of(args[i]);
            }
        }
        if (format == null || file == null) {
            throw new IllegalArgumentException("usage: --format telegram|discord|pan12 FILE [--rounds N]");
        }
        RecordReader reader = Formats.installed().byName(format);
        long bytes = Files.size(file);
        boolean xml = format.equals("pan12");
        String[] stages = xml ? new String[] {"raw bytes", "StAX events", "reader"}
                : new String[] {"raw bytes", "Jackson tokens", "Jackson tree per message", "reader"};
        double[][] seconds = new double[stages.length][rounds];
        long[] counts = new long[stages.length];
        System.out.printf(Locale.ROOT, "# %s on %s: %,d bytes; JDK %s; one thread; %d rounds after one warm-up%n",
                format, file, bytes, Runtime.version(), rounds);
        for (int round = -1; round < rounds; round++) {
            for (int s = 0; s < stages.length; s++) {
                long t0 = System.nanoTime();
                long n = switch (stages[s]) {
                    case "raw bytes" -> raw(file);
                    case "Jackson tokens" -> tokens(file);
                    case "Jackson tree per message" -> trees(file);
                    case "StAX events" -> events(file);
                    default -> read(reader, file);
                };
                double sec = (System.nanoTime() - t0) / 1e9;
                counts[s] = n;
                if (round >= 0) {
                    seconds[s][round] = sec;
                }
            }
        }
        double readerMedian = median(seconds[stages.length - 1]);
        for (int s = 0; s < stages.length; s++) {
            double med = median(seconds[s]);
            System.out.printf(Locale.ROOT, "%-26s median %7.1f MB/s (%6.2f s)  %5.1f %% of the reader's time  [%,d]%n",
                    stages[s], bytes / 1e6 / med, med, 100 * med / readerMedian, counts[s]);
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static long raw(Path file) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
            }
        }
        return n;
    }

    private static long tokens(Path file) throws IOException {
        long n = 0;
        try (JsonParser p = new JsonFactory().createParser(Files.newInputStream(file))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING) {
                    p.getText(); // the readers decode every string they keep
                }
                n++;
            }
        }
        return n;
    }

    /** Finds the "messages" array at the top level and reads each element as a tree, as the readers do. */
    private static long trees(Path file) throws IOException {
        long n = 0;
        try (JsonParser p = TREES.getFactory().createParser(Files.newInputStream(file))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("messages")) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        p.readValueAsTree();
                        n++;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return n;
    }

    private static long events(Path file) throws IOException, XMLStreamException {
        long n = 0;
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = f.createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamReader.CHARACTERS) {
                    x.getTextCharacters();
                }
                n++;
            }
            x.close();
        }
        return n;
    }

    private static long read(RecordReader reader, Path file) throws IOException {
        IdentifierContext ctx = new IdentifierContext("GB", new CardHasher(new byte[32]));
        long[] n = {0};
        reader.read(ReadSource.of(file, ctx), new RecordSink() {
            @Override
            public void accept(ParsedRecord record) {
                n[0]++;
            }

            @Override
            public void reject(long line, String reason) {
                throw new IllegalStateException("line " + line + ": " + reason);
            }
        });
        return n[0];
    }
}
