package org.opencets.formats.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.jsonstream.GeneratedExport;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.testing.ReaderHarness;

class TelegramExportReaderTest {
    final TelegramExportReader reader = new TelegramExportReader();

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = TelegramExportReaderTest.class.getResourceAsStream("/telegram/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    static List<String> keys(ParsedRecord r, Predicate<Mention> which) {
        return r.mentions().stream().filter(which).map(m -> m.identifier().key()).toList();
    }

    static Predicate<Mention> role(String role) {
        return m -> m.role().equals(role);
    }

    /** 1-based line of the first occurrence of a string in a fixture. */
    static long lineOf(byte[] file, String needle) {
        String text = new String(file, StandardCharsets.UTF_8);
        int at = text.indexOf(needle);
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aSingleChatGivesMessagesAndServiceEventsWithSendersAndIdentifiers() throws IOException {
        byte[] file = fixture("chat.json");
        ReaderHarness.Result r = ReaderHarness.read(reader, "result.json", file);
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).hasSize(6);
        assertThat(r.records).extracting(ParsedRecord::kind).containsExactly(RecordKind.EVENT, RecordKind.MESSAGE,
                RecordKind.MESSAGE, RecordKind.MESSAGE, RecordKind.MESSAGE, RecordKind.MESSAGE);

        ParsedRecord call = r.records.get(0);
        assertThat(call.fields()).containsEntry("action", "phone_call").containsEntry("duration_seconds", "65")
                .containsEntry("discard_reason", "hangup").containsEntry("chat", "Alice Example")
                .containsEntry("chat_type", "personal_chat").containsEntry("actor", "Bob Sample");
        assertThat(keys(call, role("actor"))).containsExactly("account:telegram:5550002");
        // date_unixtime wins: 10:00 local at +01:00 is 09:00 UTC
        assertThat(call.occurredAt()).isEqualTo("2024-03-01T09:00:00Z");

        ParsedRecord text = r.records.get(1);
        assertThat(text.fields()).containsEntry("text", "write to alice.example@example.org or call +1 415 555 0123, ask @Bob_Sample")
                .containsEntry("from", "Alice Example").containsEntry("from_id", "user5550001").containsEntry("message_id", "102");
        assertThat(keys(text, role("sender"))).containsExactly("account:telegram:5550001");
        assertThat(keys(text, role("text"))).containsExactly("email:alice.example@example.org", "phone:+14155550123");
        Mention bob = text.mentions().stream().filter(role("mentioned")).findFirst().orElseThrow();
        assertThat(bob.identifier().key()).isEqualTo("account:telegram:bob_sample");
        assertThat(((String) text.fields().get("text")).substring(bob.start(), bob.end())).isEqualTo("@Bob_Sample");

        ParsedRecord card = r.records.get(2);
        assertThat(card.fields().toString()).doesNotContain("4556 7375 8689 9855").doesNotContain("4556737586899855");
        assertThat(card.mentions()).anySatisfy(m -> assertThat(m.identifier().type()).isEqualTo(IdentifierType.CARD));
        assertThat(keys(card, role("text"))).contains("url:https://shop.example.net/r?id=7");
        assertThat(card.fields()).containsEntry("reply_to_message_id", "102")
                .containsEntry("photo", "photos/photo_1@01-03-2024_10-07-30.jpg");

        ParsedRecord channel = r.records.get(3);
        assertThat(keys(channel, role("sender"))).containsExactly("account:telegram:-1001234567890");
        assertThat(channel.fields()).containsEntry("forwarded_from", "Example News")
                .containsEntry("text", "plain string text, no identifiers");

        ParsedRecord links = r.records.get(4);
        assertThat(keys(links, role("text"))).containsExactly("url:https://example.net/page");
        assertThat(keys(links, role("mentioned"))).containsExactly("account:telegram:5550003");
        assertThat(keys(links, role("via_bot"))).containsExactly("account:telegram:example_bot");
        assertThat(links.fields()).containsEntry("text", "this page and Carol").containsEntry("edited", "2024-03-01T11:03:00")
                .containsEntry("file_name", "list.pdf");

        ParsedRecord shared = r.records.get(5);
        assertThat(keys(shared, role("shared_contact_phone"))).containsExactly("phone:+14155550199");
        assertThat(shared.fields()).containsEntry("shared_contact", "Dave Sample");
    }

