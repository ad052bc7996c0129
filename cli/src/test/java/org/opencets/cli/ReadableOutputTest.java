package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user found confusing in the output (session 6 review, finding 17): a cut listing that
 * did not say so, fields in a different order each time, a parser's class names in rejection
 * reasons, an audit-head message pointing at a command that cannot fix it, and phone errors naming
 * the United States for a Canadian agency.
 */
class ReadableOutputTest {
    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @BeforeEach
    void store() {
        assertThat(cets("init", "--agency", "TPS", "--region", "CA", "--admin", "alice").code()).isZero();
        assertThat(cets("agency", "add", "RCMP", "--name", "Mounties", "--region", "CA").code()).isZero();
        assertThat(cets("user", "add", "bob", "--agency", "RCMP").code()).isZero();
        assertThat(cets("case", "create", "R-88", "--agency", "RCMP", "--title", "t", "--as", "bob").code()).isZero();
    }

    Path file(String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    @Test
    void aCutListingSaysThatMoreRecordsExist() throws Exception {
        Path notes = file("notes.jsonl", "{\"kind\":\"note\",\"text\":\"one\"}", "{\"kind\":\"note\",\"text\":\"two\"}",
                "{\"kind\":\"note\",\"text\":\"three\"}");
        assertThat(cets("import", "--case", "R-88", notes.toString(), "--as", "bob").code()).isZero();

        CetsRun cut = cets("records", "--case", "R-88", "--limit", "2", "--as", "bob");
        assertThat(cut.out()).contains("text: one").contains("text: two").doesNotContain("text: three");
        assertThat(cut.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("… more records than the 2 shown; use a larger --limit, or --kind to narrow");
        CetsRun whole = cets("records", "--case", "R-88", "--limit", "3", "--as", "bob");
        assertThat(whole.out()).contains("text: three").doesNotContain("more records");

        CetsRun json = cets("records", "--case", "R-88", "--limit", "2", "--as", "bob", "--json");
        assertThat(new ObjectMapper().readTree(json.out())).hasSize(2);
        assertThat(json.err()).contains("more records than the 2 shown");
        assertThat(cets("records", "--case", "R-88", "--as", "bob", "--json").err()).isEmpty();
    }

    @Test
    void fieldsPrintInOneOrderInTextAndJson() throws Exception {
        Path f = file("tx.jsonl", "{\"kind\":\"transaction\",\"time\":\"2024-03-01T10:00:00Z\",\"merchant\":\"Hidden Gallery\","
                + "\"amount\":\"29.99\",\"currency\":\"USD\",\"zone\":\"b\",\"cardholder_name\":\"John Smith\",\"bank\":\"x\"}");
        assertThat(cets("import", "--case", "R-88", f.toString(), "--as", "bob").code()).isZero();

        List<String> printed = cets("records", "--case", "R-88", "--as", "bob").out().lines()
                .filter(l -> l.startsWith("    ") && !l.contains("→")).map(l -> l.strip().substring(0, l.strip().indexOf(':')))
                .toList();
        JsonNode record = new ObjectMapper().readTree(cets("records", "--case", "R-88", "--as", "bob", "--json").out()).get(0);
        List<String> inJson = new ArrayList<>();
        record.get("fields").fieldNames().forEachRemaining(inJson::add);
        assertThat(printed).hasSize(7).isSorted().isEqualTo(inJson);
    }

    @Test
    void jsonLinesRejectionsSayWhatIsWrongInPlainWords() throws Exception {
        Path bad = file("bad.jsonl",
                "[\"an\",\"array\"]",
                "\"a string\"",
                "42",
                "null",
                "{\"kind\":\"note\",\"text\":\"x\"} {\"kind\":\"note\"}",
                "{\"kind\":\"note\",\"text\":tru} ",
                "{not json",
                "{\"kind\":\"note\",\"text\":\"fine\"}");
        CetsRun r = cets("import", "--case", "R-88", bad.toString(), "--skip-bad", "--as", "bob");
        assertThat(r.out()).contains("rejected line 1: expected a JSON object, found an array")
                .contains("rejected line 2: expected a JSON object, found a string")
                .contains("rejected line 3: expected a JSON object, found a number")
                .contains("rejected line 4: expected a JSON object, found null")
                .contains("rejected line 5: more after the JSON object, at column 28: one object a line")
                .contains("rejected line 6: not valid JSON at column 26: unrecognized token 'tru'")
                .contains("rejected line 7: not valid JSON at column 2:")
                .doesNotContain("java.").doesNotContain("`").doesNotContain("LinkedHashMap").doesNotContain("Cannot deserialize")
                .doesNotContain("(code ");
        CetsRun strict = cets("import", "--case", "R-88", file("one.jsonl", "[1]").toString(), "--as", "bob");
        assertThat(strict.err()).contains("one.jsonl:1: expected a JSON object, found an array");
    }

    @Test
    void aMissingAuditHeadTellsTheAdministratorToRestoreItFromTheBackup() throws Exception {
        Files.delete(dir.resolve("home/audit.head"));
        CetsRun r = cets("case", "list", "--as", "bob");
        assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("audit.head").contains("restore").contains("backup");
        CetsRun verify = cets("audit", "verify");
        assertThat(verify.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(verify.out() + verify.err()).contains("restore it from a backup");
    }

    @Test
    void phoneErrorsNameTheRegionTheNumberWasReadIn() throws Exception {
        Path p = file("p.jsonl", "{\"kind\":\"note\",\"text\":\"x\",\"phone\":\"613 123 4567\"}");
        CetsRun imported = cets("import", "--case", "R-88", p.toString(), "--as", "bob");
        assertThat(imported.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(imported.err()).contains("for region CA").doesNotContain("US");
        CetsRun national = cets("lookup", "613 123 4567", "--as", "bob");
        assertThat(national.err()).contains("for region CA").doesNotContain("US");
        CetsRun international = cets("lookup", "+1 613 123 4567", "--as", "bob");
        assertThat(international.err()).contains("with country code +1").doesNotContain("US");
    }
}
