package org.opencets.store.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opencets.core.record.Mention;
import org.opencets.store.StoreException;

/**
 * A mention as the store keeps it: inside its record's {@code mentions} column, a JSON array in the
 * order the record named its identifiers, each element
 * {@code [identifier_id, role, field, start, end]} plus a sixth element, the spelling, when the record
 * wrote the identifier otherwise than its display (schema version 4; see
 * {@code V4__mentions_in_record.sql}).
 *
 * @param raw the record's own spelling, or null when it wrote the identifier as displayed
 */
public record StoredMention(long identifierId, String role, String field, int start, int end, String raw) {
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * The part of a mention's element after its identifier id ({@code ,"role","field",start,end} and
     * the spelling when it differs), made before the id is known so the escaping runs on the reader
     * thread.
     */
    static String tail(Mention m) {
        StringBuilder b = new StringBuilder(m.role().length() + m.field().length() + 24);
        b.append(',');
        quote(b, m.role()).append(',');
        quote(b, m.field()).append(',').append(m.start()).append(',').append(m.end());
        String spelling = spelling(m);
        if (spelling != null) {
            quote(b.append(','), spelling);
        }
        return b.toString();
    }

    /** The record's own spelling of the identifier, or null when it wrote it as displayed. */
    static String spelling(Mention m) {
        return m.raw().equals(m.identifier().display()) ? null : m.raw();
    }

    /** A stored JSON array of strings (a summary's roles or spellings); null is none. */
    public static List<String> strings(String jsonArray) {
        if (jsonArray == null) {
            return List.of();
        }
        try {
            return JSON.readValue(jsonArray, STRINGS);
        } catch (IOException e) {
            throw new StoreException("a stored summary is not readable: " + e.getMessage(), e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** A record's mentions column from its identifier ids and the {@link #tail}s; null when it has none. */
    static String encode(long[] identifierIds, String[] tails) {
        if (tails.length == 0) {
            return null;
        }
        int size = 2;
        for (String t : tails) {
            size += t.length() + 24;
        }
        StringBuilder b = new StringBuilder(size).append('[');
        for (int i = 0; i < tails.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('[').append(identifierIds[i]).append(tails[i]).append(']');
        }
        return b.append(']').toString();
    }

    static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, b);
        return b.append('"');
    }

    /** A record's mentions, in order, from its mentions column (null or empty: none). */
    public static List<StoredMention> decode(long recordId, String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        List<StoredMention> out = new ArrayList<>(4);
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                long id = p.getLongValue();
                String role = text(p);
                String field = text(p);
                expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                int start = p.getIntValue();
                expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                int end = p.getIntValue();
                JsonToken t = p.nextToken();
                String raw = null;
                if (t == JsonToken.VALUE_STRING) {
                    raw = p.getText();
                    t = p.nextToken();
                }
                expect(t, JsonToken.END_ARRAY);
                out.add(new StoredMention(id, role, field, start, end, raw));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
            expect(p.nextToken(), null);
        } catch (IOException | StoreException e) {
            throw new StoreException("the stored mentions of record " + recordId + " are not readable: " + e.getMessage(), e);
        }
        return out;
    }

    private static String text(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static void expect(JsonToken got, JsonToken wanted) {
        if (got != wanted) {
            throw new StoreException((wanted == null ? "end of input" : wanted) + " expected, " + (got == null ? "end of input" : got)
                    + " found");
        }
    }
}
