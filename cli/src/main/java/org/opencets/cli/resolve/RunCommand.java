package org.opencets.cli.resolve;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.opencets.app.ResolutionRunReport;
import org.opencets.cli.CetsCommand;
import org.opencets.cli.Output;
import org.opencets.cli.UserOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cets resolve run}: person resolution across every case in the store. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Resolve persons across every case in the store: arrestees, cardholders, tip subjects and "
                + "account holders with names. A person found in several cases becomes a person link between them, "
                + "seen with 'cets links' and alerted to both cases like any other link; links of earlier runs that "
                + "no longer hold are withdrawn (and alerted). Investigators' judgements ('cets resolve judge') "
                + "override the model.",
                "Administrators and analysts only. Prints counts; what was linked is read with 'cets links'."},
        footerHeading = "%nExample:%n",
        footer = {"  cets resolve run --reason \"nightly run\"", "  cets links --case 2024-17"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (recorded in the audit log)")
    String reason;

    @Override
    public Integer call() {
        ResolutionRunReport r = CetsCommand.root(spec).session(user.as()).resolvePersons(reason);
        PrintWriter out = spec.commandLine().getOut();
        if (user.json()) {
            Output.json(out, r);
            return 0;
        }
        out.printf("%,d person records (%,d judgements applied), %,d pairs scored, %,d persons, %,d of them in more than one case%n",
                r.records(), r.judgements(), r.pairsScored(), r.persons(), r.personsAcrossCases());
        out.printf("person links: %,d added, %,d kept, %,d withdrawn; %,d alerts%n", r.linksAdded(), r.linksKept(),
                r.linksWithdrawn(), r.alerts());
        if (r.overMaxCases() > 0) {
            out.printf("%,d persons spread over more cases than correlation.max-cases were not linked (likely over-merged)%n",
                    r.overMaxCases());
        }
        out.printf("took %.1f s%n", r.millis() / 1000.0);
        return 0;
    }
}
