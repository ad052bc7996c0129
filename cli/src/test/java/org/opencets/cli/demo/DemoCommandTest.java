package org.opencets.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.cli.CetsCommand;
import org.opencets.cli.ExitCodes;
import org.opencets.cli.Main;
import picocli.CommandLine;

/** {@code cets demo} and {@code cets generate} as a user meets them, run in-process. */
class DemoCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run cets(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void parsesSizesAndOptionsWithoutRunning() {
        CommandLine cl = Main.commandLine(new CetsCommand(Map.of()));
        CommandLine.ParseResult p = cl.parseArgs("demo", "--size", "large", "--agencies", "5", "--quiet");
        DemoCommand demo = (DemoCommand) p.subcommand().commandSpec().userObject();
        assertThat(demo.size).isEqualTo(DemoCommand.Size.LARGE);
        assertThat(demo.size.records).isEqualTo(10_000_000L);
        assertThat(demo.agencies).isEqualTo(5);
        assertThat(demo.quiet).isTrue();
        DemoCommand defaults = (DemoCommand) Main.commandLine(new CetsCommand(Map.of())).parseArgs("demo")
                .subcommand().commandSpec().userObject();
        assertThat(defaults.size).isEqualTo(DemoCommand.Size.DEFAULT);
        assertThat(defaults.size.records).isEqualTo(100_000L);
        assertThat(cl.getSubcommands().get("demo").getUsageMessage()).contains("Examples:", "cets demo");
        assertThat(cl.getSubcommands().get("generate").getUsageMessage()).contains("Examples:", "--out");
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        Map<String, String> env = Map.of("CETS_HOME", dir.resolve("h").toString());
        Run r = cets(env, "demo", "--agencies", "2");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("cets: ").contains("--agencies must be 3 to 8").doesNotContain("\tat ");
        assertThat(cets(env, "demo", "--size", "huge").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cets(env, "demo", "--records", "10").err()).contains("--records must be 1,500");
        assertThat(cets(env, "generate").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(dir.resolve("h"))).isFalse();
    }

    @Test
    void theDemoPrintsTheStoryAndBothScoresAndIsRightAtSmallScale() {
        Path home = dir.resolve("demo-home");
        Run r = cets(Map.of("CETS_HOME", home.toString()), "demo", "--records", "3000");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Records imported, per agency and kind:", "Strongest cross-case links",
                "[found] tip chain", "[found] known offender buyer", "[found] screen name three agencies",
                "previously seen", "Noise planted across many cases", "Try next");
        assertThat(r.out().lines()).contains("precision: 1.0000", "recall: 1.0000");
        assertThat(r.out()).doesNotContain("MISSED").doesNotContain("FALSE LINKS");
        assertThat(r.out().replace(dir.toString(), "DIR")).doesNotContainPattern("\\d{13,19}"); // never a card number
        assertThat(r.err()).isEmpty(); // no progress line when not on a terminal
        assertThat(home.resolve("demo-scenario/truth.json")).exists();

        // a store now exists there: a second run refuses rather than mixing demo data into it
        Run again = cets(Map.of("CETS_HOME", home.toString()), "demo", "--records", "3000");
        assertThat(again.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.err()).contains("already holds a store").doesNotContain("\tat ");

        // and the commands it suggests work on the store it made
        Map<String, String> env = new HashMap<>(Map.of("CETS_HOME", home.toString()));
        Run alerts = cets(env, "alerts", "--as", "analyst.nrp");
        assertThat(alerts.code()).isEqualTo(ExitCodes.OK);
        assertThat(alerts.out()).contains("previously seen");
    }

    @Test
    void withoutCetsHomeTheDemoNamesAFreshFolder() throws Exception {
        Path a = DemoCommand.freshFolder(dir);
        assertThat(a.getFileName().toString()).matches("cets-demo-\\d{8}-\\d{6}");
        Files.createDirectories(a);
        assertThat(DemoCommand.freshFolder(dir)).isNotEqualTo(a);
    }

    @Test
    void generateWritesAScenarioAndRefusesAFolderThatIsNotEmpty() {
        Path out = dir.resolve("scenario");
        Run r = cets(Map.of(), "generate", "--records", "2000", "--agencies", "3", "--seed", "9", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("truth.json", "planted cross-case links", "NRP Northshore Regional Police");
        assertThat(out.resolve("scenario.json")).exists();
        assertThat(out.resolve("NRP/payments.csv")).exists();
        Run again = cets(Map.of(), "generate", "--records", "2000", "--out", out.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("not empty");
        assertThat(cets(Map.of(), "generate", "--records", "2000", "--out", out.toString(), "--force").code())
                .isEqualTo(ExitCodes.OK);
        assertThat(cets(Map.of(), "generate", "--records", "2000", "--people", "2000", "--out", dir.resolve("x").toString())
                .code()).isEqualTo(ExitCodes.USAGE);
    }
}
