package org.opencets.formats.caseuco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.Redaction;

/**
 * Streams the nodes of a JSON-LD document one at a time with Jackson's {@link JsonParser}: the members
 * of a top-level {@code @graph} array, of a {@code uco-core:object} array (a Bundle), and of such arrays
 * nested in their members, each handed over as a small tree with the line and byte offset where it
 * starts. A node's own properties are read into memory; the big arrays never are.
 *
 * <p>A document that is not JSON, is cut short or nests absurdly deep is a {@link BadInputException}
 * naming the line: a JSON syntax error leaves no point to resume from. String values over
 * {@link #MAX_STRING_CHARS} characters and nesting deeper than {@link #MAX_DEPTH} are refused by the
 * parser's own limits, so a hostile file cannot fill memory through one value.
 */
final class NodeStream {
    static final int MAX_DEPTH = 200;
    static final int MAX_STRING_CHARS = 16 * 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /** Receives each node. */
    interface Visitor {
        void node(ObjectNode node, long line, long offset);
    }

    private final ReadSource source;
    private final Terms terms;

    NodeStream(ReadSource source, Terms terms) {
        this.source = source;
        this.terms = terms;
    }

    /**
     * Reads only the top-level {@code @context} into the terms. Returns whether the context came
     * before every node, i.e. whether one streaming pass sees the names defined before their use.
     */
    boolean learnContext() throws IOException {
        try (JsonParser p = open()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInputException(source.name(), 0, "the file holds no JSON");
            }
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                return true; // a top-level array of nodes has no context of its own
            }
            boolean first = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("@context")) {
                    terms.addContext(MAPPER.readTree(p));
                    return first; // one context per document: the rest need not be scanned
                }
                p.skipChildren();
                first = false;
            }
            return false;
        } catch (JsonProcessingException e) {
            throw bad(e, null);
        } catch (CharacterCodingException e) {
            throw new BadInputException(source.name(), 0, "bytes are not valid in the encoding "
                    + (source.charset() == null ? "UTF-8" : source.charset().name()));
        }
    }

    /** Streams every node to the visitor. */
    void walk(Visitor visitor) throws IOException {
        JsonParser p = open();
        try (p) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInputException(source.name(), 0, "the file holds no JSON");
            }
            if (t == JsonToken.START_ARRAY) {
                members(p, visitor);
            } else if (t == JsonToken.START_OBJECT) {
                long[] at = location(p);
                ObjectNode top = object(p, visitor);
                visitor.node(top, at[0], at[1]);
            } else {
                throw new BadInputException(source.name(), p.currentLocation().getLineNr(),
                        "a CASE/UCO document is a JSON object (or array of objects); found " + t.asString());
            }
            if (p.nextToken() != null) {
                throw new BadInputException(source.name(), p.currentLocation().getLineNr(),
                        "content after the end of the JSON document");
            }
        } catch (JsonProcessingException e) {
            throw bad(e, p);
        } catch (CharacterCodingException e) {
            throw new BadInputException(source.name(), 0, "bytes are not valid in the encoding "
                    + (source.charset() == null ? "UTF-8" : source.charset().name())
                    + " (if the file is Windows-1252, name it with --encoding windows-1252)");
        }
    }

    /** Reads an object whose START_OBJECT is current, streaming its node arrays. */
    private ObjectNode object(JsonParser p, Visitor visitor) throws IOException {
        ObjectNode self = MAPPER.createObjectNode();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("@context")) {
                self.set(name, MAPPER.readTree(p));
            } else if (v == JsonToken.START_ARRAY && (name.equals("@graph") || terms.canonical(name).equals("core:object"))) {
                members(p, visitor);
            } else {
                self.set(name, MAPPER.readTree(p));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new BadInputException(source.name(), p.currentLocation().getLineNr(), "the JSON is cut short");
        }
        return self;
    }

    /** Streams the elements of an array whose START_ARRAY is current. */
    private void members(JsonParser p, Visitor visitor) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new BadInputException(source.name(), p.currentLocation().getLineNr(), "the JSON is cut short");
            }
            if (t == JsonToken.START_OBJECT) {
                long[] at = location(p);
                ObjectNode node = object(p, visitor);
                visitor.node(node, at[0], at[1]);
            } else {
                p.skipChildren(); // a bare reference or a stray value: nothing to read
            }
        }
    }

    private static long[] location(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new long[] {l.getLineNr(), l.getByteOffset()};
    }

    private JsonParser open() throws IOException {
        if (source.charset() != null) {
            return FACTORY.createParser(source.reader());
        }
        return FACTORY.createParser(source.open());
    }

    private BadInputException bad(JsonProcessingException e, JsonParser p) {
        JsonLocation l = e.getLocation();
        if ((l == null || l.getLineNr() <= 0) && p != null) {
            l = p.currentLocation();
        }
        long line = l == null ? 0 : Math.max(0, l.getLineNr());
        String msg = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return new BadInputException(source.name(), line, "refused: " + Redaction.digits(msg)
                    + "; a CASE document has no value this large or nested this deep, so the file is corrupt or hostile");
        }
        if (msg != null && msg.contains("end-of-input")) {
            msg = "the JSON is cut short (" + msg + ")";
        }
        if (msg != null && msg.contains("Invalid UTF-8") && source.charset() == null && l != null && l.getByteOffset() >= 0) {
            return new BadInputException(source.name(), line, "bytes at offset " + badByte(l.getByteOffset())
                    + " are not valid UTF-8 (if the file is Windows-1252 or Latin-1, name it with --encoding windows-1252)");
        }
        String at = l != null && l.getByteOffset() >= 0 ? " (at byte offset " + l.getByteOffset() + ")" : "";
        return new BadInputException(source.name(), line, "not valid JSON: " + Redaction.digits(msg) + at);
    }

    /**
     * The offset of the first byte that is not valid UTF-8 near where the parser noticed it (the parser
     * reports the position after the sequence it was reading): a strict decoder over a small window.
     */
    private long badByte(long reported) {
        long from = Math.max(0, reported - 16);
        try (java.io.InputStream in = source.open()) {
            in.skipNBytes(from);
            byte[] w = in.readNBytes(32);
            int start = 0;
            while (from + start > 0 && start < w.length && (w[start] & 0xC0) == 0x80) {
                start++; // a continuation byte: the window began inside a sequence
            }
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(w, start, w.length - start);
            java.nio.charset.CoderResult r = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(bb, java.nio.CharBuffer.allocate(64), false);
            return r.isError() ? from + bb.position() : reported;
        } catch (IOException e) {
            return reported;
        }
    }
}
