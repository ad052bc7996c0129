package org.opencets.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencets.app.AlertView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "List \"previously seen\" alerts: of one case, or of every case you may read.",
        footerHeading = "%nExample:%n", footer = "  cets alerts --case 2024-17")
final class AlertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;

    @Option(names = "--case", paramLabel = "NUMBER", description = "only this case's alerts")
    String caseRef;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why you look (recorded in the audit log)")
    String reason;

    @Override
    public Integer call() {
        List<AlertView> alerts = CetsCommand.root(spec).session(user.as).alerts(caseRef, reason);
        PrintWriter out = spec.commandLine().getOut();
        if (user.json) {
            Output.json(out, alerts);
            return ExitCodes.OK;
        }
        if (alerts.isEmpty()) {
            out.println("No alerts.");
        }
        for (AlertView a : alerts) {
            out.println("[" + a.createdAt() + "] " + a.caseRef().qualified() + ": " + a.message());
            out.println("    other case: " + a.otherCase());
        }
        return ExitCodes.OK;
    }
}
