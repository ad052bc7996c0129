package org.opencets.formats.jsonstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * One JSON export being walked with Jackson's streaming parser. A reader walks the structure it
 * expects ({@link #nextMember()}, {@link #elements}) and reads each message with
 * {@link #readObject()}: memory holds one message, never the file or the line.
 *
 * <h2>Encodings</h2>
 * With no encoding named: a UTF-8 byte-order mark is allowed; a UTF-16 mark, or a NUL in either of the
 * first two bytes (RFC 4627 section 3), means UTF-16. UTF-8 is parsed from bytes, checked strictly
 * (see {@link GuardedInput}), and positions carry byte offsets. UTF-16 and any encoding named with
 * {@code --encoding} are decoded strictly by the JDK into characters; their positions have no byte
 * offset (-1). A byte-order mark wins over a named encoding, as in {@link ReadSource#reader()}.
 *
 * <h2>Errors</h2>
 * Every problem with the file as a whole — JSON that is not well-formed or ends early, bytes not
 * valid in the encoding, wrong nesting of the parts a reader needs, a message over the size limit —
 * is a {@link BadInputException} naming the file, line and column; parser messages pass through
 * {@link Redaction#digits} so they cannot quote a card number. After a syntax error the parser cannot
 * find the next message reliably, so such errors end the file even when bad rows are skipped.
 */
public final class JsonExport implements Closeable {
    private static final ObjectMapper TREES = JsonMapper.builder().build();
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source:[^\\]]*\\]\\)?");
    /** Slack over the message budget for what the parser has already buffered. */
    private static final int READ_AHEAD = 64 * 1024;

    private final ReadSource source;
    private final String fileName;
    private final JsonFactory factory;
    private final java.io.Reader chars;
    private final GuardedInput guarded;
    private JsonParser parser;
    private final boolean byteOffsets;
    private final int maxMessageBytes;
    /** Bytes before the text: a byte-order mark. */
    private final int textStart;

    private JsonExport(ReadSource source, JsonFactory factory, java.io.Reader chars, GuardedInput guarded,
                       boolean byteOffsets, int textStart, int maxMessageBytes) {
        this.textStart = textStart;
        this.source = source;
        this.fileName = source.name();
        this.factory = factory;
        this.chars = chars;
        this.guarded = guarded;
        this.byteOffsets = byteOffsets;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** What a reader does with an open export. */
    @FunctionalInterface
    public interface Walk {
        void walk(JsonExport export) throws IOException;
    }

    /** Reads one element of an array; the parser is at its first token, which it must consume whole. */
    @FunctionalInterface
    public interface Element {
        void read(Position at) throws IOException;
    }

    /**
     * Opens the source, runs the walk from the first token, checks that nothing follows the top-level
     * value, and turns parser and decoding failures into {@link BadInputException}s.
     */
    public static void walk(ReadSource source, Walk walk) throws IOException {
        try (JsonExport export = open(source)) {
            try {
                export.begin();
                walk.walk(export);
                export.expectEnd();
            } catch (JsonProcessingException | StrictDecoding.UndecodableBytes | GuardedInput.OverBudget e) {
                throw export.failure(e);
            } catch (IOException e) {
                Throwable cause = e.getCause();
                if (cause instanceof StrictDecoding.UndecodableBytes || cause instanceof GuardedInput.OverBudget) {
                    throw export.failure((IOException) cause);
                }
                throw e;
            }
        }
    }

    static JsonExport open(ReadSource source) throws IOException {
        PushbackInputStream in = new PushbackInputStream(source.open(), 4);
        byte[] head = in.readNBytes(4);
        in.unread(head);
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        Charset named = source.charset();
        Charset chars = null; // null: UTF-8 from bytes
        int skip = 0;
        if (b0 == 0xFF && b1 == 0xFE) {
            chars = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            chars = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b0 == 0xEF && b1 == 0xBB && head.length > 2 && (head[2] & 0xFF) == 0xBF) {
            chars = null;
            skip = 3; // Jackson skips the mark itself; offsets stay file offsets
        } else if (named != null && !named.equals(StandardCharsets.UTF_8)) {
            chars = named;
        } else if (b0 == 0 || b1 == 0) {
            // RFC 4627 section 3: JSON text starts with two ASCII characters, so NULs give away UTF-16.
            // Named UTF-8 is still UTF-8 (the NUL is then a JSON error), but never handed to Jackson's
            // own, lenient, detection.
            chars = named != null ? StandardCharsets.UTF_8 : b0 == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
        }
        JsonFactory factory = JsonFactory.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Math.max(1024, source.maxLineBytes()))
                        .build())
                .build();
        GuardedInput guarded;
        java.io.Reader reader = null;
        if (chars == null) {
            guarded = new GuardedInput(in, true);
        } else {
            in.skipNBytes(skip);
            guarded = new GuardedInput(in, false);
            reader = StrictDecoding.reader(guarded, chars, skip);
        }
        return new JsonExport(source, factory, reader, guarded, chars == null, skip, source.maxLineBytes());
    }

    /** Creates the parser (which reads the first bytes, so decoding errors can start here). */
    private void begin() throws IOException {
        parser = chars == null ? factory.createParser(guarded) : factory.createParser(chars);
        parser.setCodec(TREES);
    }

    /** The streaming parser, for readers that need more than the walk methods here. */
    public JsonParser parser() {
        return parser;
    }

    /** The next token, or null at the end of input. */
    public JsonToken next() throws IOException {
        return parser.nextToken();
    }

    /** The current token. */
    public JsonToken token() {
        return parser.currentToken();
    }

    /** Where the current token starts. */
    public Position position() {
        if (parser == null) {
            return new Position(1, 1, byteOffsets ? 0 : -1);
        }
        JsonLocation l = parser.currentTokenLocation();
        return new Position(l.getLineNr(), l.getColumnNr(), byteOffsets ? l.getByteOffset() : -1);
    }

    /**
     * Moves to the value of the next member of the object the parser is in; false at the object's end.
     * The member's name is then {@link #memberName()} and the parser is at the first token of its value.
     */
    public boolean nextMember() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_OBJECT) {
            return false;
        }
        if (t != JsonToken.FIELD_NAME) {
            throw error(position(), "expected a member name, found " + describe(t));
        }
        parser.nextToken();
        return true;
    }

    public String memberName() throws IOException {
        return parser.currentName();
    }

    /** Skips the current value, with everything inside it. */
    public void skip() throws IOException {
        parser.skipChildren();
    }

    /** The current value as text if it is a string, number or boolean; null (after skipping it) otherwise. */
    public String scalar() throws IOException {
        JsonToken t = parser.currentToken();
        if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /**
     * Reads the object the parser is at (its {@code START_OBJECT}) into a tree, through its
     * {@code END_OBJECT}. The object may take about as many bytes as the source's line limit; beyond
     * that the file is taken to be corrupt.
     */
    public ObjectNode readObject() throws IOException {
        Position at = position();
        guarded.limit(guarded.position() + maxMessageBytes + READ_AHEAD);
        try {
            JsonNode node = parser.readValueAsTree();
            return (ObjectNode) node;
        } catch (GuardedInput.OverBudget e) {
            throw error(at, "an object larger than " + size(maxMessageBytes)
                    + " starts here; the file is corrupt or not an export");
        } finally {
            guarded.unlimited();
        }
    }

    /**
     * Walks the array the parser is at, handing each object element to {@code element}. An element
     * that is not an object is a bad row (the sink decides whether that ends the import); a value
     * that is not an array at all is wrong nesting, an error for the whole file.
     *
     * @param member the member holding the array, for messages ({@code "messages"})
     * @param what   what each element is ({@code message}), for messages
     */
    public void elements(String member, String what, RecordSink sink, Element element) throws IOException {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.START_ARRAY) {
            throw error(position(), "\"" + member + "\" should be an array of " + what + " objects, found " + describe(t));
        }
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw error(position(), "the JSON ends inside the \"" + member + "\" array (the file is truncated)");
            }
            Position at = position();
            if (t == JsonToken.START_OBJECT) {
                element.read(at);
            } else {
                parser.skipChildren();
                sink.reject(at.line(), what + " at " + at.where() + " is " + describe(t) + ", not an object");
            }
        }
    }

    /** An error about the file as a whole at a position. */
    public BadInputException error(Position at, String reason) {
        return new BadInputException(fileName, at.line(), reason + " (" + at.where() + ")");
    }

    /** "16 MiB", "256 KiB". */
    static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    /** "an object", "a string", … */
    public static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            case END_OBJECT -> "the end of an object";
            case END_ARRAY -> "the end of an array";
            case FIELD_NAME -> "a member name";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }

    private void expectEnd() throws IOException {
        JsonToken t = parser.nextToken();
        if (t != null) {
            throw error(position(), "more JSON follows the end of the export");
        }
    }

    private BadInputException failure(IOException e) {
        if (e instanceof StrictDecoding.UndecodableBytes bad) {
            long[] lineColumn;
            try {
                lineColumn = StrictDecoding.lineAndColumn(source, bad.charset(), textStart, bad.offset());
            } catch (IOException again) {
                lineColumn = new long[] {position().line(), position().column()};
            }
            return new BadInputException(fileName, lineColumn[0], StrictDecoding.describe(bad, lineColumn));
        }
        if (e instanceof GuardedInput.OverBudget) {
            return error(position(), "a value larger than " + size(maxMessageBytes));
        }
        JsonProcessingException j = (JsonProcessingException) e;
        JsonLocation l = j.getLocation();
        Position at = l == null ? position()
                : new Position(l.getLineNr(), l.getColumnNr(), byteOffsets ? l.getByteOffset() : -1);
        String original = j.getOriginalMessage() == null ? j.getClass().getSimpleName() : j.getOriginalMessage();
        String clean = SOURCE_NOTE.matcher(original).replaceAll("").strip();
        String reason = j instanceof StreamConstraintsException
                ? "a value beyond the parser's limits (the file is corrupt or not an export): " + Redaction.digits(clean)
                : clean.contains("end-of-input")
                ? "the JSON ends early, the file is truncated: " + Redaction.digits(clean)
                : "not well-formed JSON: " + Redaction.digits(clean);
        return error(at, reason);
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        } else if (chars != null) {
            chars.close();
        } else {
            guarded.close();
        }
    }
}
