package org.opencets.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands: run alone, it names what is missing, prints its usage
 * (with an example) on standard error and exits as for any other usage error. {@code cets} itself
 * is one: typed alone, it is a command line missing its command.
 */
abstract class CommandGroup implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        err.println("cets: '" + spec.qualifiedName() + "' needs a subcommand");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }
}
