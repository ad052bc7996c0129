package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cets lookup} takes back the {@code type:value} form that records, links and look-ups print
 * (session 6 review, finding 14): whatever {@code cets records} shows a record mentions, typed into
 * {@code cets lookup} as shown, finds that record's case.
 */
class LookupPrintedFormsTest {
    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @BeforeEach
    void caseWithEveryKindOfIdentifier() throws Exception {
        assertThat(cets("init", "--agency", "TPS", "--region", "CA", "--admin", "alice").code()).isZero();
        assertThat(cets("case", "create", "C1", "--agency", "TPS", "--title", "t").code()).isZero();
        Path f = dir.resolve("all.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"kind\":\"transaction\",\"time\":\"2024-03-01T10:00:00Z\",\"card_number\":\"4556 7375 8689 9855\","
                        + "\"email\":\"J.Smith+pics@gmail.com\",\"ip\":\"2a00:1450:4009:81f::200e\",\"url\":\"https://pics.example.com/a?x=1\","
                        + "\"domain\":\"hidden-gallery.example\",\"phone\":\"(613) 555-0123\"}",
                "{\"kind\":\"message\",\"platform\":\"irc\",\"from\":\"darkstar\",\"to\":\"bluebird\",\"text\":\"seen at 81.2.69.160\"}",
                "{\"kind\":\"tip\",\"accounts\":[{\"platform\":\"examplechat\",\"handle\":\"DarkStar\"}],"
                        + "\"phones\":[\"+44 7400 123456\"],"
                        + "\"files\":[{\"name\":\"a.jpg\",\"md5\":\"d35c1234567890121e7e123456789012\","
                        + "\"pdq\":\"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22\"}]}",
                ""));
        CetsRun imported = cets("import", "--case", "C1", f.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
    }

    @Test
    void everyIdentifierARecordShowsIsFoundWrittenAsShown() {
        String records = cets("records", "--case", "C1").out();
        Matcher m = Pattern.compile("→ (\\S+) \\(").matcher(records);
        List<String> shown = m.results().map(r -> r.group(1)).toList();
        assertThat(shown).extracting(s -> s.substring(0, s.indexOf(':'))).contains("card", "email", "ip", "url", "domain",
                "phone", "account", "file_hash", "pdq");
        for (String printed : shown) {
            CetsRun r = cets("lookup", printed);
            if (printed.startsWith("card:")) {
                // a card is shown masked; its keyed hash needs every digit, and the message says so
                assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
                assertThat(r.err()).contains("masked card number").contains("every digit");
                continue;
            }
            assertThat(r.code()).as(printed + ": " + r.err()).isZero();
            assertThat(r.out()).as(printed).contains("seen in 1 case").contains("TPS/C1");
        }
        assertThat(cets("lookup", "card:4556-7375-8689-9855").out()).contains("seen in 1 case");
    }

    @Test
    void valuesThatMerelyHoldAColonWorkAsBefore() {
        assertThat(cets("lookup", "2a00:1450:4009:081f:0:0:0:200e").out()).startsWith("ip 2a00:1450:4009:81f::200e: seen in 1 case");
        assertThat(cets("lookup", "https://PICS.example.com:443/a?x=1").out()).startsWith("url https://pics.example.com/a?x=1: seen in 1 case");
        assertThat(cets("lookup", "irc:DarkStar").out()).contains("seen in 1 case");
        assertThat(cets("lookup", "email:J.Smith+x@gmail.com", "--type", "email").out()).contains("seen in 1 case");
        assertThat(cets("lookup", "email:J.Smith@gmail.com", "--type", "phone").err()).contains("phone");
    }

    @Test
    void aHashInAnErrorStaysReadable() {
        CetsRun r = cets("lookup", "file_hash:sha1:d35c1234567890121e7e123456789012");
        assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("sha1 hash must have 40 hex digits, found 32").doesNotContain("[12 digits]");
        CetsRun unknown = cets("lookup", "d35c1234567890121e7e1234567890");
        assertThat(unknown.err()).contains("'d35c12…7890'").doesNotContain("digits]");
    }
}
