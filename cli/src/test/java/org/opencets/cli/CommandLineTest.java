package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: exit codes, one-line errors, help with examples, JSON reports. */
class CommandLineTest {
    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        CommandLine cl = Main.commandLine(new CetsCommand(Map.of()));
        assertThat(cl.getSubcommands()).containsKeys("init", "agency", "user", "case", "import", "lookup", "links", "alerts", "audit");
        cl.getSubcommands().values().forEach(this::assertLeavesHaveExamples);
    }

    private void assertLeavesHaveExamples(CommandLine c) {
        if (c.getSubcommands().isEmpty() || !(c.getCommand() instanceof Runnable)) {
            String usage = c.getUsageMessage();
            assertThat(usage).as(c.getCommandSpec().qualifiedName()).containsIgnoringCase("example");
        }
        c.getSubcommands().values().forEach(this::assertLeavesHaveExamples);
    }

    @Test
    void helpListsTheExitCodesEachOutcomeGives() throws Exception {
        String help = cets("--help").out();
        assertThat(help).contains("Exit codes:");
        assertThat(cets("init", "--agency", "TPS", "--admin", "alice").code()).isZero();
        // each outcome, then the help line of the code it gave
        int notFound = cets("case", "show", "NOPE").code();
        int unknownUser = cets("case", "list", "--as", "nobody").code();
        int noFile = cets("import", "--case", "NOPE", "--format", "jsonl", dir.resolve("absent.jsonl").toString()).code();
        Files.writeString(dir.resolve("bad.jsonl"), "{not json\n");
        assertThat(cets("case", "create", "C1", "--agency", "TPS", "--title", "t").code()).isZero();
        int badRow = cets("import", "--case", "C1", "--format", "jsonl", dir.resolve("bad.jsonl").toString()).code();
        int usage = cets("lookup").code();
        int badValue = cets("records", "--case", "C1", "--limit", "0").code();
        assertThat(help).contains("  " + notFound + "  failed; the message says why (no such case")
                .contains("  " + unknownUser + "  not allowed: an unknown acting user")
                .contains("  " + badRow + "  the input cannot be read as asked (no such file, bad row)")
                .contains("  " + usage + "  the command line is wrong")
                .contains("  " + badValue + "  the command line is wrong (unknown option, missing argument,")
                .contains("a value an option does not take, no command)");
        assertThat(noFile).as("which comes first, the unknown case or the missing file").isEqualTo(notFound);
    }

    @Test
    void parseErrorsExitTwoWithOneLineAndAHint() {
        CetsRun r = cets("import", "--case");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("cets: ").contains("--help").doesNotContain("\tat ");
        assertThat(cets("frobnicate").code()).isEqualTo(ExitCodes.USAGE);
        CetsRun bare = cets("audit");
        assertThat(bare.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).startsWith("cets: 'cets audit' needs a subcommand").contains("verify").contains("Example");
        assertThat(bare.out()).isEmpty();
    }

    @Test
    void commandsBeforeInitSayWhatToDoWithoutAStackTrace() {
        CetsRun r = cets("case", "list");
        assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("cets init").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void nestedValuesAndCountsPrintAsAUserReadsThem() throws Exception {
        assertThat(cets("init", "--agency", "TPS", "--admin", "alice").code()).isZero();
        assertThat(cets("case", "create", "C1", "--agency", "TPS", "--title", "t").code()).isZero();
        Path notes = dir.resolve("notes.jsonl");
        Files.writeString(notes, "{\"kind\":\"note\",\"text\":\"hi\",\"extra\":{\"nested\":\"x\",\"n\":[1,2]}}\n"
                + "{\"kind\":\"note\",\"text\":\"again\"}\n");
        assertThat(cets("import", "--case", "C1", notes.toString()).code()).isZero();
        assertThat(cets("records", "--case", "C1").out()).contains("extra: {\"nested\":\"x\",\"n\":[1,2]}").doesNotContain("nested=");
        assertThat(cets("case", "show", "C1").out()).contains("records: 2 note").doesNotContain("{note=");
    }

    @Test
    void aStoreThatLostItsCardKeySaysSoInsteadOfAskingForInit() throws Exception {
        assertThat(cets("init", "--admin", "alice").code()).isZero();
        Files.delete(dir.resolve("home/keys/card.key"));
        CetsRun r = cets("case", "list", "--as", "alice");
        assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("lost its key file").contains("card.key").doesNotContain("cets init' first");
    }

    @Test
    void aCardNumberTypedOnTheCommandLineIsMaskedInErrors() {
        String card = "4556737586899855";
        assertThat(cets("init", "--admin", "alice").code()).isZero();
        CetsRun unknownCase = cets("case", "show", card, "--as", "alice");
        CetsRun badOption = cets("records", "--case", "C1", "--limit", card + "x", "--as", "alice");
        assertThat(unknownCase.code()).isNotZero();
        assertThat(badOption.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownCase.err() + badOption.err()).doesNotContain(card).contains("45567375…9855");
        CetsRun debug = cets("case", "show", card, "--as", "alice", "--debug");
        assertThat(debug.err()).contains("\tat org.opencets.").contains("45567375…9855").doesNotContain(card);
    }

    @Test
    void aCardWrittenWithDotsOrTabsIsFoundMaskedAndLinkedAndNeverPrinted() throws Exception {
        String body = "455600007654321";
        String card = body + org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit.LUHN_CHECK_DIGIT.calculate(body);
        String masked = card.substring(0, 8) + "…" + card.substring(12);
        String dotted = String.join(".", card.substring(0, 4), card.substring(4, 8), card.substring(8, 12), card.substring(12));
        String tabbed = dotted.replace(".", "\\t"); // a JSON escape: the message text holds tabs
        assertThat(cets("init", "--agency", "TPS", "--admin", "alice").code()).isZero();
        assertThat(cets("case", "create", "C1", "--agency", "TPS", "--title", "t").code()).isZero();
        Path msg = dir.resolve("m.jsonl");
        Files.writeString(msg, "{\"kind\":\"message\",\"platform\":\"irc\",\"from\":\"x\",\"text\":\"paid with " + dotted + " ok\"}\n"
                + "{\"kind\":\"message\",\"platform\":\"irc\",\"from\":\"y\",\"text\":\"card " + tabbed + "!\"}\n");
        CetsRun imported = cets("import", "--case", "C1", msg.toString());
        assertThat(imported.code()).as(imported.err()).isZero();

        CetsRun records = cets("records", "--case", "C1");
        CetsRun lookup = cets("lookup", String.join("-", card.substring(0, 4), card.substring(4, 8), card.substring(8, 12), card.substring(12)));
        assertThat(records.out()).contains("paid with " + masked + " ok").contains("card " + masked + "!");
        assertThat(lookup.out()).contains("seen in 1 case").contains("2 mention(s)");
        CetsRun unknown = cets("case", "show", dotted);
        CetsRun debug = cets("case", "show", dotted.replace('.', '_'), "--debug");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains(masked);
        String printed = records.out() + lookup.out() + unknown.err() + debug.err() + imported.out() + imported.err();
        assertThat(printed.replaceAll("(?<=\\d)[\\s._/-]+(?=\\d)", "")).doesNotContain(card);
    }

    @Test
    void theWholeFlowThroughTheCommandLine() throws Exception {
        assertThat(cets("init", "--agency", "TPS", "--name", "Toronto Police", "--region", "CA", "--admin", "alice").code()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("home/keys/card.key")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(cets("init").err()).contains("already exists");
        assertThat(cets("agency", "add", "RCMP", "--name", "RCMP", "--region", "CA").code()).isZero();
        assertThat(cets("user", "add", "bob", "--agency", "RCMP", "--contact", "+1 613 555 0100").code()).isZero();
        assertThat(cets("case", "create", "C1", "--agency", "TPS", "--title", "Buyers").code()).isZero();
        assertThat(cets("case", "create", "C2", "--agency", "RCMP", "--title", "Chat", "--as", "bob").code()).isZero();
        Path tx = dir.resolve("tx.csv");
        Files.writeString(tx, "date,card_number,email\n2024-01-01,4556 7375 8689 9855,a.b@gmail.com\n");
        CetsRun imported = cets("import", "--case", "C1", "--format", "transactions-csv", tx.toString(), "--json");
        assertThat(imported.code()).as(imported.err()).isZero();
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(imported.out());
        assertThat(report.get("records").asInt()).isEqualTo(1);
        for (String field : new String[] {"evidence_sha256", "format", "records", "rejected", "identifiers", "links", "alerts"}) {
            assertThat(report.has(field)).as(field).isTrue();
        }
        Path msg = dir.resolve("m.jsonl");
        Files.writeString(msg, "{\"kind\":\"message\",\"platform\":\"irc\",\"from\":\"x\",\"text\":\"ab@gmail.com 4556737586899855\"}\n");
        CetsRun second = cets("import", "--as", "bob", "--case", "C2", msg.toString());
        assertThat(second.out()).contains("2 new links");
        CetsRun lookup = cets("lookup", "4556-7375-8689-9855", "--as", "bob");
        assertThat(lookup.out()).contains("seen in 2 cases").contains("TPS/C1 — not shared with you").doesNotContain("4556737586899855");
        assertThat(cets("alerts", "--as", "bob").out()).contains("RCMP/C2").contains("TPS/C1");
        assertThat(cets("links", "--case", "C1", "--as", "bob").code()).isEqualTo(ExitCodes.DENIED);

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "date,card_number\n2024-01-01,4556737586899856\n");
        CetsRun rejected = cets("import", "--case", "C1", "--format", "transactions-csv", bad.toString());
        assertThat(rejected.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rejected.err()).contains("bad.csv:2:").contains("Luhn").doesNotContain("4556737586899856");
        CetsRun wrongFormat = cets("import", "--case", "C1", "--format", "jsonl", tx.toString());
        assertThat(wrongFormat.err()).contains("looks like transactions-csv");

        assertThat(cets("audit", "verify").code()).isZero();
    }
}
