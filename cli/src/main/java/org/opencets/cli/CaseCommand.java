package org.opencets.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencets.app.CaseDetails;
import org.opencets.app.CaseRef;
import org.opencets.core.cases.Sharing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "case", mixinStandardHelpOptions = true, description = "Create, list and show cases.",
        footerHeading = "%nExamples:%n", footer = "  cets case create 2024-17 --agency MET --title \"Card buyers\"%n  cets case list",
        subcommands = {CaseCommand.Create.class, CaseCommand.ListCases.class, CaseCommand.Show.class, CaseCommand.Share.class,
                CaseExportCommand.class})
final class CaseCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a case for an agency.",
            footerHeading = "%nExample:%n",
            footer = "  cets case create 2024-17 --agency TPS --title \"Payment site buyers\" --sharing network")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;
        @Parameters(paramLabel = "NUMBER", description = "the case number, unique within the agency")
        String number;
        @Option(names = "--agency", required = true, paramLabel = "CODE", description = "the owning agency")
        String agency;
        @Option(names = "--title", required = true, paramLabel = "TITLE", description = "a short title")
        String title;
        @Option(names = "--sharing", paramLabel = "LEVEL", defaultValue = "agency", converter = OptionValues.SharingLevel.class,
                description = "agency (only the owning agency reads it; others see a pointer) or network (default: ${DEFAULT-VALUE})")
        Sharing sharing;
        @Option(names = "--lead", paramLabel = "USER", description = "the lead investigator, shown to other agencies as the contact (default: you)")
        String lead;

        @Override
        public Integer call() {
            CaseRef c = CetsCommand.root(spec).session(user.as).createCase(number, agency, title, sharing, lead);
            if (user.json) {
                Output.json(spec.commandLine().getOut(), c);
            } else {
                spec.commandLine().getOut().println("Created case " + c.qualified() + " \"" + c.title() + "\", sharing "
                        + c.sharing() + ", lead " + c.lead());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the cases you may read.",
            footerHeading = "%nExample:%n", footer = "  cets case list --as bob")
    static final class ListCases implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;

        @Override
        public Integer call() {
            List<CaseRef> list = CetsCommand.root(spec).session(user.as).cases();
            PrintWriter out = spec.commandLine().getOut();
            if (user.json) {
                Output.json(out, list);
            } else if (list.isEmpty()) {
                out.println("No cases you may read. Create one with 'cets case create'.");
            } else {
                for (CaseRef c : list) {
                    out.printf("%-24s %-8s %-8s %s%n", c.qualified(), c.sharing(), c.lead(), c.title());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a case: records by kind, imports, links, alerts. Of a case not shared with you, only a pointer.",
            footerHeading = "%nExample:%n", footer = "  cets case show 2024-17 --reason \"deconfliction for op Birch\"")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;
        @Parameters(paramLabel = "NUMBER", description = "case number, or AGENCY/NUMBER")
        String number;
        @Option(names = "--reason", paramLabel = "TEXT", description = "why you look (recorded in the audit log)")
        String reason;

        @Override
        public Integer call() {
            CaseDetails d = CetsCommand.root(spec).session(user.as).showCase(number, reason);
            PrintWriter out = spec.commandLine().getOut();
            if (user.json) {
                Output.json(out, d);
                return ExitCodes.OK;
            }
            out.println("Case " + d.caseRef());
            if (d.records() == null) {
                return ExitCodes.OK;
            }
            out.println("  sharing: " + d.caseRef().sharing());
            out.println("  records: " + (d.records().isEmpty() ? "none" : d.records().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "))));
            out.println("  links: " + d.links() + ", alerts: " + d.alerts());
            for (CaseDetails.ImportLine i : d.imports()) {
                out.printf("  import %s (%s) by %s at %s: %d records, %d rejected, sha256 %s%n", i.file(), i.format(),
                        i.importedBy(), i.importedAt(), i.records(), i.rejected(), i.sha256());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "share", mixinStandardHelpOptions = true, description = "Change who may read a case.",
            footerHeading = "%nExample:%n", footer = "  cets case share 2024-17 --sharing network")
    static final class Share implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;
        @Parameters(paramLabel = "NUMBER", description = "case number, or AGENCY/NUMBER")
        String number;
        @Option(names = "--sharing", required = true, paramLabel = "LEVEL", converter = OptionValues.SharingLevel.class,
                description = "agency or network")
        Sharing sharing;

        @Override
        public Integer call() {
            Sharing level = sharing;
            String qualified = CetsCommand.root(spec).session(user.as).setSharing(number, level);
            spec.commandLine().getOut().println("Case " + qualified + " sharing is now " + level.code());
            return ExitCodes.OK;
        }
    }
}
