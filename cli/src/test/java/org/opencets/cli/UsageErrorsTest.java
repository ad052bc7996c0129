package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A value an option cannot take is a wrong command line, as an unknown option is: exit 2, one line
 * saying what is wrong, and the hint to the command's help (session 6 review, finding 15).
 */
class UsageErrorsTest {
    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @BeforeEach
    void store() throws Exception {
        assertThat(cets("init", "--agency", "TPS", "--region", "CA", "--admin", "alice").code()).isZero();
        assertThat(cets("case", "create", "C1", "--agency", "TPS", "--title", "t").code()).isZero();
        Files.writeString(dir.resolve("n.jsonl"), "{\"kind\":\"note\",\"text\":\"hi\"}\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            import --case C1 --format nosuch N          | cets import      | unknown format 'nosuch'
            import --case C1 --encoding bogus N         | cets import      | unknown encoding 'bogus'
            user add carl --agency TPS --role superuser | cets user add    | unknown role 'superuser'
            case create C2 --agency TPS --title t --sharing group | cets case create | unknown sharing level 'group'
            case share C1 --sharing group               | cets case share  | unknown sharing level 'group'
            records --case C1 --kind bogus              | cets records     | unknown record kind 'bogus'
            records --case C1 --limit 0                 | cets records     | at least 1, got 0
            records --case C1 --limit -3                | cets records     | at least 1, got -3
            audit list --limit 0                        | cets audit list  | at least 1, got 0
            lookup x@example.org --type bogus           | cets lookup      | unknown identifier type 'bogus'
            case export C1 --format bogus --output OUT  | cets case export | unknown export format 'bogus'
            agency add RCMP --name R --region XX        | cets agency add  | XX
            """)
    void aBadOptionValueExitsTwoWithOneLineAndTheHint(String line, String command, String says) throws Exception {
        String[] args = line.strip().replace(" N", " " + dir.resolve("n.jsonl")).replace(" OUT", " " + dir.resolve("x.jsonld"))
                .split(" +");
        CetsRun r = cets(args);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err()).startsWith("cets: ").contains(says).doesNotContain("\tat ")
                .contains("Try '" + command + " --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void nothingIsDoneWhenAnOptionValueIsBad() throws Exception {
        CetsRun r = cets("import", "--case", "C1", "--format", "nosuch", dir.resolve("n.jsonl").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cets("records", "--case", "C1").out()).contains("No records.");
        assertThat(cets("user", "add", "carl", "--agency", "TPS", "--role", "analyst,superuser").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cets("user", "list").out()).doesNotContain("carl");
    }

    @Test
    void goodValuesStillWorkWrittenAnyCase() throws Exception {
        assertThat(cets("user", "add", "carl", "--agency", "TPS", "--role", "Analyst,INVESTIGATOR").code()).isZero();
        assertThat(cets("case", "create", "C2", "--agency", "TPS", "--title", "t", "--sharing", "Network").code()).isZero();
        assertThat(cets("agency", "add", "RCMP", "--name", "R", "--region", "ca").code()).isZero();
        assertThat(cets("agency", "list").out()).containsPattern("RCMP +R +CA");
        CetsRun imported = cets("import", "--case", "C1", "--format", "JSONL", "--encoding", "utf-8", dir.resolve("n.jsonl").toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(cets("records", "--case", "C1", "--kind", "Note", "--limit", "1").out()).contains("note from n.jsonl");
        assertThat(cets("lookup", "x@example.org", "--type", "EMAIL").code()).isZero();
    }

    @Test
    void bareCetsNamesWhatIsMissingAndExitsTwoAsAGroupDoes() {
        CetsRun bare = cets();
        assertThat(bare.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).startsWith("cets: ").contains("needs a subcommand").contains("Commands:").contains("Exit codes:");
        assertThat(bare.out()).isEmpty();
        assertThat(cets("--help").code()).isZero();
        assertThat(cets("--version").code()).isZero();
    }

    @Test
    void hashingAPathThatDoesNotExistFailsAndWritesNothing() {
        Path out = dir.resolve("x.csv");
        CetsRun r = cets("media", "hash", dir.resolve("nonexistent").toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nonexistent").contains("no such file or folder");
        assertThat(out).doesNotExist();
    }
}
