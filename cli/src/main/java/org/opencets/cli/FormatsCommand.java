package org.opencets.cli;

import java.util.concurrent.Callable;
import org.opencets.formats.read.Formats;
import org.opencets.formats.read.RecordReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "formats", mixinStandardHelpOptions = true, description = "List the formats 'cets import' reads.",
        footerHeading = "%nExample:%n", footer = "  cets formats")
final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (RecordReader r : Formats.installed().all()) {
            spec.commandLine().getOut().printf("%-20s %s%n", r.format(), r.description());
        }
        return ExitCodes.OK;
    }
}
