package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user imports an IRC log and a WhatsApp export with {@code --format auto} and finds their
 * e-mails, phones, accounts and cards with {@code cets lookup}, each in the case it was imported into.
 */
class ChatLogImportTest {
    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    static final String IRSSI = """
            --- Log opened Mon Mar 04 22:00:00 2024
            22:00 -!- darkstar [~ds@81.2.69.160] has joined #example
            22:01 <@darkstar> mail me at Dark.Star@mailbox.example.org
            22:02 < bluebird> ok
            22:03  * bluebird waves
            22:04 -!- darkstar is now known as nightowl
            22:05 -!- bluebird [~bb@host.example.net] has quit [Quit: bye]
            --- Day changed Tue Mar 05 2024
            00:10 <nightowl> still here
            """;

    static final String WHATSAPP = """
            04/03/2024, 21:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
            04/03/2024, 21:01 - Alice added +44 7400 123456
            13/03/2024, 21:05 - Alice: hi all
            pay with 4556 7375 8689 9855
            13/03/2024, 21:06 - +44 7400 123456: IMG-20240313-WA0001.jpg (file attached)
            13/03/2024, 21:07 - +44 7400 123456: <Media omitted>
            """;

    @BeforeEach
    void setUp() {
        assertThat(cets("init", "--agency", "TPS", "--name", "Test Police", "--region", "GB", "--admin", "alice").code()).isZero();
        assertThat(cets("case", "create", "IRC-1", "--agency", "TPS", "--title", "Channel").code()).isZero();
        assertThat(cets("case", "create", "WA-1", "--agency", "TPS", "--title", "Group chat").code()).isZero();
    }

    JsonNode importAuto(String caseNumber, Path file) throws Exception {
        CetsRun r = cets("import", "--case", caseNumber, "--format", "auto", file.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    void assertSeenOnlyIn(String value, String caseNumber, String otherCase) {
        CetsRun r = cets("lookup", value);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).as(value).contains("seen in 1 case").contains("TPS/" + caseNumber).doesNotContain(otherCase);
    }

    @Test
    void importsBothChatFormatsByContentAndFindsTheirIdentifiersInTheRightCase() throws Exception {
        Path irc = dir.resolve("session.log"); // a name that says nothing about the format
        Files.writeString(irc, IRSSI);
        Path wa = dir.resolve("export.txt");
        Files.writeString(wa, WHATSAPP);

        JsonNode ircReport = importAuto("IRC-1", irc);
        assertThat(ircReport.get("format").asText()).isEqualTo("irc");
        assertThat(ircReport.get("records").asInt()).isEqualTo(7);
        assertThat(ircReport.get("rejected").asInt()).isZero();

        JsonNode waReport = importAuto("WA-1", wa);
        assertThat(waReport.get("format").asText()).isEqualTo("whatsapp");
        assertThat(waReport.get("records").asInt()).isEqualTo(5);
        assertThat(waReport.get("rejected").asInt()).isZero();

        assertSeenOnlyIn("dark.star@mailbox.example.org", "IRC-1", "WA-1");
        assertSeenOnlyIn("irc:NightOwl", "IRC-1", "WA-1");
        assertSeenOnlyIn("irc:darkstar", "IRC-1", "WA-1");
        assertSeenOnlyIn("81.2.69.160", "IRC-1", "WA-1");
        assertSeenOnlyIn("+44 7400 123456", "WA-1", "IRC-1");
        assertSeenOnlyIn("whatsapp:+447400123456", "WA-1", "IRC-1");
        CetsRun card = cets("lookup", "4556737586899855");
        assertThat(card.out()).contains("seen in 1 case").contains("TPS/WA-1").doesNotContain("4556737586899855")
                .doesNotContain("IRC-1");
        assertThat(cets("lookup", "irc:Alice").out()).contains("not seen");
    }

    @Test
    void aWrongFormatNamesTheLikelyOneAndATimeOnlyLogWithoutADateNamesTheDateOption() throws Exception {
        Path wa = dir.resolve("export.txt");
        Files.writeString(wa, WHATSAPP);
        CetsRun wrong = cets("import", "--case", "WA-1", "--format", "irc", wa.toString());
        assertThat(wrong.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrong.err()).contains("looks like whatsapp");

        Path undated = dir.resolve("channel.log");
        Files.writeString(undated, "10:00 <darkstar> hi\n10:01 <bluebird> hello\n");
        CetsRun noDate = cets("import", "--case", "IRC-1", undated.toString());
        assertThat(noDate.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noDate.err()).contains("channel.log:1:").contains("--date");
        CetsRun dated = cets("import", "--case", "IRC-1", "--date", "2024-03-04", undated.toString(), "--json");
        assertThat(dated.code()).as(dated.err()).isZero();
        assertThat(new ObjectMapper().readTree(dated.out()).get("records").asInt()).isEqualTo(2);
    }

    @Test
    void aUtf16ExportImports() throws Exception {
        Path wa = dir.resolve("WhatsApp Chat with Alice.txt");
        Files.write(wa, WHATSAPP.getBytes(StandardCharsets.UTF_16LE));
        JsonNode report = importAuto("WA-1", wa);
        assertThat(report.get("format").asText()).isEqualTo("whatsapp");
        assertThat(report.get("records").asInt()).isEqualTo(5);
    }
}
