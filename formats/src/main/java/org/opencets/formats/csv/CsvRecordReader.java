package org.opencets.formats.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.canonical.RecordAssembler;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * A CSV file with a header row, one record a row, for one record kind. Columns are matched to the
 * canonical field names by a table of common header spellings ({@link #aliases()}), or by a mapping
 * file given as the {@code mapping} option:
 *
 * <pre>
 * # canonical_field = Header in the file
 * card_number = PAN
 * time = Auth Date
 * </pre>
 *
 * Columns that match no field are reported once as a warning and not stored. A row with a different
 * number of fields from the header is a bad row.
 */
public abstract class CsvRecordReader implements RecordReader {
    private final RecordKind kind;

    protected CsvRecordReader(RecordKind kind) {
        this.kind = kind;
    }

    /** Canonical field name to the header spellings that mean it (compared case- and punctuation-blind). */
    protected abstract Map<String, List<String>> aliases();

    /** Fields of which at least one must be present for a file to be of this kind. */
    protected abstract List<String> signatureFields();

    @Override
    public int sniff(String fileName, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int nl = text.indexOf('\n');
        String header = nl < 0 ? text : text.substring(0, nl);
        if (!header.contains(",") && !header.contains(";") && !header.contains("\t")) {
            return 0;
        }
        Map<String, String> lookup = lookup(aliases());
        int hits = 0;
        boolean signature = false;
        for (String h : header.split("[,;\t]")) {
            String field = lookup.get(squash(h));
            if (field != null) {
                hits++;
                signature |= signatureFields().contains(field);
            }
        }
        if (!signature) {
            return 0;
        }
        return Math.min(90, 40 + hits * 8);
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        RecordAssembler assembler = new RecordAssembler(source.identifiers());
        Map<String, String> mapping = source.option("mapping").map(p -> loadMapping(source, Path.of(p))).orElse(Map.of());
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .ignoreDifferentFieldCount(true)
                .skipEmptyLines(true)
                .ofCsvRecord(source.reader());
        long lastLine = 0;
        try (csv) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new BadInputException(source.name(), 0, "no header row: the file has no lines");
            }
            CsvRecord headerRow = it.next();
            lastLine = headerRow.getStartingLineNumber();
            String[] fieldOfColumn = mapColumns(source, headerRow.getFields(), mapping, sink);
            int columns = headerRow.getFieldCount();
            while (it.hasNext()) {
                CsvRecord row = it.next();
                long line = row.getStartingLineNumber();
                lastLine = line;
                if (row.getFieldCount() != columns) {
                    sink.reject(line, "has " + row.getFieldCount() + " fields, the header has " + columns);
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int i = 0; i < columns; i++) {
                    String f = fieldOfColumn[i];
                    if (f != null) {
                        String v = row.getField(i).strip();
                        if (!v.isEmpty()) {
                            fields.put(f, v);
                        }
                    }
                }
                if (fields.isEmpty()) {
                    sink.reject(line, "no values in any known column");
                    continue;
                }
                try {
                    sink.accept(assembler.assemble(kind, line, -1, fields));
                } catch (RecordAssembler.RowException e) {
                    sink.reject(line, e.getMessage());
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new BadInputException(source.name(), lastLine + 1,
                        "bytes are not valid " + (source.charset() == null ? "UTF-8" : source.charset().name())
                                + " (if the file is Windows-1252 or Latin-1, name it with --encoding windows-1252)");
            }
            throw e;
        } catch (CsvParseException e) {
            throw new BadInputException(source.name(), lastLine + 1,
                    "not valid CSV: " + Redaction.digits(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    private String[] mapColumns(ReadSource source, List<String> header, Map<String, String> mapping, RecordSink sink) {
        Map<String, String> lookup = lookup(aliases());
        Map<String, String> byHeader = new HashMap<>();
        mapping.forEach((field, h) -> byHeader.put(squash(h), field));
        String[] out = new String[header.size()];
        List<String> unused = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = squash(header.get(i));
            String field = byHeader.containsKey(h) ? byHeader.get(h) : lookup.get(h);
            if (field == null) {
                unused.add(header.get(i).strip());
            } else if (seen.contains(field)) {
                throw new BadInputException(source.name(), 1, "two columns mean '" + field + "': map one of them "
                        + "explicitly with a mapping file (--mapping)");
            } else {
                seen.add(field);
                out[i] = field;
            }
        }
        for (String field : mapping.keySet()) {
            if (!seen.contains(field)) {
                throw new BadInputException(source.name(), 1, "the mapping names column '" + mapping.get(field)
                        + "' for " + field + ", but the header has no such column");
            }
        }
        if (seen.isEmpty()) {
            throw new BadInputException(source.name(), 1, "no column is known for " + kind.code() + " records (header: "
                    + String.join(",", header) + "); name the columns with a mapping file (--mapping), "
                    + "see docs/FORMATS.md");
        }
        if (!unused.isEmpty()) {
            sink.warn("columns not used (no known meaning; map them with --mapping): " + String.join(", ", unused));
        }
        return out;
    }

    private Map<String, String> loadMapping(ReadSource source, Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), 0, "cannot read the mapping file: " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : p.stringPropertyNames()) {
            if (!aliases().containsKey(field)) {
                throw new BadInputException(file.toString(), 0, "unknown field '" + field + "' for " + kind.code()
                        + " records; known fields: " + String.join(", ", aliases().keySet()));
            }
            out.put(field, p.getProperty(field).strip());
        }
        return out;
    }

    private static Map<String, String> lookup(Map<String, List<String>> aliases) {
        Map<String, String> m = new HashMap<>();
        aliases.forEach((field, names) -> {
            m.put(squash(field), field);
            names.forEach(n -> m.put(squash(n), field));
        });
        return m;
    }

    /** A header compared without case, spaces or punctuation: "E-mail Address" = "email_address". */
    static String squash(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (char c : header.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
