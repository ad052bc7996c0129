package org.opencets.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencets.app.LinkView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "links", mixinStandardHelpOptions = true,
        description = "List links between cases with their evidence: of one case, or of every case you may read.",
        footerHeading = "%nExample:%n", footer = "  cets links --case 2024-17 --json")
final class LinksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;

    @Option(names = "--case", paramLabel = "NUMBER", description = "only this case's links")
    String caseRef;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why you look (recorded in the audit log)")
    String reason;

    @Override
    public Integer call() {
        List<LinkView> links = CetsCommand.root(spec).session(user.as).links(caseRef, reason);
        PrintWriter out = spec.commandLine().getOut();
        if (user.json) {
            Output.json(out, links);
            return ExitCodes.OK;
        }
        if (links.isEmpty()) {
            out.println("No links.");
        }
        for (LinkView l : links) {
            String what = l.identifier() != null ? " link via " + l.identifier()
                    : " link: " + l.evidence().getOrDefault("rule", l.kind()) + (l.judgement() != null ? ", judged " + l.judgement() : "");
            out.println("#" + l.id() + " " + l.kind() + what + " (strength " + l.strength() + ")"
                    + (l.common() ? " — identifier since found in too many cases; no longer asserted" : "")
                    + (l.stoplisted() != null ? " — identifier since put on the stoplist (" + l.stoplisted() + "); no longer asserted" : ""));
            out.println("    " + side(l.a()));
            out.println("    " + side(l.b()));
        }
        return ExitCodes.OK;
    }

    private static String side(LinkView.Side s) {
        if (s.record() == null) {
            return s.caseRef().toString();
        }
        return s.caseRef().qualified() + " record " + s.record() + " as " + s.role();
    }
}
