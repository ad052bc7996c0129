package org.opencets.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencets.app.RecordView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "records", mixinStandardHelpOptions = true,
        description = {"List a case's records with where each came from (file, line), its fields as stored (card numbers "
                + "only masked; by name, in text and JSON alike) and the identifiers it mentions. For media, the fields "
                + "include each file's known-list match and category. Only for users entitled to the case; every listing "
                + "is audited.",
                "A listing cut by --limit ends with a line saying that more records exist (on stderr with --json)."},
        footerHeading = "%nExamples:%n",
        footer = {"  cets records --case 2024-17 --kind media --limit 50", "  cets records --case 2024-17 --json"})
final class RecordsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;

    @Option(names = "--case", required = true, paramLabel = "NUMBER", description = "the case (NUMBER or AGENCY/NUMBER)")
    String caseRef;

    @Option(names = "--kind", paramLabel = "KIND", converter = OptionValues.RecordKindCode.class, description = "only records of this kind: transaction, message, arrest, tip, note, media, event")
    String kind;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", converter = OptionValues.AtLeastOne.class, description = "at most this many (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why you look (recorded in the audit log)")
    String reason;

    @Override
    public Integer call() {
        // one more than shown tells whether the listing is cut (the audit entry counts what was read)
        List<RecordView> read = CetsCommand.root(spec).session(user.as).records(caseRef, kind,
                limit == Integer.MAX_VALUE ? limit : limit + 1, reason);
        boolean cut = read.size() > limit;
        List<RecordView> records = cut ? read.subList(0, limit) : read;
        String more = "… more records than the " + limit + " shown; use a larger --limit" + (kind == null ? ", or --kind to narrow" : "");
        PrintWriter out = spec.commandLine().getOut();
        if (user.json) {
            Output.json(out, records);
            if (cut) {
                spec.commandLine().getErr().println("cets: " + more);
            }
            return ExitCodes.OK;
        }
        if (records.isEmpty()) {
            out.println("No records.");
        }
        for (RecordView r : records) {
            out.println("#" + r.id() + " " + r.kind() + " from " + r.file() + " line " + r.line()
                    + (r.occurredAt() == null ? "" : " at " + r.occurredAt()));
            for (Map.Entry<String, Object> f : r.fields().entrySet()) {
                out.println("    " + f.getKey() + ": " + Output.inline(f.getValue()));
            }
            for (RecordView.Mentioned m : r.identifiers()) {
                out.println("    → " + m.identifier() + " (" + m.role() + ")");
            }
        }
        if (cut) {
            out.println(more);
        }
        return ExitCodes.OK;
    }
}
