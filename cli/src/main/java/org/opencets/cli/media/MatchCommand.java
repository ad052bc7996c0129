package org.opencets.cli.media;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencets.media.hash.FileDigests;
import org.opencets.media.match.KnownHashIndex;
import org.opencets.media.match.Match;
import org.opencets.media.pdq.PdqHash;
import org.opencets.media.pdq.PdqResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cets media match}: the rows of a hash CSV that known lists know, with provenance. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match a 'cets media hash' CSV against known-hash lists: exact on MD5, SHA-1 and SHA-256, "
                + "perceptual on PDQ within the threshold (hashes of quality under 50 never match).",
            "Lists: Project VIC VICS JSON (OData 1.3/2.0), NSRL RDS 2 (NSRLFile.txt) or RDS 3 (SQLite), md5sum / "
                + "sha1sum / sha256sum lists, 'pdq <hex>' lines, CSV with a header; the format is detected.",
            "Writes one row per match, with the header",
            "  path,known_id,list,kind,distance,category",
            "(kind: md5, sha1, sha256 or pdq; distance 0 for exact matches; list: the list's file name)."},
        footerHeading = "%nExample:%n",
        footer = {"  cets media match --known vics.json NSRLFile.txt known-good.txt --input hashes.csv --output matches.csv",
            "  cets media match --known pdq-list.txt --input hashes.csv --threshold 20 --output near.csv"})
public final class MatchCommand implements Callable<Integer> {
    @Option(names = "--known", required = true, arity = "1..*", paramLabel = "LIST", description = "Known-hash list files.")
    List<Path> known = new ArrayList<>();

    @Option(names = "--input", required = true, paramLabel = "OUT.csv", description = "The CSV written by 'cets media hash'.")
    Path input;

    @Option(names = "--threshold", paramLabel = "BITS", description = "Largest PDQ Hamming distance that matches (default ${DEFAULT-VALUE}).")
    int threshold = KnownHashIndex.DEFAULT_PDQ_THRESHOLD;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MATCHES.csv", description = "Where to write the matches ('-' for standard output).")
    String output;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threshold < 0 || threshold > 256) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threshold must be 0..256, got " + threshold);
        }
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        KnownHashIndex.Builder builder = KnownHashIndex.builder();
        for (Path list : known) {
            builder.addList(list);
        }
        KnownHashIndex index = builder.build();
        long t1 = System.nanoTime();
        long rows = 0;
        long matches = 0;
        long matchedFiles = 0;
        boolean toStdout = output.equals("-");
        Writer w;
        try {
            w = toStdout ? new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                    : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(output + ": cannot write the output file: " + e.getMessage(), e);
        }
        try (Reader in = open(input); CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
            CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
            out.writeRecord(HashCsv.MATCH_HEADER);
            Map<String, Integer> col = null;
            for (CsvRecord rec : csv) {
                if (col == null) {
                    col = header(rec);
                    continue;
                }
                if (rec.getFieldCount() == 1 && rec.getField(0).isEmpty()) {
                    continue;
                }
                rows++;
                long line = rec.getStartingLineNumber();
                String path = field(rec, col, "path", line);
                FileDigests digests = new FileDigests(
                        digest(rec, col, "md5", 32, line), digest(rec, col, "sha1", 40, line), digest(rec, col, "sha256", 64, line));
                PdqResult pdq = pdq(rec, col, line);
                List<Match> found = index.match(digests, pdq, threshold);
                for (Match m : found) {
                    out.writeRecord(path, m.knownId(), m.list(), m.kind().code(), Integer.toString(m.distance()), m.category().code());
                }
                matches += found.size();
                matchedFiles += found.isEmpty() ? 0 : 1;
            }
            if (col == null) {
                throw new IOException(input + ": empty file: expected the header " + String.join(",", HashCsv.HEADER));
            }
            w.flush();
        } catch (UncheckedIOException e) {
            throw new IOException(input + ": cannot read: " + e.getCause().getMessage(), e);
        } finally {
            if (!toStdout) {
                w.close();
            } else {
                w.flush();
            }
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "cets media match: %d known entries (%d PDQ) loaded in %.1f s; %d of %d files matched, %d matches%n",
                    index.size(), index.pdqSize(), (t1 - t0) / 1e9, matchedFiles, rows, matches);
            err.flush();
        }
        return 0;
    }

    private Reader open(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        }
    }

    private Map<String, Integer> header(CsvRecord rec) throws IOException {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < rec.getFieldCount(); i++) {
            col.putIfAbsent(rec.getField(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("path", "md5", "sha1", "sha256", "pdq", "quality")) {
            if (!col.containsKey(required)) {
                throw new IOException(input + " line 1: not a 'cets media hash' file: no '" + required
                        + "' column (expected the header " + String.join(",", HashCsv.HEADER) + ")");
            }
        }
        return col;
    }

    private String field(CsvRecord rec, Map<String, Integer> col, String name, long line) throws IOException {
        int i = col.get(name);
        if (i >= rec.getFieldCount()) {
            throw new IOException(input + " line " + line + ": the row has " + rec.getFieldCount()
                    + " fields, no '" + name + "'");
        }
        return rec.getField(i).strip();
    }

    private String digest(CsvRecord rec, Map<String, Integer> col, String name, int length, long line) throws IOException {
        String v = field(rec, col, name, line);
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() != length || !v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IOException(input + " line " + line + ": " + name + " '" + shorten(v) + "' is not " + length + " hex digits");
        }
        return v.toLowerCase(Locale.ROOT);
    }

    private PdqResult pdq(CsvRecord rec, Map<String, Integer> col, long line) throws IOException {
        String hex = field(rec, col, "pdq", line);
        if (hex.isEmpty()) {
            return null;
        }
        if (!PdqHash.isHex(hex)) {
            throw new IOException(input + " line " + line + ": pdq '" + shorten(hex) + "' is not 64 hex digits");
        }
        String q = field(rec, col, "quality", line);
        int quality;
        try {
            quality = Integer.parseInt(q);
        } catch (NumberFormatException e) {
            throw new IOException(input + " line " + line + ": quality '" + shorten(q) + "' is not a whole number 0..100");
        }
        return new PdqResult(PdqHash.fromHex(hex), quality);
    }

    private static String shorten(String s) {
        return s.length() > 70 ? s.substring(0, 70) + "..." : s;
    }
}
