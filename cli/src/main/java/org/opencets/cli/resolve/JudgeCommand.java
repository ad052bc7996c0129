package org.opencets.cli.resolve;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.opencets.app.CaseRef;
import org.opencets.app.JudgementView;
import org.opencets.app.Session;
import org.opencets.cli.CetsCommand;
import org.opencets.cli.Output;
import org.opencets.cli.UserOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cets resolve judge}: an investigator confirms or rejects that two records are one person. */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = {"Record your decision that two stored records are the same person (--same) or different persons "
                + "(--different). Judgements override the model on every later run and survive re-runs; judging a pair "
                + "again replaces the verdict. To confirm or reject a merge of two persons, judge one record of each.",
                "Name two records in cases you may read, or a person link with --link: a link into another agency's "
                + "case that is not shared with you is judged from your side by an investigator of your agency or your "
                + "case's lead, from your own record and the other case's pointer (call its lead). Both cases are told when "
                + "a verdict on a linked pair changes. "
                + "A rejection withdraws a person link on exactly this pair at once; the next 'cets resolve run' applies "
                + "the judgement everywhere."},
        footerHeading = "%nExamples:%n",
        footer = {"  cets resolve judge 1042 88017 --different --reason \"father and son, same address\"",
                "  cets resolve judge 1042 90211 --same --reason \"confirmed by booking photo\"",
                "  cets resolve judge --link 417 --different --reason \"RCMP lead confirms he was in custody that day\""})
final class JudgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;
    @Mixin
    RecordPairOrLink target;

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
        target.check();
        Session session = CetsCommand.root(spec).session(user.as());
        JudgementView j = target.link != null ? session.judgeLink(target.link, verdict.same, reason)
                : session.judge(target.first(), target.second(), verdict.same, reason);
        PrintWriter out = spec.commandLine().getOut();
        if (user.json()) {
            Output.json(out, j);
            return 0;
        }
        out.println((j.link() == null ? "" : "link #" + j.link() + ", ") + side(j.recordA(), j.caseA()) + " ~ "
                + side(j.recordB(), j.caseB()) + ": " + j.verdict().replace('_', ' ') + " (judged by " + j.judgedBy() + " at "
                + j.judgedAt() + ")");
        for (CaseRef hidden : new CaseRef[] {j.caseA(), j.caseB()}) {
            if (!hidden.shared()) {
                out.println("the other side is " + hidden);
            }
        }
        if (j.linksWithdrawn() > 0) {
            out.println("the person link on this pair was withdrawn; both cases were alerted");
        }
        out.println("the next 'cets resolve run' applies this judgement to every person");
        return 0;
    }

    private static String side(Long record, CaseRef c) {
        return record == null ? c.qualified() : "record " + record + " (" + c.qualified() + ")";
    }
}
