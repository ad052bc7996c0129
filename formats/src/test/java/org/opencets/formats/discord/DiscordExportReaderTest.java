package org.opencets.formats.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.opencets.formats.testing.ReaderHarness;

class DiscordExportReaderTest {
    final DiscordExportReader reader = new DiscordExportReader();

    static byte[] fixture() throws IOException {
        try (InputStream in = DiscordExportReaderTest.class.getResourceAsStream("/discord/channel.json")) {
            return Objects.requireNonNull(in).readAllBytes();
        }
    }

    static List<String> keys(ParsedRecord r, Predicate<Mention> which) {
        return r.mentions().stream().filter(which).map(m -> m.identifier().key()).toList();
    }

    static Predicate<Mention> role(String role) {
        return m -> m.role().equals(role);
    }

    @Test
    void messagesAndSystemEventsWithAuthorsMentionsAttachmentsAndText() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "general.json", fixture());
        assertThat(r.rejected).isEmpty();
        assertThat(r.warnings).isEmpty();
        assertThat(r.records).extracting(ParsedRecord::kind).containsExactly(RecordKind.EVENT, RecordKind.MESSAGE,
                RecordKind.MESSAGE, RecordKind.MESSAGE, RecordKind.EVENT);

        ParsedRecord join = r.records.get(0);
        assertThat(join.fields()).containsEntry("type", "GuildMemberJoin").containsEntry("guild", "Example Server")
                .containsEntry("guild_id", "555000000000000100").containsEntry("channel", "general")
                .containsEntry("channel_id", "555000000000000200").containsEntry("category", "Text Channels");
        assertThat(keys(join, role("sender"))).containsExactly("account:discord:555000000000000002");
        assertThat(keys(join, role("sender_username"))).containsExactly("account:discord:bobsample#1234");
        assertThat(join.occurredAt()).isEqualTo("2024-04-01T18:00:00Z");

        ParsedRecord welcome = r.records.get(1);
        assertThat(welcome.occurredAt()).isEqualTo("2024-04-01T16:01:00.123Z");
        assertThat(welcome.fields()).containsEntry("author", "alice_example").containsEntry("author_nickname", "Alice")
                .containsEntry("author_id", "555000000000000001").containsEntry("message_id", "555000000000001002");
        assertThat(keys(welcome, role("sender_username"))).containsExactly("account:discord:alice_example");
        assertThat(keys(welcome, role("text"))).containsExactly("email:alice.example@example.org", "phone:+14155550123");
        assertThat(keys(welcome, role("attachment"))).containsExactly(
                "url:https://cdn.discordapp.com/attachments/555000000000000200/555000000000002001/rules.png");
        assertThat(welcome.fields().get("attachments")).asString().contains("rules.png").contains("12345");

        ParsedRecord reply = r.records.get(2);
        assertThat(reply.fields()).containsEntry("reply_to_message_id", "555000000000001002")
                .containsEntry("edited", "2024-04-01T18:03:00.000+00:00").containsEntry("mentions", List.of("alice_example"));
        assertThat(keys(reply, role("mentioned"))).containsExactly("account:discord:555000000000000001");
        assertThat(keys(reply, role("mentioned_username"))).containsExactly("account:discord:alice_example");
        assertThat(reply.fields().get("text")).asString().doesNotContain("4556 7375 8689 9855");
        assertThat(reply.mentions()).anySatisfy(m -> assertThat(m.identifier().type()).isEqualTo(IdentifierType.CARD));

        ParsedRecord bot = r.records.get(3);
        assertThat(bot.fields()).containsEntry("author_is_bot", "true").containsEntry("stickers", List.of("wave"))
                .doesNotContainKey("text");
        assertThat(keys(bot, role("embed"))).containsExactly("url:https://example.net/page");
        assertThat(bot.mentions()).filteredOn(m -> m.field().equals("embeds[0].description"))
                .singleElement().satisfies(m -> assertThat(m.identifier().key()).isEqualTo("email:support@example.com"));

        assertThat(r.records.get(4).fields()).containsEntry("type", "ChannelPinnedMessage");
    }

    @Test
    void recordsStartAtTheLineAndByteOffsetOfTheirObject() throws IOException {
        byte[] file = fixture();
        String text = new String(file, StandardCharsets.UTF_8);
        for (ParsedRecord r : ReaderHarness.readStrict(reader, "general.json", file, Map.of())) {
            int at = (int) r.offset();
            assertThat(text.charAt(at)).isEqualTo('{');
            assertThat(text.substring(at, at + 40)).contains("\"id\": \"" + r.fields().get("message_id") + "\"");
            assertThat(r.line()).isEqualTo(text.substring(0, at).chars().filter(c -> c == '\n').count() + 1);
        }
    }

    @Test
    void usernamesWithLegacyDiscriminatorsKeepThemAndNewOnesDoNot() {
        assertThat(DiscordWalk.username("Bob", "1234")).isEqualTo("Bob#1234");
        assertThat(DiscordWalk.username("bob", "0000")).isEqualTo("bob");
        assertThat(DiscordWalk.username("bob", "0")).isEqualTo("bob");
        assertThat(DiscordWalk.username("bob", null)).isEqualTo("bob");
        assertThat(DiscordWalk.username(" ", "1234")).isNull();
    }

    @Test
    void impossibleTimesAndWrongTypesAreBadRows() throws IOException {
        String json = "{\"guild\":{\"id\":\"1\",\"name\":\"g\"},\"channel\":{\"id\":\"2\",\"name\":\"c\"},\"messages\":[\n"
                + "{\"id\":\"10\",\"type\":\"Default\",\"timestamp\":\"2024-02-30T10:00:00+00:00\",\"content\":\"a\"},\n"
                + "{\"id\":\"11\",\"type\":\"Default\",\"timestamp\":\"2024-03-01T10:00:00+00:00\",\"timestampEdited\":\"2024-03-01T25:00:00+00:00\"},\n"
                + "{\"id\":\"12\",\"type\":\"Default\",\"timestamp\":\"2024-03-01T10:00:00+00:00\",\"content\":[\"x\"]},\n"
                + "{\"id\":\"13\",\"type\":\"Default\",\"timestamp\":\"2024-03-01T10:00:00Z\",\"author\":{\"id\":\"9\",\"name\":\"ok\"},"
                + "\"attachments\":[{\"url\":\"https://exa mple.net/a b\"}]},\n"
                + "[],\n"
                + "{\"id\":\"15\",\"type\":\"Default\",\"timestamp\":\"2024-03-01T10:00:00Z\",\"author\":{\"id\":\"9\",\"name\":\"ok\"},"
                + "\"attachments\":[{\"url\":\"chat_Files/a.png\",\"fileName\":\"a.png\"}],\"unknown\":{\"deep\":[1,2]}}\n"
                + "]}";
        ReaderHarness.Result r = ReaderHarness.read(reader, "c.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).hasSize(5);
        assertThat(r.rejected.get(0)).startsWith("2: message at column 1").contains("timestamp").contains("2024-02-30");
        assertThat(r.rejected.get(1)).startsWith("3: ").contains("timestampEdited");
        assertThat(r.rejected.get(2)).startsWith("4: ").contains("content is a list");
        assertThat(r.rejected.get(3)).startsWith("5: ").contains("attachments");
        assertThat(r.rejected.get(4)).startsWith("6: message at column 1").contains("is an array, not an object");
        assertThat(r.records).singleElement().satisfies(ok -> {
            assertThat(ok.line()).isEqualTo(7);
            // a local media path is kept as a field, not made into a URL
            assertThat(ok.mentions()).noneMatch(m -> m.identifier().type() == IdentifierType.URL);
            assertThat(ok.fields().get("attachments")).asString().contains("chat_Files/a.png");
        });
    }

    @Test
    void wrongNestingTruncationAndAnArrayAtTheTopAreErrorsForTheFile() {
        assertThatThrownBy(() -> ReaderHarness.read(reader, "c.json", "{\"guild\":{},\"channel\":{},\"messages\":\"none\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("\"messages\" should be an array of message objects, found a string");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "c.json", "[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("starts with an array");
        assertThatThrownBy(() -> ReaderHarness.read(reader, "c.json", java.util.Arrays.copyOf(fixture(), 2000)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("the JSON ends early, the file is truncated");
    }

    @Test
    void utf16WithAByteOrderMarkIsRead() throws IOException {
        String text = "\uFEFF" + new String(fixture(), StandardCharsets.UTF_8);
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            ReaderHarness.Result r = ReaderHarness.read(reader, "c.json", text.getBytes(cs));
            assertThat(r.records).hasSize(5);
            assertThat(r.records.get(1).fields().get("text")).isEqualTo(
                    "welcome! mail me at alice.example@example.org or text +1 415 555 0123");
        }
    }

    /** DiscordChatExporter can write JSON on one line; 100 MB of it streams, as in the Telegram test. */
    @Test
    void aHundredMegabyteSingleLineStreams() throws IOException {
        String content = "see you at the station after work, bring the tickets and the map of the old town ".repeat(4);
        int count = 180_000;
        GeneratedExport gen = new GeneratedExport(
                "{\"guild\":{\"id\":\"555000000000000100\",\"name\":\"Big\"},\"channel\":{\"id\":\"555000000000000200\","
                        + "\"type\":\"GuildTextChat\",\"name\":\"general\"},\"dateRange\":{\"after\":null,\"before\":null},\"messages\":[",
                i -> "{\"id\":\"" + (555_000_000_000_100_000L + i) + "\",\"type\":\"Default\",\"timestamp\":\"2024-01-01T00:00:00.000+00:00\","
                        + "\"timestampEdited\":null,\"isPinned\":false,\"content\":\"" + content + "\",\"author\":{\"id\":\""
                        + (555_000_000_000_000_000L + i % 40) + "\",\"name\":\"member" + i % 40 + "\",\"discriminator\":\"0000\","
                        + "\"nickname\":\"Member\",\"isBot\":false,\"roles\":[]},\"attachments\":[],\"embeds\":[],\"stickers\":[],"
                        + "\"reactions\":[],\"mentions\":[]}",
                ",", "],\"messageCount\":" + count + "}", count);
        long[] seen = gen.readAll(reader);
        assertThat(seen[0]).isEqualTo(count);
        assertThat(gen.length()).isGreaterThan(100_000_000L);
        assertThat(seen[1]).as("bytes read past the start of the record being handed over").isLessThan(128 * 1024);
    }

    @Test
    void fuzzedExportsGiveRecordsOrAClearError() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("discord fuzz seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        assertThat(ReaderHarness.fuzz(reader, "general.json", fixture(), seed, 500)).isPositive();
    }
}
