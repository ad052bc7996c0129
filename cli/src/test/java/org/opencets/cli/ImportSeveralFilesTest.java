package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cets import} with several files (session 6 review, finding 13): each file is imported whole
 * or not at all, a file that fails does not stop the others, and the last line says which files were
 * imported and which were not; with {@code --json} no report is lost. And an import with
 * {@code --skip-bad} that keeps no row at all is a failure, not a success (finding 15).
 */
class ImportSeveralFilesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path good3;
    Path bad3;
    Path good4;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @BeforeEach
    void store() throws Exception {
        assertThat(cets("init", "--agency", "TPS", "--region", "CA", "--admin", "alice").code()).isZero();
        assertThat(cets("agency", "add", "RCMP", "--name", "Mounties", "--region", "CA").code()).isZero();
        assertThat(cets("user", "add", "bob", "--agency", "RCMP").code()).isZero();
        assertThat(cets("case", "create", "T-1", "--agency", "RCMP", "--title", "t", "--as", "bob").code()).isZero();
        good3 = Files.writeString(dir.resolve("g3.jsonl"), "{\"kind\":\"note\",\"text\":\"mail jsmith@gmail.com\"}\n");
        bad3 = Files.writeString(dir.resolve("b3.jsonl"), "{\"kind\":\"note\",\"text\":\"fine\"}\n{\"kind\":\"note\",\"text\":\"fine too\"}\n[\"an\",\"array\"]\n");
        good4 = Files.writeString(dir.resolve("g4.jsonl"), "{\"kind\":\"note\",\"text\":\"call 81.2.69.160\"}\n");
    }

    @Test
    void aFailedFileDoesNotStopTheOthersAndTheLastLineSaysWhichWereImported() {
        CetsRun r = cets("import", "--case", "T-1", good3.toString(), bad3.toString(), good4.toString(), "--as", "bob");

        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).contains("g3.jsonl → RCMP/T-1 (jsonl): 1 records").contains("g4.jsonl → RCMP/T-1 (jsonl): 1 records")
                .doesNotContain("b3.jsonl →");
        assertThat(r.err()).contains("b3.jsonl:3: expected a JSON object, found an array (nothing of the file was imported;")
                .doesNotContain("(nothing was imported");
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).isEqualTo("cets: 2 of 3 files imported (" + good3 + ", " + good4 + "); not imported: " + bad3);
        assertThat(cets("records", "--case", "T-1", "--as", "bob").out()).contains("jsmith@gmail.com").contains("81.2.69.160")
                .doesNotContain("fine");
    }

    @Test
    void withJsonEveryFileHasItsEntryInOrder() throws Exception {
        CetsRun r = cets("import", "--case", "T-1", good3.toString(), bad3.toString(), good4.toString(), "--as", "bob", "--json");

        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        JsonNode all = JSON.readTree(r.out());
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("file").asText()).isEqualTo(good3.toString());
        assertThat(all.get(0).get("records").asInt()).isEqualTo(1);
        assertThat(all.get(1).get("file").asText()).isEqualTo(bad3.toString());
        assertThat(all.get(1).get("status").asText()).isEqualTo("failed");
        assertThat(all.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(all.get(1).get("reason").asText()).startsWith("expected a JSON object, found an array");
        assertThat(all.get(2).get("records").asInt()).isEqualTo(1);
        assertThat(r.err()).contains("2 of 3 files imported");
    }

    @Test
    void anErrorThatIsNotTheFilesStopsAndSaysWhatWasNotTried() throws Exception {
        assertThat(cets("user", "add", "carl", "--agency", "TPS").code()).isZero();
        CetsRun r = cets("import", "--case", "T-1", good3.toString(), good4.toString(), "--as", "carl", "--json");

        assertThat(r.code()).isEqualTo(ExitCodes.DENIED);
        JsonNode all = JSON.readTree(r.out());
        assertThat(all.get(0).get("status").asText()).isEqualTo("failed");
        assertThat(all.get(0).get("reason").asText()).contains("may not import");
        assertThat(all.get(1).get("status").asText()).isEqualTo("not tried");
        assertThat(r.err()).contains("may not import").contains("0 of 2 files imported; not imported: " + good3
                + "; not tried: " + good4);

        CetsRun single = cets("import", "--case", "T-1", good3.toString(), "--as", "carl");
        assertThat(single.code()).isEqualTo(ExitCodes.DENIED);
        assertThat(single.err().strip().lines()).as("one file: just the error").hasSize(1);
    }

    @Test
    void oneFileThatFailsPrintsItsErrorAloneAndItsEntryWithJson() throws Exception {
        CetsRun r = cets("import", "--case", "T-1", bad3.toString(), "--as", "bob");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();

        CetsRun json = cets("import", "--case", "T-1", bad3.toString(), "--as", "bob", "--json");
        assertThat(JSON.readTree(json.out()).get("status").asText()).isEqualTo("failed");
    }

    @Test
    void skipBadThatKeepsNoRowFailsStoresNothingAndStillListsEveryRejection() throws Exception {
        Path allBad = Files.writeString(dir.resolve("allbad.jsonl"), "[1]\n\"x\"\n{\"kind\":\"nosuch\"}\n");

        CetsRun r = cets("import", "--case", "T-1", "--skip-bad", allBad.toString(), "--as", "bob");

        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).contains("allbad.jsonl → RCMP/T-1 (jsonl): not imported, 3 rejected")
                .contains("rejected line 1: expected a JSON object, found an array")
                .contains("rejected line 2: expected a JSON object, found a string")
                .contains("rejected line 3: unknown record kind 'nosuch'")
                .doesNotContain("evidence SHA-256");
        assertThat(r.err()).contains("allbad.jsonl: no row could be imported; 3 rejected");
        assertThat(cets("case", "show", "T-1", "--as", "bob").out()).doesNotContain("allbad.jsonl");

        // the same bytes again: the failed attempt left nothing that would make them a duplicate
        CetsRun json = cets("import", "--case", "T-1", "--skip-bad", allBad.toString(), "--as", "bob", "--json");
        assertThat(json.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(json.out() + json.err()).doesNotContain("already imported");
        JsonNode entry = JSON.readTree(json.out());
        assertThat(entry.get("status").asText()).isEqualTo("failed");
        assertThat(entry.get("rejections")).hasSize(3);
        assertThat(entry.get("rejections").get(2).get("reason").asText()).startsWith("unknown record kind");
    }

    @Test
    void theHelpAndTheFormatsDocSayWhatHappensToTheOtherFiles() throws Exception {
        String help = cets("import", "--help").out();
        assertThat(help).contains("the other files are still imported").contains("no row could be imported");
        String formats = Files.readString(Path.of("..", "docs", "FORMATS.md"));
        assertThat(formats).contains("the other files are still imported").contains("no row could be imported");
    }
}
