package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit.require-reason = true}: every search, view, export and import needs a {@code --reason}
 * (DESIGN: every access records who, what, when and why); without one the command does nothing,
 * exits 2, and the refusal is in the audit log. Administration needs none.
 */
class RequiredReasonTest {
    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @Test
    void searchesViewsExportsAndImportsNeedAReasonWhereTheDeploymentSaysSo() throws Exception {
        assertThat(cets("init", "--agency", "TPS", "--admin", "alice").code()).isZero();
        Path settings = dir.resolve("home/cets.properties");
        assertThat(Files.readString(settings)).as("init writes the setting, off").contains("audit.require-reason=false");
        Files.writeString(settings, Files.readString(settings).replace("audit.require-reason=false", "audit.require-reason=true"));
        assertThat(cets("case", "create", "C1", "--agency", "TPS", "--title", "t").code()).as("administration").isZero();
        Path tip = dir.resolve("tip.jsonl");
        Files.writeString(tip, "{\"kind\":\"tip\",\"text\":\"mail buyer.one@mail.test-cets.org\"}\n");

        String[][] withoutReason = {
            {"import", "--case", "C1", "--format", "jsonl", tip.toString()},
            {"lookup", "buyer.one@mail.test-cets.org"},
            {"case", "show", "C1"},
            {"records", "--case", "C1"},
            {"links", "--case", "C1"},
            {"alerts", "--case", "C1"},
            {"case", "export", "C1", "--format", "case-uco", "--output", dir.resolve("c1.jsonld").toString()},
        };
        for (String[] command : withoutReason) {
            CetsRun r = cets(command);
            assertThat(r.code()).as(String.join(" ", command)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().strip()).as(String.join(" ", command)).startsWith("cets: this deployment asks why")
                    .contains("--reason").doesNotContain("\n");
        }
        assertThat(dir.resolve("c1.jsonld")).doesNotExist();
        assertThat(cets("case", "show", "C1").err()).contains("'case.show' has none");

        CetsRun imported = cets("import", "--case", "C1", "--format", "jsonl", tip.toString(), "--reason", "referral 77");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("1 records");
        CetsRun looked = cets("lookup", "buyer.one@mail.test-cets.org", "--reason", "referral 77");
        assertThat(looked.code()).isZero();
        assertThat(looked.out()).contains("seen in 1 case");

        String audit = cets("audit", "list", "--limit", "30").out();
        assertThat(audit).contains("lookup").contains("referral 77");
        assertThat(audit.lines().filter(l -> l.contains("asks why")).count()).as("each refusal recorded").isGreaterThanOrEqualTo(7);
    }

    @Test
    void aSettingThatIsNeitherTrueNorFalseIsAnError() throws Exception {
        assertThat(cets("init", "--agency", "TPS", "--admin", "alice").code()).isZero();
        Path settings = dir.resolve("home/cets.properties");
        Files.writeString(settings, Files.readString(settings).replace("audit.require-reason=false", "audit.require-reason=yes"));
        CetsRun r = cets("case", "list");
        assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("audit.require-reason must be true or false, found 'yes'");
    }
}
