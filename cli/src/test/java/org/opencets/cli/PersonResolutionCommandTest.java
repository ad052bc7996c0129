package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cets resolve run | judge | explain} on the demo's store, as an administrator meets them:
 * person links appear in {@code cets links}, a pair in a case one may not read can be neither
 * explained nor judged, and a rejection withdraws the link.
 */
class PersonResolutionCommandTest {
    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    List<JsonNode> personLinks(String user) throws Exception {
        CetsRun r = cets("links", "--as", user, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).forEach(l -> {
            if (l.get("kind").asText().equals("person")) {
                out.add(l);
            }
        });
        return out;
    }

    @Test
    void runJudgeAndExplainOnTheDemoStore() throws Exception {
        assertThat(cets("demo", "--records", "3000", "--quiet").code()).isZero();

        CetsRun denied = cets("resolve", "run", "--as", "analyst.nrp");
        assertThat(denied.code()).isEqualTo(ExitCodes.DENIED);
        assertThat(denied.err()).contains("administrators and analysts");

        CetsRun run = cets("resolve", "run", "--as", "demo", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("links_added").asInt()).isPositive();
        assertThat(report.get("records").asLong()).isGreaterThan(1000);

        List<JsonNode> links = personLinks("demo");
        assertThat(links).hasSize(report.get("links_added").asInt());
        JsonNode readable = links.stream().filter(l -> l.get("a").has("record") && l.get("b").has("record")).findFirst().orElseThrow();
        JsonNode pointer = links.stream().filter(l -> !l.get("a").has("record") || !l.get("b").has("record")).findFirst().orElseThrow();
        String a = readable.get("a").get("record").asText();
        String b = readable.get("b").get("record").asText();
        assertThat(readable.get("evidence").get("rule").asText()).isEqualTo("person resolution");

        CetsRun explained = cets("resolve", "explain", a, b, "--as", "demo");
        assertThat(explained.code()).as(explained.err()).isZero();
        assertThat(explained.out()).contains("surname").contains("match weight").contains("one person in this run");

        String hidden = pointer.get("a").has("record") ? pointer.get("a").get("record").asText() : pointer.get("b").get("record").asText();
        String other = "1";
        assertThat(cets("resolve", "judge", hidden, other, "--different", "--as", "analyst.svp").code()).isEqualTo(ExitCodes.DENIED);

        CetsRun judged = cets("resolve", "judge", a, b, "--different", "--reason", "test", "--as", "demo");
        assertThat(judged.code()).as(judged.err()).isZero();
        assertThat(judged.out()).contains("different persons").contains("withdrawn");
        assertThat(personLinks("demo")).hasSize(links.size() - 1);
        assertThat(cets("resolve", "judge", a, a, "--same", "--as", "demo").code()).isNotZero();
        assertThat(cets("resolve", "judge", a, b, "--as", "demo").code()).isEqualTo(ExitCodes.USAGE);

        CetsRun rerun = cets("resolve", "run", "--as", "demo");
        assertThat(rerun.out()).contains("0 added");
        assertThat(personLinks("demo")).hasSize(links.size() - 1);
        assertThat(cets("audit", "verify").code()).isZero();
    }
}
