package org.opencets.formats.jsonstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.testing.ReaderHarness;

class JsonExportTest {
    /** Walks {"items": [ … ]} and lists "position: id" for each object, "rejected …" for the rest. */
    static List<String> items(byte[] json, Charset named) throws IOException {
        List<String> out = new ArrayList<>();
        ReaderHarness.Result sink = new ReaderHarness.Result();
        JsonExport.walk(ReaderHarness.source("t.json", json, named, Map.of()), ex -> {
            assertThat(ex.next()).isEqualTo(JsonToken.START_OBJECT);
            while (ex.nextMember()) {
                if (ex.memberName().equals("items")) {
                    ex.elements("items", "item", sink, at -> out.add(at.line() + ":" + at.column() + "@" + at.offset() + " "
                            + ex.readObject().path("id").asText()));
                } else {
                    ex.skip();
                }
            }
        });
        sink.rejected.forEach(r -> out.add("rejected " + r));
        return out;
    }

    @Test
    void elementsArriveWithLineColumnAndByteOffsetAndNonObjectsAreRejected() throws IOException {
        String json = "{\"skip\": {\"deep\": [1, {\"x\": []}]},\n\"items\": [{\"id\": \"a\"},\n  7, {\"id\": \"b\"}]}";
        assertThat(items(json.getBytes(StandardCharsets.UTF_8), null)).containsExactly(
                "2:11@45 a", "3:6@63 b", "rejected 3: item at column 3, byte offset 60 is a number, not an object");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRecognisedByItsNuls() throws IOException {
        String json = "{\"items\": [{\"id\": \"\u00e9\"}]}";
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE}) {
            assertThat(items(json.getBytes(cs), null)).as(cs.name()).containsExactly("1:12@-1 \u00e9");
        }
    }

    @Test
    void aNulAtTheStartOfNamedUtf8IsAJsonErrorNotAGuessAtUtf16() {
        byte[] json = "\u0000{\"items\": []}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> items(json, StandardCharsets.UTF_8)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("t.json:1: not well-formed JSON: Illegal character");
    }

    /**
     * Jackson's own UTF-8 decoding reads an overlong {@code C0 AF} as "/", an encoded surrogate as a
     * lone surrogate, and F4 90 80 80 (past U+10FFFF) as two characters; evidence must not change
     * silently, so each stops the file at its byte.
     */
    @Test
    void malformedUtf8ThatJacksonWouldDecodeIsRefusedAtItsOffset() {
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        for (byte[] b : bad) {
            byte[] start = "{\"items\": [{\"id\": \"".getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
            json.writeBytes(start);
            json.writeBytes(b);
            json.writeBytes("\"}]}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> items(json.toByteArray(), null)).isInstanceOf(BadInputException.class)
                    .hasMessage("t.json:1: bytes at offset " + start.length + " (column " + (start.length + 1)
                            + ") are not valid UTF-8 (if the file is Windows-1252 or Latin-1, name it with --encoding windows-1252)");
        }
    }

    @Test
    void contentAfterTheExportIsAnError() {
        assertThatThrownBy(() -> items("{\"items\": []}\n{\"items\": []}".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(BadInputException.class).hasMessage("t.json:2: more JSON follows the end of the export (column 1, byte offset 14)");
        assertThatThrownBy(() -> items("{\"items\": []} x".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("t.json:1: not well-formed JSON: Unrecognized token 'x'");
    }

    @Test
    void anEmptyFileAndAnArrayWhereAnObjectBelongsAreErrors() {
        assertThatThrownBy(() -> items(new byte[0], null)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> items("{\"items\": {\"id\": 1}}".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.json:1: \"items\" should be an array of item objects, found an object (column 11, byte offset 10)");
    }

    @Test
    void deepNestingIsRefusedByTheParserNotByTheStack() {
        String deep = "{\"items\": [{\"id\": " + "[".repeat(5000) + "]".repeat(5000) + "}]}";
        assertThatThrownBy(() -> items(deep.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("beyond the parser's limits").hasMessageContaining("nesting depth");
    }

    @Test
    void sizesAreSaidInUnitsThatReadWell() {
        assertThat(JsonExport.size(16 * 1024 * 1024)).isEqualTo("16 MiB");
        assertThat(JsonExport.size(256 * 1024)).isEqualTo("256 KiB");
    }
}
