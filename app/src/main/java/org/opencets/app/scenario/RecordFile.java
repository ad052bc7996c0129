package org.opencets.app.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One evidence file being written: a processor's or records system's CSV, or canonical JSON Lines.
 * Each record gets the line number the importer will report for it.
 */
abstract class RecordFile implements Closeable {
    protected long written;

    /** Writes a record; returns its line number as the importer counts lines. */
    abstract long write(String id, String time, Map<String, Object> fields) throws IOException;

    static RecordFile open(Path file, CasePlan.Kind kind, ObjectMapper json) throws IOException {
        Files.createDirectories(file.getParent());
        Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        return switch (kind) {
            case PAYMENTS -> new Csv(w, "transaction_id", "date", List.of("amount", "currency", "merchant", "descriptor",
                    "card_number", "cardholder_name", "billing_address", "city", "postcode", "email", "ip", "phone"),
                    List.of("amount", "currency", "merchant", "descriptor", "card_number", "cardholder_name",
                            "billing_address", "city", "postcode", "email", "ip", "phone"));
            case ARRESTS -> new Csv(w, "arrest_id", "arrest_date", List.of("first_name", "last_name", "dob", "sex", "address",
                    "city", "postcode", "phone", "email", "charges"),
                    List.of("given_name", "surname", "dob", "sex", "address", "city", "postcode", "phone", "email", "charges"));
            case CHAT -> new JsonLines(w, json, "message");
            case TIPS -> new JsonLines(w, json, "tip");
        };
    }

    /** A CSV file with a header row; the columns are written under their common export names. */
    private static final class Csv extends RecordFile {
        private final Writer out;
        private final CsvWriter csv;
        private final List<String> fields;
        private final String[] row;

        Csv(Writer out, String idColumn, String timeColumn, List<String> columns, List<String> fields) {
            this.out = out;
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
            this.fields = fields;
            this.row = new String[columns.size() + 2];
            String[] header = new String[row.length];
            header[0] = idColumn;
            header[1] = timeColumn;
            for (int i = 0; i < columns.size(); i++) {
                header[i + 2] = columns.get(i);
            }
            csv.writeRecord(header);
        }

        @Override
        long write(String id, String time, Map<String, Object> f) {
            row[0] = id;
            row[1] = time;
            for (int i = 0; i < fields.size(); i++) {
                Object v = f.get(fields.get(i));
                row[i + 2] = v == null ? "" : v.toString();
            }
            csv.writeRecord(row);
            return ++written + 1; // the header is line 1
        }

        @Override
        public void close() throws IOException {
            csv.close();
            out.close();
        }
    }

    /** Canonical JSON Lines: {@code kind}, {@code id}, {@code time}, then the fields. */
    private static final class JsonLines extends RecordFile {
        private final Writer out;
        private final JsonGenerator gen;
        private final String kind;

        JsonLines(Writer out, ObjectMapper json, String kind) throws IOException {
            this.out = out;
            this.gen = json.getFactory().createGenerator(out);
            this.gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            this.gen.setRootValueSeparator(null); // records are separated by the newline written after each
            this.kind = kind;
        }

        @Override
        long write(String id, String time, Map<String, Object> f) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("kind", kind);
            gen.writeStringField("id", id);
            gen.writeStringField("time", time);
            for (Map.Entry<String, Object> e : f.entrySet()) {
                gen.writeFieldName(e.getKey());
                gen.writeObject(e.getValue());
            }
            gen.writeEndObject();
            gen.writeRaw('\n');
            return ++written;
        }

        @Override
        public void close() throws IOException {
            gen.close();
            out.close();
        }
    }
}
