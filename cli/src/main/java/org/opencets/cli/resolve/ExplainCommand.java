package org.opencets.cli.resolve;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opencets.app.PairView;
import org.opencets.app.Session;
import org.opencets.cli.CetsCommand;
import org.opencets.cli.Output;
import org.opencets.cli.UserOptions;
import org.opencets.core.resolve.AttributeWeight;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cets resolve explain}: how the model weighs two stored records. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain how person resolution weighs two stored records: each comparison's level, the two values "
                + "and its match weight in bits, which add up to the pair's match weight. You must be entitled to both "
                + "records' cases (or, with --link, a person link's two cases); of a case not shared with you, ask its "
                + "lead. The model is trained over the whole store, as 'cets resolve run' does, so this takes as long "
                + "as a run."},
        footerHeading = "%nExamples:%n", footer = {"  cets resolve explain 1042 88017", "  cets resolve explain --link 417"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;

    @Mixin
    RecordPairOrLink target;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why you look (recorded in the audit log)")
    String reason;

    @Override
    public Integer call() {
        target.check();
        Session session = CetsCommand.root(spec).session(user.as());
        PairView v = target.link != null ? session.explainLink(target.link, reason)
                : session.explainPair(target.first(), target.second(), reason);
        PrintWriter out = spec.commandLine().getOut();
        if (user.json()) {
            Output.json(out, v);
            return 0;
        }
        out.printf(Locale.ROOT, "record %d (%s) ~ record %d (%s)%n", v.recordA(), v.caseA().qualified(), v.recordB(),
                v.caseB().qualified());
        out.printf(Locale.ROOT, "match weight %+.2f bits, probability %.6f; %s%s%n", v.matchWeight(), v.probability(),
                v.samePerson() ? "one person in this run" : "different persons in this run",
                v.judgement() == null ? "" : "; judged " + v.judgement().replace('_', ' '));
        out.printf(Locale.ROOT, "  %-18s %+8.2f%n", "prior", v.priorWeight());
        for (AttributeWeight w : v.comparisons()) {
            out.printf(Locale.ROOT, "  %-18s %+8.2f  %s%s  (%s | %s)%n", w.comparison(), w.weight(), w.level(),
                    w.frequencyAdjusted() ? ", frequency-adjusted" : "", w.firstValue() == null ? "—" : w.firstValue(),
                    w.secondValue() == null ? "—" : w.secondValue());
        }
        return 0;
    }
}
