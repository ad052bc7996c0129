package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As a new user would: chat exports of each structured format imported with {@code --format auto},
 * the right number of records reported, and {@code cets lookup} finding their e-mails, phones,
 * accounts and cards in the right case.
 */
class ChatExportImportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final String TELEGRAM = """
            {
             "name": "Alice Example",
             "type": "personal_chat",
             "id": 5550001,
             "messages": [
              {
               "id": 1,
               "type": "service",
               "date": "2024-03-01T10:00:00",
               "date_unixtime": "1709283600",
               "actor": "Bob Sample",
               "actor_id": "user5550002",
               "action": "phone_call",
               "duration_seconds": 65,
               "text": "",
               "text_entities": []
              },
              {
               "id": 2,
               "type": "message",
               "date": "2024-03-01T10:05:00",
               "date_unixtime": "1709283900",
               "from": "Alice Example",
               "from_id": "user5550001",
               "text": ["write to ", {"type": "email", "text": "alice.example@example.org"}, ", ask ",
                        {"type": "mention", "text": "@Bob_Sample"}],
               "text_entities": [{"type": "plain", "text": "write to "}, {"type": "email", "text": "alice.example@example.org"},
                                 {"type": "plain", "text": ", ask "}, {"type": "mention", "text": "@Bob_Sample"}]
              },
              {
               "id": 3,
               "type": "message",
               "date": "2024-03-01T10:07:00",
               "date_unixtime": "1709284020",
               "from": "Bob Sample",
               "from_id": "user5550002",
               "text": "paid with 4556 7375 8689 9855",
               "text_entities": [{"type": "plain", "text": "paid with 4556 7375 8689 9855"}]
              }
             ]
            }
            """;

    static final String DISCORD = """
            {
              "guild": {"id": "555000000000000100", "name": "Example Server"},
              "channel": {"id": "555000000000000200", "type": "GuildTextChat", "category": "Text", "name": "general"},
              "dateRange": {"after": null, "before": null},
              "messages": [
                {"id": "555000000000001001", "type": "GuildMemberJoin", "timestamp": "2024-04-01T18:00:00.000+00:00",
                 "content": "Joined the server.", "author": {"id": "555000000000000002", "name": "bobsample", "discriminator": "0000"},
                 "attachments": [], "embeds": [], "mentions": []},
                {"id": "555000000000001002", "type": "Default", "timestamp": "2024-04-01T18:01:00.000+00:00",
                 "content": "mail alice.example@example.org or text +1 415 555 0123",
                 "author": {"id": "555000000000000001", "name": "alice_example", "discriminator": "0000", "nickname": "Alice"},
                 "attachments": [], "embeds": [], "mentions": []}
              ],
              "messageCount": 2
            }
            """;

    static final String PAN12 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <conversations>
            <conversation id="0a1b2c3d4e5f60718293a4b5c6d7e8f9">
            <message line="1"><author>5f4dcc3b5aa765d61d8327deb882cf99</author><time>23:58</time><text>hi</text></message>
            <message line="2"><author>e99a18c428cb38d5f260853678922e03</author><time>23:59</time><text>call +1 415 555 0145</text></message>
            </conversation>
            <conversation id="1b2c3d4e5f60718293a4b5c6d7e8f90a">
            <message line="1"><author>5f4dcc3b5aa765d61d8327deb882cf99</author><time>10:15</time><text>bye</text></message>
            </conversation>
            </conversations>
            """;

    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @BeforeEach
    void store() {
        assertThat(cets("init", "--agency", "SFPD", "--name", "San Francisco Police", "--region", "US", "--admin", "alice").code()).isZero();
        assertThat(cets("case", "create", "C1", "--agency", "SFPD", "--title", "Telegram and corpus").code()).isZero();
        assertThat(cets("case", "create", "C2", "--agency", "SFPD", "--title", "Discord").code()).isZero();
    }

    Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    JsonNode imported(String caseNumber, Path file) throws Exception {
        CetsRun r = cets("import", "--case", caseNumber, "--format", "auto", file.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    /** Case numbers that hold the value, with the roles it has there. */
    List<String> lookup(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("lookup"));
        a.addAll(List.of(args));
        a.add("--json");
        CetsRun r = cets(a.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> hits = new ArrayList<>();
        for (JsonNode h : JSON.readTree(r.out()).path("cases")) {
            List<String> roles = new ArrayList<>();
            h.path("roles").forEach(x -> roles.add(x.asText()));
            hits.add(h.path("case").path("case_number").asText() + " " + String.join(",", roles));
        }
        return hits;
    }

    @Test
    void eachFormatIsDetectedCountedAndItsIdentifiersFoundInTheRightCase() throws Exception {
        JsonNode telegram = imported("C1", write("result.json", TELEGRAM));
        assertThat(telegram.get("format").asText()).isEqualTo("telegram");
        assertThat(telegram.get("records").asInt()).isEqualTo(3);
        JsonNode discord = imported("C2", write("general.json", DISCORD));
        assertThat(discord.get("format").asText()).isEqualTo("discord");
        assertThat(discord.get("records").asInt()).isEqualTo(2);
        JsonNode pan12 = imported("C1", write("corpus.xml", PAN12));
        assertThat(pan12.get("format").asText()).isEqualTo("pan12");
        assertThat(pan12.get("records").asInt()).isEqualTo(3);

        assertThat(lookup("alice.example@example.org")).containsExactlyInAnyOrder("C1 text", "C2 text");
        assertThat(lookup("+1 415 555 0123")).containsExactly("C2 text");
        assertThat(lookup("+1 415 555 0145")).containsExactly("C1 text");
        assertThat(lookup("telegram:5550001")).containsExactly("C1 sender");
        assertThat(lookup("telegram:5550002")).containsExactly("C1 actor,sender");
        assertThat(lookup("telegram:@bob_sample")).containsExactly("C1 mentioned");
        assertThat(lookup("discord:555000000000000001")).containsExactly("C2 sender");
        assertThat(lookup("discord:Alice_Example")).containsExactly("C2 sender_username");
        assertThat(lookup("pan12:5f4dcc3b5aa765d61d8327deb882cf99", "--type", "account")).containsExactly("C1 sender");
        assertThat(lookup("4556 7375 8689 9855")).containsExactly("C1 text");
        CetsRun card = cets("lookup", "4556737586899855");
        assertThat(card.out()).contains("C1").doesNotContain("4556737586899855");
    }

    @Test
    void aWrongFormatNamesTheLikelyOneAndATruncatedExportNamesItsLine() throws Exception {
        Path telegram = write("result.json", TELEGRAM);
        CetsRun wrong = cets("import", "--case", "C1", "--format", "discord", telegram.toString());
        assertThat(wrong.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrong.err()).contains("looks like telegram");
        CetsRun asJsonl = cets("import", "--case", "C1", "--format", "jsonl", write("general.json", DISCORD).toString());
        assertThat(asJsonl.err()).contains("looks like discord");

        String cut = TELEGRAM.substring(0, TELEGRAM.indexOf("\"paid with"));
        Path truncated = write("cut.json", cut);
        CetsRun r = cets("import", "--case", "C1", "--skip-bad", truncated.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        long lastLine = cut.lines().count();
        assertThat(r.err()).contains("cut.json:" + lastLine + ": the JSON ends early, the file is truncated").doesNotContain("\tat ");
        // all or nothing: the messages before the cut did not land either
        assertThat(lookup("telegram:5550001")).isEmpty();
    }
}
