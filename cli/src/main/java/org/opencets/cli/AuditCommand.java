package org.opencets.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencets.core.audit.AuditChain;
import org.opencets.core.audit.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check and read the audit log.",
        footerHeading = "%nExamples:%n", footer = "  cets audit verify%n  cets audit list --limit 20",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
final class AuditCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit log's hash chain: an edited, removed or reordered entry fails the check (exit 1).",
            footerHeading = "%nExample:%n", footer = "  cets audit verify")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;

        @Override
        public Integer call() {
            AuditChain.Verdict v = CetsCommand.root(spec).session(user.as).verifyAudit();
            PrintWriter out = spec.commandLine().getOut();
            if (user.json) {
                Output.json(out, v);
            } else if (v.intact()) {
                out.println("audit log intact: " + v.entries() + " entries, chain and head verified");
            } else {
                PrintWriter err = spec.commandLine().getErr();
                err.println("cets: audit log TAMPERED: " + v.problems().size() + " problem(s) in " + v.entries() + " entries");
                v.problems().forEach(p -> err.println("  " + p));
                err.flush();
            }
            return v.intact() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the latest audit entries (administrators only).",
            footerHeading = "%nExample:%n", footer = "  cets audit list --limit 50 --case 2024-17")
    static final class ListEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", converter = OptionValues.AtLeastOne.class, description = "how many (default: ${DEFAULT-VALUE})")
        int limit;
        @Option(names = "--case", paramLabel = "NUMBER", description = "only entries about this case")
        String caseRef;

        @Override
        public Integer call() {
            List<AuditEntry> entries = CetsCommand.root(spec).session(user.as).auditEntries(limit, caseRef);
            PrintWriter out = spec.commandLine().getOut();
            if (user.json) {
                Output.json(out, entries);
            } else {
                for (AuditEntry e : entries) {
                    out.printf("%6d %s %-10s %-14s %-7s %s%s%s%n", e.seq(), e.at(), e.actor(), e.action(), e.outcome(),
                            e.target() == null ? "" : e.target(), e.reason() == null ? "" : " [why: " + e.reason() + "]",
                            e.detail() == null ? "" : " — " + e.detail());
                }
            }
            return ExitCodes.OK;
        }
    }
}
