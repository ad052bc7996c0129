package org.opencets.formats.tip;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a streaming parser into plain Java values (Map, List, String, Number,
 * Boolean, null) under a size budget, so one report — never the whole file — is in memory, and a
 * report too large to be a tip is refused rather than read.
 */
final class JsonTree {
    /** The value was larger than the budget; the parser is left inside it. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final JsonParser parser;
    private final long budget;
    private long used;

    /** @param budget the most characters of strings and names, plus 16 per token, one value may hold */
    JsonTree(JsonParser parser, long budget) {
        this.parser = parser;
        this.budget = budget;
    }

    /** Reads the value whose first token is the parser's current token, with a fresh budget. */
    Object read() throws IOException, TooLarge {
        used = 0;
        return value(parser.currentToken());
    }

    /** Reads the value at the current token from what is left of the budget (members of one object). */
    Object readMore(String memberName) throws IOException, TooLarge {
        charge(memberName.length());
        return value(parser.currentToken());
    }

    /** Starts a fresh budget for {@link #readMore}. */
    void reset() {
        used = 0;
    }

    private void charge(long n) throws TooLarge {
        used += n;
        if (used > budget) {
            throw new TooLarge();
        }
    }

    private Object value(JsonToken t) throws IOException, TooLarge {
        if (t == null) {
            throw new java.io.EOFException("the JSON ends inside a value");
        }
        charge(16);
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    charge(name.length());
                    m.put(name, value(parser.nextToken()));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(next));
                }
                yield l;
            }
            case VALUE_STRING -> {
                charge(parser.getTextLength());
                yield parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                charge(parser.getTextLength());
                yield parser.getText();
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected JSON token " + t);
        };
    }

    /**
     * After {@link TooLarge}: reads on to the end of the value that was being read, which began at
     * the given nesting depth of the parser's context (the depth inside that value's container).
     */
    void skipRest(int depth) throws IOException {
        while (parser.getParsingContext().getNestingDepth() >= depth) {
            if (parser.nextToken() == null) {
                return;
            }
        }
    }
}
