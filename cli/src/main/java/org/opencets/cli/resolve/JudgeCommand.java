package org.opencets.cli.resolve;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.opencets.app.JudgementView;
import org.opencets.cli.CetsCommand;
import org.opencets.cli.Output;
import org.opencets.cli.UserOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cets resolve judge}: an investigator confirms or rejects that two records are one person. */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = {"Record your decision that two stored records are the same person (--same) or different persons "
                + "(--different). Judgements override the model on every later run and survive re-runs; judging a pair "
                + "again replaces the verdict. To confirm or reject a merge of two persons, judge one record of each.",
                "You must be entitled to both records' cases. A rejection withdraws a person link on exactly this pair "
                + "at once; the next 'cets resolve run' applies the judgement everywhere."},
        footerHeading = "%nExamples:%n",
        footer = {"  cets resolve judge 1042 88017 --different --reason \"father and son, same address\"",
                "  cets resolve judge 1042 90211 --same --reason \"confirmed by booking photo\""})
final class JudgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;

    @Parameters(index = "0", paramLabel = "RECORD", description = "one record id (as 'cets links' shows it)")
    long first;

    @Parameters(index = "1", paramLabel = "RECORD", description = "the other record id")
    long second;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verdict verdict;

    static final class Verdict {
        @Option(names = "--same", required = true, description = "the two records are the same person")
        boolean same;
        @Option(names = "--different", required = true, description = "the two records are different persons")
        boolean different;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (kept with the judgement and in the audit log)")
    String reason;

    @Override
    public Integer call() {
        JudgementView j = CetsCommand.root(spec).session(user.as()).judge(first, second, verdict.same, reason);
        PrintWriter out = spec.commandLine().getOut();
        if (user.json()) {
            Output.json(out, j);
            return 0;
        }
        out.println("records " + j.recordA() + " and " + j.recordB() + ": " + j.verdict().replace('_', ' ') + " (judged by "
                + j.judgedBy() + " at " + j.judgedAt() + ")");
        if (j.linksWithdrawn() > 0) {
            out.println("the person link on this pair was withdrawn; both cases were alerted");
        }
        out.println("the next 'cets resolve run' applies this judgement to every person");
        return 0;
    }
}
