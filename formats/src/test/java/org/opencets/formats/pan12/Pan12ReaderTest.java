package org.opencets.formats.pan12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.jsonstream.GeneratedExport;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.testing.ReaderHarness;

class Pan12ReaderTest {
    final Pan12Reader reader = new Pan12Reader();

    @TempDir
    Path dir;

    static byte[] fixture() throws IOException {
        try (InputStream in = Pan12ReaderTest.class.getResourceAsStream("/pan12/conversations.xml")) {
            return Objects.requireNonNull(in).readAllBytes();
        }
    }

    @Test
    void messagesWithAuthorsTextAndTheLineOfTheirStartTag() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "pan12.xml", fixture());
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).hasSize(5).extracting(ParsedRecord::kind).containsOnly(RecordKind.MESSAGE);
        assertThat(r.records).extracting(ParsedRecord::line).containsExactly(4L, 9L, 14L, 21L, 26L);
        assertThat(r.records).extracting(ParsedRecord::offset).containsOnly(-1L);
        assertThat(r.records).extracting(ParsedRecord::occurredAt).containsOnlyNulls();
        ParsedRecord first = r.records.get(0);
        assertThat(first.fields()).containsEntry("platform", "pan12").containsEntry("conversation", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .containsEntry("message_line", "1").containsEntry("time", "23:58")
                .containsEntry("text", "hi there, add me alice.example@example.org");
        assertThat(first.mentions()).extracting(m -> m.role() + " " + m.identifier().key()).containsExactly(
                "sender account:pan12:5f4dcc3b5aa765d61d8327deb882cf99", "text email:alice.example@example.org");
        assertThat(r.records.get(1).fields()).containsEntry("text", "ok & call +1 415 555 0123 tomorrow");
        assertThat(r.records.get(1).mentions()).extracting(m -> m.identifier().key()).contains("phone:+14155550123");
        assertThat(r.records.get(2).fields()).containsEntry("text", "<3 see www.example.net/x");
        assertThat(r.records.get(3).fields()).doesNotContainKey("text");
        assertThat(r.records.get(4).fields()).containsEntry("text", "bye").containsEntry("conversation", "1b2c3d4e5f60718293a4b5c6d7e8f90a");
    }

    @Test
    void aDateGivesEachConversationItsDayAndMidnightMovesItOn() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "pan12.xml", fixture(), null, Map.of("date", "2012-02-28", "platform", "chatlog"));
        assertThat(r.records).extracting(ParsedRecord::occurredAt).containsExactly(
                "2012-02-28T23:58", "2012-02-28T23:59", "2012-02-29T00:01", "2012-02-28T10:15", "2012-02-28T10:16");
        assertThat(r.records.get(0).mentions().get(0).identifier().key()).isEqualTo("account:chatlog:5f4dcc3b5aa765d61d8327deb882cf99");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "pan12.xml", fixture(), null, Map.of("date", "2012-02-30")))
                .isInstanceOf(BadInputException.class).hasMessage("pan12.xml: --date '2012-02-30' is not a valid date (write YYYY-MM-DD)");
    }

    @Test
    void badMessagesAreRejectedAndReadingGoesOn() throws IOException {
        String xml = """
                <conversations>
                <message line="0"><author>a</author><text>outside</text></message>
                <conversation id="c">
                <message line="1"><author>a</author><time>25:61</time><text>x</text></message>
                <message line="2"><time>10:00</time><text>no author</text></message>
                <message line="3"><author>a</author><text>has <b>bold</b> inside</text></message>
                <message line="4"><author>a</author><message line="5"><author>b</author></message></message>
                <message line="6"><author>a</author><extra kind="x"><y/></extra><time>10:01</time><text>fine</text></message>
                </conversation>
                </conversations>
                """;
        ReaderHarness.Result r = ReaderHarness.read(reader, "p.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).containsExactly(
                "2: message line=\"0\": a <message> outside any <conversation>",
                "4: message line=\"1\" of conversation c: time '25:61' is not a time of day (HH:MM)",
                "5: message line=\"2\" of conversation c: the message has no <author>",
                "6: message line=\"3\" of conversation c: <text> holds an element <b>, not only text",
                "7: message line=\"4\" of conversation c: a <message> inside a <message>");
        assertThat(r.records).singleElement().satisfies(ok -> {
            assertThat(ok.line()).isEqualTo(8);
            assertThat(ok.fields()).containsEntry("text", "fine");
        });
    }

    @Test
    void notWellFormedAndTruncatedXmlAreErrorsForTheFile() throws IOException {
        byte[] whole = fixture();
        byte[] cut = java.util.Arrays.copyOf(whole, new String(whole, StandardCharsets.UTF_8).indexOf("<message line=\"2\">") + 5);
        ReaderHarness.Result partial = new ReaderHarness.Result();
        assertThatThrownBy(() -> reader.read(ReaderHarness.source("p.xml", cut, null, Map.of()), partial))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("p.xml:9: ");
        assertThat(partial.records).hasSize(1);
        assertThatThrownBy(() -> ReaderHarness.read(reader, "p.xml", "<conversations><conversation id=\"c\"></conversations>"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("p.xml:1: not well-formed XML: ")
                .hasMessageContaining("conversation");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "p.xml", "<conversations>\n<conversation id=\"c\">\n"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("the XML ends early, the file is truncated");
    }

    @Test
    void externalEntitiesAndDtdsAreNeverFollowed() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "alice.secret@example.org");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE conversations [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<conversations><conversation id=\"c\"><message line=\"1\"><author>a</author><text>&x;</text></message>"
                + "</conversation></conversations>";
        try {
            ReaderHarness.Result r = ReaderHarness.read(reader, "p.xml", xml.getBytes(StandardCharsets.UTF_8));
            assertThat(r.records.toString()).doesNotContain("secret");
        } catch (BadInputException e) {
            assertThat(e.getMessage()).doesNotContain("alice.secret").contains("x");
        }
    }

    @Test
    void encodingsAreDecodedStrictly() throws IOException {
        String xml = new String(fixture(), StandardCharsets.UTF_8).replace("hi there", "caf\u00e9 \u20ac");
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            ReaderHarness.Result r = ReaderHarness.read(reader, "p.xml", ("\uFEFF" + xml).getBytes(cs));
            assertThat(r.records).hasSize(5);
            assertThat(r.records.get(0).fields().get("text")).asString().startsWith("caf\u00e9 \u20ac");
        }
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(ReaderHarness.read(reader, "p.xml", bom.toByteArray()).records).hasSize(5);

        String declared = xml.replace("encoding=\"UTF-8\"", "encoding=\"windows-1252\"");
        ReaderHarness.Result cp = ReaderHarness.read(reader, "p.xml", declared.getBytes(Charset.forName("windows-1252")));
        assertThat(cp.records.get(0).fields().get("text")).asString().startsWith("caf\u00e9 \u20ac");

        byte[] latin1 = xml.replace("\u20ac", "").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ReaderHarness.read(reader, "p.xml", latin1))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("p.xml:7: ").hasMessageContaining("--encoding windows-1252");
        assertThat(ReaderHarness.read(reader, "p.xml", latin1, StandardCharsets.ISO_8859_1, Map.of()).records).hasSize(5);
    }

    /** A corpus file on one line streams: records arrive while the reader has read little past them. */
    @Test
    void aLargeSingleLineFileStreams() throws IOException {
        int count = 150_000;
        GeneratedExport gen = new GeneratedExport("<?xml version=\"1.0\" encoding=\"UTF-8\"?><conversations><conversation id=\"c\">",
                i -> "<message line=\"" + i + "\"><author>" + Integer.toHexString(i % 97) + "</author><time>10:00</time>"
                        + "<text>we can talk later when the others have gone home for the night</text></message>",
                "", "</conversation></conversations>", count);
        long[] seen = {0, 0};
        RecordSink sink = new RecordSink() {
            @Override
            public void accept(ParsedRecord r) {
                seen[1] = Math.max(seen[1], gen.served() - gen.start((int) seen[0]));
                seen[0]++;
            }

            @Override
            public void reject(long line, String reason) {
                throw new AssertionError(reason);
            }
        };
        reader.read(new ReadSource("one-line.xml", gen::open, null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES), sink);
        assertThat(seen[0]).isEqualTo(count);
        assertThat(gen.length()).isGreaterThan(20_000_000L);
        assertThat(seen[1]).as("bytes read past the start of the record being handed over").isLessThan(128 * 1024);
    }

    @Test
    void fuzzedFilesGiveRecordsOrAClearError() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("pan12 fuzz seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        assertThat(ReaderHarness.fuzz(reader, "pan12.xml", fixture(), seed, 500)).isPositive();
    }
}
