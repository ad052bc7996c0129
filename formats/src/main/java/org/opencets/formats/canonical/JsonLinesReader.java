package org.opencets.formats.canonical;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
 * object (the reason says what it is: "expected a JSON object, found an array", "not valid JSON at
 * column 7: …"), names no known kind, or holds a value that cannot be normalised is a bad row.
 */
public final class JsonLinesReader implements RecordReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
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
                    fields = object(line);
                } catch (NotAnObject e) {
                    sink.reject(lineNo, e.getMessage());
                    continue;
                } catch (JsonProcessingException e) {
                    sink.reject(lineNo, "not valid JSON" + at(e) + ": " + Redaction.digits(plain(e.getOriginalMessage())));
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

    /** A line that is valid JSON but not one object; the message says what it is instead. */
    private static final class NotAnObject extends Exception {
        NotAnObject(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The line's one JSON object, its members in the line's order. What is wrong with any other line
     * is said in a reader's words, not the parser's (no Java types, no token names).
     */
    private static Map<String, Object> object(String line) throws IOException, NotAnObject {
        try (JsonParser p = JSON.createParser(line)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new NotAnObject("expected a JSON object, found " + switch (first) {
                    case START_ARRAY -> "an array";
                    case VALUE_STRING -> "a string";
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                    case VALUE_TRUE, VALUE_FALSE -> "true or false";
                    case VALUE_NULL -> "null";
                    default -> "something else";
                });
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = JSON.readValue(p, LinkedHashMap.class);
            if (p.nextToken() != null) {
                throw new NotAnObject("more after the JSON object, at column " + p.currentTokenLocation().getColumnNr()
                        + ": one object a line");
            }
            return fields;
        }
    }

    /** Where in the line the parser stopped, as a column, when it says. */
    private static String at(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        return where == null || where.getColumnNr() < 1 ? "" : " at column " + where.getColumnNr();
    }

    /**
     * The parser's complaint without its internals: character codes ({@code (code 110)}), the place
     * it gives again in brackets, and a capital that starts what is now the middle of a sentence.
     */
    private static String plain(String message) {
        if (message == null) {
            return "cannot be parsed";
        }
        String s = message.replaceAll(" \\(code -?\\d+\\)", "").replaceAll(" ?\\(start marker at \\[[^\\]]*\\]\\)", "")
                .replaceAll(" ?at \\[Source: [^\\]]*\\]", "").strip();
        return s.isEmpty() ? "cannot be parsed" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
