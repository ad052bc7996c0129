package org.opencets.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/**
 * Prints results as JSON for programs. Every key is snake_case, as the import report's are: names a
 * view gives itself ({@code @JsonProperty}) are kept, the others are turned from Java's camelCase.
 * Keys of maps (a record's own fields) are data and stay as they were read.
 */
public final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private static final ObjectMapper COMPACT = new ObjectMapper();

    private Output() {
    }

    /**
     * A value for a line of text output: a string as it is, anything else (a number, a list, a nested
     * object) as compact JSON, never Java's own {@code {key=value}} form.
     */
    public static String inline(Object value) {
        if (value == null || value instanceof String) {
            return String.valueOf(value);
        }
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }
}
