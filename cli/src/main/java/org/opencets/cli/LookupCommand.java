package org.opencets.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.opencets.app.LookupResult;
import org.opencets.core.identifier.IdentifierType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = {"Have we — or any agency — seen this value? Answers in which cases; a case not shared with you "
                + "is named only by agency, number and lead contact.",
                "The type (email, phone, card, ip, account, url, domain, file_hash, pdq, device) is detected unless given. "
                        + "The TYPE:VALUE form that records, links and look-ups print (email:j.doe@example.org, "
                        + "account:irc:darkstar, file_hash:md5:...) names the type; a card is printed masked and needs its "
                        + "whole number."},
        footerHeading = "%nExamples:%n",
        footer = {"  cets lookup j.doe+shop@Example.ORG", "  cets lookup \"+44 7400 123456\" --type phone",
                "  cets lookup file_hash:md5:0cc175b9c0f1b6a831c399e269772661",
                "  cets lookup irc:darkstar --type account --reason \"tip 8812\" --json"})
final class LookupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;

    @Parameters(paramLabel = "VALUE", description = "the value to look up")
    String value;

    @Option(names = "--type", paramLabel = "TYPE", converter = OptionValues.IdentifierTypeCode.class,
            description = "the identifier type, when detection would guess wrong")
    IdentifierType type;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why you look (recorded in the audit log)")
    String reason;

    @Override
    public Integer call() {
        String v = value;
        if (type != null && v.regionMatches(true, 0, type.code() + ":", 0, type.code().length() + 1)) {
            v = v.substring(type.code().length() + 1); // the printed form, with the type named twice
        }
        LookupResult r = CetsCommand.root(spec).session(user.as).lookup(v, type, reason);
        PrintWriter out = spec.commandLine().getOut();
        if (user.json) {
            Output.json(out, r);
            return ExitCodes.OK;
        }
        String name = r.type() + " " + r.identifier();
        if (!r.seen()) {
            out.println(name + ": not seen in any case");
        } else {
            out.println(name + ": seen in " + r.cases().size() + (r.cases().size() == 1 ? " case" : " cases"));
            for (LookupResult.Hit h : r.cases()) {
                if (h.caseRef().shared()) {
                    out.println("  " + h.caseRef() + ": " + h.mentions() + " mention(s) as " + String.join(", ", h.roles())
                            + (h.rawForms() == null ? "" : "; written " + String.join(", ", h.rawForms())));
                } else {
                    out.println("  " + h.caseRef());
                }
            }
        }
        if (!r.correlatable()) {
            out.println("  note: this value is kept but never correlated (private, reserved or documentation range)");
        }
        if (r.common()) {
            out.println("  note: common — seen in too many cases to link them");
        }
        if (r.stoplisted() != null) {
            out.println("  note: on the stoplist, never correlated: " + r.stoplisted());
        }
        return ExitCodes.OK;
    }
}
