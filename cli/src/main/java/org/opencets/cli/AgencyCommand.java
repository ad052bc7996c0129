package org.opencets.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.opencets.core.cases.Agency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "agency", mixinStandardHelpOptions = true, description = "Add and list agencies.",
        footerHeading = "%nExamples:%n", footer = "  cets agency add MET --name \"Metropolitan Police\" --region GB%n  cets agency list",
        subcommands = {AgencyCommand.Add.class, AgencyCommand.ListAgencies.class})
final class AgencyCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an agency (administrators only).",
            footerHeading = "%nExample:%n", footer = "  cets agency add MET --name \"Metropolitan Police\" --region GB")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;
        @Parameters(paramLabel = "CODE", description = "short code: capital letters, digits, '-' or '_'")
        String code;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "the agency's full name")
        String name;
        @Option(names = "--region", paramLabel = "CC", converter = OptionValues.RegionCode.class, description = "ISO 3166 region (phone numbers without a country code)")
        String region;

        @Override
        public Integer call() {
            Agency a = CetsCommand.root(spec).session(user.as).addAgency(code, name, region);
            if (user.json) {
                Output.json(spec.commandLine().getOut(), a);
            } else {
                spec.commandLine().getOut().println("Added agency " + a.code() + " (" + a.name() + ")");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List agencies.",
            footerHeading = "%nExample:%n", footer = "  cets agency list --json")
    static final class ListAgencies implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;

        @Override
        public Integer call() {
            List<Agency> list = CetsCommand.root(spec).session(user.as).agencies();
            if (user.json) {
                Output.json(spec.commandLine().getOut(), list);
            } else {
                for (Agency a : list) {
                    spec.commandLine().getOut().printf("%-12s %-40s %s%n", a.code(), a.name(), a.region() == null ? "" : a.region());
                }
            }
            return ExitCodes.OK;
        }
    }
}
