package org.opencets.cli.resolve;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cets resolve}: find the same person across person records in CSV files. */
@Command(name = "resolve",
        subcommands = {DedupeCommand.class, LinkCommand.class, RunCommand.class, JudgeCommand.class, ExplainCommand.class},
        mixinStandardHelpOptions = true,
        description = {
            "Find the same person across records written different ways (typos, nicknames, swapped names, a "
                    + "transposed birth date, a new address), by probabilistic record linkage trained on the data "
                    + "itself: no labels, a fixed threshold."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cets resolve dedupe people.csv --id rec_id --clusters persons.csv --pairs pairs.csv",
            "  cets resolve link buyers.csv arrests.csv --id id --clusters persons.csv",
            "  cets resolve run            # across every case in the store; then 'cets links'",
            "  cets resolve judge 1042 88017 --different --reason \"father and son\""})
public final class ResolveCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: dedupe, link, run, judge or explain");
    }
}