    @Test
    void recordsCarryTheLineAndByteOffsetWhereTheirObjectStarts() throws IOException {
        byte[] file = fixture("chat.json");
        List<ParsedRecord> records = ReaderHarness.readStrict(reader, "result.json", file, Map.of());
        String text = new String(file, StandardCharsets.UTF_8);
        for (ParsedRecord r : records) {
            int objectStart = (int) r.offset();
            assertThat(text.charAt(objectStart)).isEqualTo('{');
            assertThat(text.substring(objectStart, objectStart + 40)).contains("\"id\": " + r.fields().get("message_id"));
            assertThat(r.line()).isEqualTo(lineOf(file, "\"id\": " + r.fields().get("message_id")) - 1);
        }
    }

    @Test
    void aWholeAccountGivesPersonalInformationContactsAndEveryChat() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "result.json", fixture("account.json"));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).extracting(ParsedRecord::kind).containsExactly(RecordKind.NOTE, RecordKind.NOTE,
                RecordKind.NOTE, RecordKind.MESSAGE, RecordKind.MESSAGE, RecordKind.EVENT, RecordKind.EVENT,
                RecordKind.MESSAGE, RecordKind.MESSAGE);
        ParsedRecord me = r.records.get(0);
        assertThat(me.fields()).containsEntry("section", "personal_information");
        assertThat(keys(me, role("owner"))).containsExactly("account:telegram:5550001", "account:telegram:alice_example");
        assertThat(keys(me, role("owner_phone"))).containsExactly("phone:+14155550145");
        assertThat(keys(me, role("text"))).containsExactly("email:alice.example@example.org");

        ParsedRecord bob = r.records.get(1);
        assertThat(keys(bob, role("contact_phone"))).containsExactly("phone:+14155550178");
        assertThat(keys(bob, role("contact"))).containsExactly("account:telegram:5550002");
        assertThat(bob.occurredAt()).isEqualTo("2023-05-05T08:00:00Z");
        ParsedRecord taxi = r.records.get(2);
        assertThat(taxi.mentions()).isEmpty();
        assertThat(taxi.fields()).containsEntry("phone_number", "12");
        assertThat(r.warnings).singleElement().asString().contains("1 phone number(s)").contains("line " + taxi.line());

        assertThat(r.records.get(3).fields()).containsEntry("chat", "Bob Sample").containsEntry("chat_id", "5550002");
        ParsedRecord created = r.records.get(5);
        assertThat(created.fields()).containsEntry("chat", "Example Group").containsEntry("action", "create_group")
                .containsEntry("members", List.of("Alice Example", "Bob Sample"));
        assertThat(r.records.get(6).fields()).containsEntry("inviter", "Alice Example");
        ParsedRecord left = r.records.get(8);
        assertThat(left.fields()).containsEntry("chat", "Old Channel").containsEntry("chat_type", "public_channel");
        assertThat(keys(left, role("text"))).containsExactly("url:http://www.example.org/offer");
    }

    @Test
    void withoutUnixTimeTheLocalDateIsTheTime() throws IOException {
        String json = "{\"name\":\"x\",\"messages\":[{\"id\":1,\"type\":\"message\",\"date\":\"2024-02-29T23:59:59\","
                + "\"from\":\"A\",\"from_id\":\"user1\",\"text\":\"hi\"}]}";
        ParsedRecord r = ReaderHarness.readStrict(reader, "result.json", json.getBytes(StandardCharsets.UTF_8), Map.of()).get(0);
        assertThat(r.occurredAt()).isEqualTo("2024-02-29T23:59:59");
    }

    @Test
    void impossibleDatesAndBadValuesAreBadRowsAndReadingGoesOn() throws IOException {
        String json = "{\"name\":\"x\",\"type\":\"personal_chat\",\"id\":1,\"messages\":[\n"
                + "{\"id\":1,\"type\":\"message\",\"date\":\"2023-02-30T10:00:00\",\"date_unixtime\":\"1677751200\",\"text\":\"a\"},\n"
                + "{\"id\":2,\"type\":\"message\",\"date\":\"2023-03-01T25:00:00\",\"text\":\"b\"},\n"
                + "{\"id\":3,\"type\":\"message\",\"date_unixtime\":\"yesterday\",\"text\":\"c\"},\n"
                + "{\"id\":4,\"type\":\"message\",\"from_id\":\"robot42\",\"text\":\"d\"},\n"
                + "{\"id\":5,\"type\":\"message\",\"text\":{\"nested\":true}},\n"
                + "\"not a message\",\n"
                + "{\"id\":7,\"type\":\"message\",\"date\":\"2023-03-01T10:00:00\",\"from_id\":\"user9\",\"text\":\"fine\"}\n"
                + "]}";
        ReaderHarness.Result r = ReaderHarness.read(reader, "result.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(ok -> {
            assertThat(ok.fields()).containsEntry("message_id", "7");
            assertThat(ok.line()).isEqualTo(8);
        });
        assertThat(r.rejected).hasSize(6);
        assertThat(r.rejected.get(0)).startsWith("2: message 1 at column 1").contains("'2023-02-30T10:00:00' is not a valid date");
        assertThat(r.rejected.get(1)).startsWith("3: ").contains("25:00:00");
        assertThat(r.rejected.get(2)).startsWith("4: ").contains("date_unixtime").contains("seconds since 1970");
        assertThat(r.rejected.get(3)).startsWith("5: ").contains("robot42").contains("not a Telegram peer id");
        assertThat(r.rejected.get(4)).startsWith("6: ").contains("text is an object");
        assertThat(r.rejected.get(5)).startsWith("7: message at column 1").contains("is a string, not an object");
    }

    @Test
    void withoutSkipBadTheFirstBadMessageStopsTheFileNamingItsLine() {
        String json = "{\"messages\":[\n{\"id\":1,\"date\":\"2023-13-01T10:00:00\",\"from_id\":\"user1\"}]}";
        assertThatThrownBy(() -> ReaderHarness.readStrict(reader, "result.json", json.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("result.json:2: message 1");
    }

    @Test
    void wrongNestingAndTruncationAreErrorsForTheFileWithLineAndColumn() throws IOException {
        assertThatThrownBy(() -> ReaderHarness.read(reader, "result.json", "{\"name\":\"x\",\n \"messages\": {\"id\": 1}}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("result.json:2: \"messages\" should be an array of message objects, found an object "
                        + "(column 14, byte offset 26)");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "result.json", "[{\"messages\":[]}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("starts with an array");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "result.json", "{\"chats\": \"none\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class);

        byte[] whole = fixture("chat.json");
        byte[] cut = java.util.Arrays.copyOf(whole, lineStart(whole, lineOf(whole, "\"id\": 104")) + 10);
        ReaderHarness.Result partial = new ReaderHarness.Result();
        assertThatThrownBy(() -> reader.read(ReaderHarness.source("result.json", cut, null, Map.of()), partial))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("result.json:" + lineOf(whole, "\"id\": 104") + ": the JSON ends early, the file is truncated");
        assertThat(partial.records).hasSize(3); // the messages before the cut were read, the import as a whole fails
    }

    @Test
    void aSyntaxErrorInsideAMessageEndsTheFileEvenWhenSkippingBadRows() {
        String json = "{\"messages\":[{\"id\":1,\"text\":\"a\"},\n{\"id\":2 \"text\":\"b\"},{\"id\":3}]}";
        assertThatThrownBy(() -> ReaderHarness.read(reader, "result.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("result.json:2: not well-formed JSON: Unexpected character ('\"'")
                .hasMessageContaining("column 9");
    }

    @Test
    void aCardNumberInAParserComplaintNeverReachesTheMessage() {
        String json = "{\"messages\":[{\"id\":1,\"text\":4556737586899855x}]}";
        assertThatThrownBy(() -> ReaderHarness.read(reader, "result.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).message().doesNotContain("4556737586899855");
    }

    @Test
    void utf8WithAByteOrderMarkAndUtf16AreRead() throws IOException {
        byte[] body = fixture("chat.json");
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(body);
        ReaderHarness.Result withBom = ReaderHarness.read(reader, "result.json", bom.toByteArray());
        assertThat(withBom.records).hasSize(6);
        ReaderHarness.Result plain = ReaderHarness.read(reader, "result.json", body);
        // offsets are file offsets: the mark shifts every one by its three bytes
        for (int i = 0; i < 6; i++) {
            assertThat(withBom.records.get(i).offset()).isEqualTo(plain.records.get(i).offset() + 3);
            assertThat(withBom.records.get(i).line()).isEqualTo(plain.records.get(i).line());
        }
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            String text = "\uFEFF" + new String(body, StandardCharsets.UTF_8);
            ReaderHarness.Result utf16 = ReaderHarness.read(reader, "result.json", text.getBytes(cs));
            assertThat(utf16.records).as(cs.name()).hasSize(6);
            assertThat(utf16.records).extracting(ParsedRecord::offset).containsOnly(-1L);
            assertThat(utf16.records).extracting(ParsedRecord::line).isEqualTo(plain.records.stream().map(ParsedRecord::line).toList());
            assertThat(utf16.records.get(1).fields()).isEqualTo(plain.records.get(1).fields());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorNamingTheirOffsetLineAndColumn() {
        byte[] json = "{\"messages\":[\n{\"id\":1,\"text\":\"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ReaderHarness.read(reader, "result.json", json))
                .isInstanceOf(BadInputException.class)
                .hasMessage("result.json:2: bytes at offset 33 (column 20) are not valid UTF-8 (if the file is "
                        + "Windows-1252 or Latin-1, name it with --encoding windows-1252)");
    }

    @Test
    void aNamedEncodingIsDecodedStrictly() throws IOException {
        byte[] json = "{\"messages\":[{\"id\":1,\"from_id\":\"user1\",\"text\":\"caf\u00e9 \u20ac\"}]}".getBytes(Charset.forName("windows-1252"));
        ReaderHarness.Result r = ReaderHarness.read(reader, "result.json", json, Charset.forName("windows-1252"), Map.of());
        assertThat(r.records.get(0).fields()).containsEntry("text", "caf\u00e9 \u20ac");
        byte[] undefined = "{\"messages\":[{\"id\":1,\"text\":\"x\u0081\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ReaderHarness.read(reader, "result.json", undefined, Charset.forName("windows-1252"), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not valid windows-1252");
    }

    /**
     * Telegram exports are often one line. 100 MB of it, made up while read: every record arrives with
     * line 1 and the byte offset of its object, and when a record is handed over the reader has read at
     * most a small, fixed amount past that object — it never holds the line.
     */
    @Test
    void aHundredMegabyteSingleLineStreams() throws IOException {
        String text = "the quick brown fox jumps over the lazy dog while we wait for the next train home ".repeat(3);
        int count = 330_000;
        GeneratedExport gen = new GeneratedExport("{\"name\":\"Big\",\"type\":\"private_group\",\"id\":42,\"messages\":[",
                i -> "{\"id\":" + i + ",\"type\":\"message\",\"date\":\"2024-01-01T00:00:00\",\"date_unixtime\":\"1704067200\","
                        + "\"from\":\"Member " + (i % 50) + "\",\"from_id\":\"user" + (1000 + i % 50) + "\",\"text\":\"" + text
                        + "\",\"text_entities\":[{\"type\":\"plain\",\"text\":\"" + text + "\"}]}",
                ",", "]}", count);
        long[] seen = gen.readAll(reader);
        assertThat(seen[0]).isEqualTo(count);
        assertThat(gen.length()).isGreaterThan(100_000_000L);
        assertThat(seen[1]).as("bytes read past the start of the record being handed over").isLessThan(128 * 1024);
    }

    @Test
    void aMessageFarLargerThanTheLineLimitIsAnErrorNotAMemoryFault() {
        String huge = "{\"messages\":[{\"id\":1,\"text\":[" + "\"abcdefgh\",".repeat(200_000) + "\"x\"]}]}";
        ReadSource small = new ReadSource("result.json", () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)),
                null, ReaderHarness.CONTEXT, Map.of(), 256 * 1024);
        assertThatThrownBy(() -> reader.read(small, new ReaderHarness.Result()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("larger than 256 KiB").hasMessageStartingWith("result.json:1:");
    }

    @Test
    void fuzzedExportsGiveRecordsOrAClearError() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("telegram fuzz seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        int errors = ReaderHarness.fuzz(reader, "result.json", fixture("chat.json"), seed, 400);
        assertThat(errors).isPositive();
        int accountErrors = ReaderHarness.fuzz(reader, "result.json", fixture("account.json"), seed + 1, 300);
        assertThat(accountErrors).isPositive();
    }

    private static int lineStart(byte[] file, long line) {
        int l = 1;
        for (int i = 0; i < file.length; i++) {
            if (l == line) {
                return i;
            }
            if (file[i] == '\n') {
                l++;
            }
        }
        return file.length;
    }
}
