package org.opencets.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.opencets.core.cases.Investigator;
import org.opencets.core.cases.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Add and list users.",
        footerHeading = "%nExamples:%n", footer = "  cets user add bob --agency MET --role investigator%n  cets user list",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user to an agency (administrators only).",
            footerHeading = "%nExample:%n",
            footer = "  cets user add bob --agency MET --role investigator --contact \"+44 20 7946 0000\"")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;
        @Parameters(paramLabel = "NAME", description = "user name")
        String name;
        @Option(names = "--agency", required = true, paramLabel = "CODE", description = "the user's agency")
        String agency;
        @Option(names = "--role", paramLabel = "ROLE", split = ",", converter = OptionValues.RoleCode.class,
                description = "admin, investigator, analyst or auditor (repeatable; default investigator)")
        List<Role> roles;
        @Option(names = "--contact", paramLabel = "TEXT", description = "how other agencies reach this user (shown in pointers)")
        String contact;

        @Override
        public Integer call() {
            Set<Role> set = EnumSet.noneOf(Role.class);
            if (roles != null) {
                set.addAll(roles);
            }
            Investigator u = CetsCommand.root(spec).session(user.as).addUser(name, agency, set, contact);
            if (user.json) {
                Output.json(spec.commandLine().getOut(), u);
            } else {
                spec.commandLine().getOut().println("Added user " + u.name() + " to " + u.agency().code() + " as "
                        + u.roles().stream().map(Role::code).sorted().collect(Collectors.joining(", ")));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users (administrators only).",
            footerHeading = "%nExample:%n", footer = "  cets user list")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserOptions user;

        @Override
        public Integer call() {
            List<Investigator> list = CetsCommand.root(spec).session(user.as).users();
            if (user.json) {
                Output.json(spec.commandLine().getOut(), list);
            } else {
                for (Investigator u : list) {
                    spec.commandLine().getOut().printf("%-20s %-10s %s%n", u.name(), u.agency().code(),
                            u.roles().stream().map(Role::code).sorted().collect(Collectors.joining(",")));
                }
            }
            return ExitCodes.OK;
        }
    }
}
