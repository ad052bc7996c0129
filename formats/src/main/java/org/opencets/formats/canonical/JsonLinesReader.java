package org.opencets.formats.canonical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.LineInput;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * The canonical format: JSON Lines, one record per line, {@code "kind"} naming the record kind and
 * the other members named as in docs/FORMATS.md. Blank lines are skipped; a line that is not a JSON
 * object, names no known kind, or holds a value that cannot be normalised is a bad row.
 */
public final class JsonLinesReader implements RecordReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public String format() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "canonical JSON Lines: one record a line, with \"kind\": transaction, message, arrest, tip or note";
    }

    @Override
    public int sniff(String fileName, byte[] head) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        boolean objectLine = text.startsWith("{") && text.contains("\"kind\"");
        if (objectLine) {
            return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? 95 : 80;
        }
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? 30 : 0;
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        RecordAssembler assembler = new RecordAssembler(source.identifiers());
        try (LineInput lines = source.lines()) {
            while (lines.next()) {
                long lineNo = lines.lineNumber();
                if (lines.problem() != null) {
                    sink.reject(lineNo, lines.problem());
                    continue;
                }
                String line = lines.line();
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> fields;
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> parsed = JSON.readValue(line, LinkedHashMap.class);
                    fields = parsed;
                } catch (JsonProcessingException e) {
                    sink.reject(lineNo, "not a JSON object: " + Redaction.digits(e.getOriginalMessage()));
                    continue;
                }
                if (fields == null) {
                    sink.reject(lineNo, "not a JSON object");
                    continue;
                }
                Object kindValue = fields.remove("kind");
                if (!(kindValue instanceof String kindName)) {
                    sink.reject(lineNo, "missing \"kind\" (one of transaction, message, arrest, tip, note)");
                    continue;
                }
                RecordKind kind;
                try {
                    kind = RecordKind.fromCode(kindName);
                } catch (IllegalArgumentException e) {
                    sink.reject(lineNo, e.getMessage());
                    continue;
                }
                try {
                    sink.accept(assembler.assemble(kind, lineNo, lines.byteOffset(), fields));
                } catch (RecordAssembler.RowException e) {
                    sink.reject(lineNo, e.getMessage());
                }
            }
        }
    }
}
