package org.opencets.media.hashset;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.opencets.media.pdq.PdqHash;

/**
 * CSV with a header row. Recognised columns (any case; others become attributes): {@code md5},
 * {@code sha1} / {@code sha-1}, {@code sha256} / {@code sha-256}, {@code pdq}, {@code quality},
 * {@code category}, and an id column: {@code id}, {@code known_id}, {@code media_id}, {@code mediaid}
 * or {@code name}. At least one hash column is required.
 */
final class CsvListReader {
    private CsvListReader() {
    }

    private static final List<String> HASH_COLUMNS = List.of("md5", "sha1", "sha-1", "sha256", "sha-256", "pdq");
    private static final List<String> ID_COLUMNS = List.of("id", "known_id", "media_id", "mediaid", "name", "filename", "file_name");

    static boolean headerNamesAHashColumn(String headerLine) {
        for (String col : headerLine.split(",")) {
            String c = col.strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (HASH_COLUMNS.contains(c)) {
                return true;
            }
        }
        return false;
    }

    static long read(Path file, Consumer<? super KnownEntry> sink) throws IOException {
        long n = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
            Map<String, Integer> col = null;
            String[] names = null;
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber();
                if (col == null) {
                    col = new HashMap<>();
                    names = new String[rec.getFieldCount()];
                    for (int i = 0; i < rec.getFieldCount(); i++) {
                        String name = rec.getField(i).strip().replace("\uFEFF", "");
                        names[i] = name;
                        col.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
                    }
                    if (HASH_COLUMNS.stream().noneMatch(col::containsKey)) {
                        throw new KnownListException(file, line, "the CSV header names no hash column (md5, sha1, sha256 or pdq)");
                    }
                    continue;
                }
                if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) {
                    continue;
                }
                try {
                    String md5 = Hex.digest(field(rec, col, "md5"), 32, "md5");
                    String sha1 = Hex.digest(first(rec, col, "sha1", "sha-1"), 40, "sha1");
                    String sha256 = Hex.digest(first(rec, col, "sha256", "sha-256"), 64, "sha256");
                    String pdqText = field(rec, col, "pdq");
                    PdqHash pdq = pdqText == null || pdqText.isBlank() ? null : PdqHash.fromHex(pdqText);
                    String q = field(rec, col, "quality");
                    int quality = q == null || q.isBlank() ? -1 : Integer.parseInt(q.strip());
                    String id = null;
                    for (String c : ID_COLUMNS) {
                        String v = field(rec, col, c);
                        if (v != null && !v.isBlank()) {
                            id = v.strip();
                            break;
                        }
                    }
                    Map<String, String> attrs = new HashMap<>();
                    for (int i = 0; i < Math.min(names.length, rec.getFieldCount()); i++) {
                        String lower = names[i].toLowerCase(Locale.ROOT);
                        if (!HASH_COLUMNS.contains(lower) && !lower.equals("quality") && !lower.equals("category")
                                && !rec.getField(i).isBlank()) {
                            attrs.put(names[i], rec.getField(i));
                        }
                    }
                    if (md5 == null && sha1 == null && sha256 == null && pdq == null) {
                        throw new IllegalArgumentException("the row has no hash");
                    }
                    sink.accept(new KnownEntry(id, md5, sha1, sha256, pdq, quality,
                            Category.parse(field(rec, col, "category")), attrs, line));
                    n++;
                } catch (IllegalArgumentException e) {
                    throw new KnownListException(file, line, e.getMessage());
                }
            }
            if (col == null) {
                throw new KnownListException(file, 0, "empty CSV: no header row");
            }
        } catch (java.io.UncheckedIOException e) {
            throw new KnownListException(file, 0, "cannot read CSV: " + e.getCause().getMessage(), e);
        }
        return n;
    }

    private static String first(CsvRecord rec, Map<String, Integer> col, String a, String b) {
        String v = field(rec, col, a);
        return v != null ? v : field(rec, col, b);
    }

    private static String field(CsvRecord rec, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= rec.getFieldCount() ? null : rec.getField(i);
    }
}
