package org.opencets.formats.jsonstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencets.formats.read.Formats;
import org.opencets.formats.read.RecordReader;

/** --format auto tells the structured chat exports from each other and from the canonical JSON Lines, by content. */
class ChatExportDetectionTest {
    final Formats formats = Formats.installed();

    static byte[] fixture(String path) throws IOException {
        try (InputStream in = ChatExportDetectionTest.class.getResourceAsStream("/" + path)) {
            return Objects.requireNonNull(in, path).readAllBytes();
        }
    }

    Optional<String> detect(String name, byte[] bytes) {
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, 64 * 1024));
        return formats.detect(name, head).map(RecordReader::format);
    }

    @Test
    void eachFixtureIsRecognisedWhateverItsName() throws IOException {
        for (String name : new String[] {"export.txt", "data.jsonl", "result.json"}) {
            assertThat(detect(name, fixture("telegram/chat.json"))).as(name).contains("telegram");
            assertThat(detect(name, fixture("telegram/account.json"))).as(name).contains("telegram");
            assertThat(detect(name, fixture("discord/channel.json"))).as(name).contains("discord");
            assertThat(detect(name, fixture("pan12/conversations.xml"))).as(name).contains("pan12");
        }
    }

    @Test
    void compactOneLineByteOrderMarkedAndUtf16ExportsAreRecognised() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String[] f : new String[][] {{"telegram/chat.json", "telegram"}, {"discord/channel.json", "discord"}}) {
            String compact = json.writeValueAsString(json.readTree(fixture(f[0])));
            assertThat(compact).doesNotContain("\n");
            assertThat(detect("x", compact.getBytes(StandardCharsets.UTF_8))).contains(f[1]);
            assertThat(detect("x", ("\uFEFF" + compact).getBytes(StandardCharsets.UTF_8))).contains(f[1]);
            for (Charset cs : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
                assertThat(detect("x", ("\uFEFF" + compact).getBytes(cs))).as(cs.name()).contains(f[1]);
                assertThat(detect("x", compact.getBytes(cs))).as(cs.name() + " without a mark").contains(f[1]);
            }
        }
        String xml = new String(fixture("pan12/conversations.xml"), StandardCharsets.UTF_8);
        assertThat(detect("x", ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE))).contains("pan12");
    }

    @Test
    void aWholeAccountWhoseContactsFillTheFirst64KibIsStillTelegram() {
        StringBuilder sb = new StringBuilder("{\n \"about\": \"x\",\n \"personal_information\": {\"user_id\": 5550001},\n"
                + " \"contacts\": {\"about\": \"x\", \"list\": [");
        for (int i = 0; i < 2000; i++) {
            sb.append(i == 0 ? "" : ",").append("\n  {\"first_name\": \"Contact\", \"last_name\": \"").append(i)
                    .append("\", \"phone_number\": \"+1 415 555 0100\", \"date\": \"2023-01-01T00:00:00\"}");
        }
        sb.append("]},\n \"chats\": {\"list\": []}\n}\n");
        assertThat(sb.length()).isGreaterThan(64 * 1024);
        assertThat(detect("result.json", sb.toString().getBytes(StandardCharsets.UTF_8))).contains("telegram");
    }

    @Test
    void wordsInsideMessagesDoNotMisleadTheSniffers() {
        String telegram = "{\"name\":\"x\",\"messages\":[{\"id\":1,\"date_unixtime\":\"1\",\"from_id\":\"user1\","
                + "\"text\":\"the \\\"guild\\\": and \\\"channel\\\": keys\"}]}";
        assertThat(detect("x.json", telegram.getBytes(StandardCharsets.UTF_8))).contains("telegram");
        String jsonl = "{\"kind\":\"message\",\"platform\":\"telegram\",\"text\":\"\\\"messages\\\": \\\"from_id\\\":\"}\n";
        assertThat(detect("x.json", jsonl.getBytes(StandardCharsets.UTF_8))).contains("jsonl");
        String rss = "<?xml version=\"1.0\"?><rss><channel><title>conversations</title></channel></rss>";
        assertThat(detect("feed.xml", rss.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(detect("a.json", "{\"messages\": []}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(detect("result.json", "{\"messages\": []}".getBytes(StandardCharsets.UTF_8))).contains("telegram");
    }

    @Test
    void eachReaderDisownsTheOthersFiles() throws IOException {
        RecordReader telegram = formats.byName("telegram");
        RecordReader discord = formats.byName("discord");
        RecordReader pan12 = formats.byName("pan12");
        assertThat(telegram.sniff("x", fixture("discord/channel.json"))).isZero();
        assertThat(discord.sniff("x", fixture("telegram/chat.json"))).isZero();
        assertThat(discord.sniff("x", fixture("telegram/account.json"))).isZero();
        assertThat(pan12.sniff("x", fixture("telegram/chat.json"))).isZero();
        assertThat(telegram.sniff("x", fixture("pan12/conversations.xml"))).isZero();
        byte[] jsonl = "{\"kind\":\"note\",\"text\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(telegram.sniff("x.jsonl", jsonl)).isZero();
        assertThat(discord.sniff("x.jsonl", jsonl)).isZero();
    }
}
