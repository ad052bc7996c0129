package org.opencets.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opencets.app.AlertView;
import org.opencets.app.scenario.CaseLink;
import org.opencets.app.scenario.DemoReport;
import org.opencets.app.scenario.LinkEvaluation;
import org.opencets.app.scenario.ScenarioManifest;

/** Tells what a demonstration run found, in a page a new user reads in a minute. */
final class Story {
    private static final int SHOWN = 6;
    private Story() {
    }

    static void print(PrintWriter out, DemoReport r, List<ScenarioManifest.Agency> agencies, boolean homeFromEnvironment,
                      boolean webUi) {
        counts(out, r, agencies);
        strongest(out, r);
        story(out, r);
        alerts(out, r);
        noise(out, r);
        verdict(out, r);
        timings(out, r);
        next(out, r, homeFromEnvironment, webUi);
        out.flush();
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static void counts(PrintWriter out, DemoReport r, List<ScenarioManifest.Agency> agencies) {
        List<String> kinds = List.of("transaction", "message", "arrest", "tip");
        out.println();
        out.println("Records imported, per agency and kind:");
        out.printf(Locale.ROOT, "  %-46s %12s %9s %8s %7s %10s%n", "agency", "transactions", "messages", "arrests", "tips", "total");
        long[] sums = new long[kinds.size() + 1];
        for (ScenarioManifest.Agency a : agencies) {
            Map<String, Long> c = r.counts().getOrDefault(a.code(), Map.of());
            long total = 0;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-46s", a.code() + " " + a.name() + " (" + a.region() + ")"));
            int[] widths = {12, 9, 8, 7};
            for (int i = 0; i < kinds.size(); i++) {
                long v = c.getOrDefault(kinds.get(i), 0L);
                total += v;
                sums[i] += v;
                row.append(String.format(Locale.ROOT, " %" + widths[i] + "s", n(v)));
            }
            sums[kinds.size()] += total;
            out.println(row.append(String.format(Locale.ROOT, " %10s", n(total))));
        }
        out.printf(Locale.ROOT, "  %-46s %12s %9s %8s %7s %10s%n", "all", n(sums[0]), n(sums[1]), n(sums[2]), n(sums[3]), n(sums[4]));
    }

    private static void strongest(PrintWriter out, DemoReport r) {
        out.println();
        out.println("Strongest cross-case links (cases sharing the most identifiers; every link is an exact match):");
        int i = 1;
        for (DemoReport.CasePair p : r.strongest()) {
            out.printf(Locale.ROOT, "  %d. %s \"%s\"%n     ↔ %s \"%s\": %d shared identifier%s%n", i++, p.caseA(), p.titleA(),
                    p.caseB(), p.titleB(), p.evidence().size(), p.evidence().size() == 1 ? "" : "s");
            List<DemoReport.Evidence> evidence = p.evidence();
            for (DemoReport.Evidence e : evidence.subList(0, Math.min(SHOWN, evidence.size()))) {
                out.printf(Locale.ROOT, "       %-44s as %s ↔ %s%n", e.identifier(), role(e.roleA()), role(e.roleB()));
            }
            if (evidence.size() > SHOWN) {
                out.printf(Locale.ROOT, "       … and %d more (cets links --case %s)%n", evidence.size() - SHOWN, p.caseA());
            }
        }
        if (r.strongest().isEmpty()) {
            out.println("  none");
        }
    }

    private static String role(String role) {
        return role == null ? "(not shared)" : role;
    }

    private static void story(PrintWriter out, DemoReport r) {
        out.println();
        out.println("The story planted in the data, and what the system found:");
        for (DemoReport.StoryCheck s : r.story()) {
            out.println("  [" + (s.found() ? "found" : "MISSED") + "] " + s.name().replace('_', ' ') + ": " + s.description());
            for (CaseLink l : s.missing()) {
                out.println("           missing: " + l);
            }
        }
    }

    private static void alerts(PrintWriter out, DemoReport r) {
        out.println();
        out.println("Alerts: " + n(r.alerts()) + " in all (an import that links a case alerts both sides). On the new tip "
                + r.newTip() + ", imported last:");
        for (AlertView a : r.newTipAlerts()) {
            out.println("  " + a.message());
            out.println("      other case: " + a.otherCase());
        }
        if (r.newTipAlerts().isEmpty()) {
            out.println("  none");
        }
    }

    private static void noise(PrintWriter out, DemoReport r) {
        out.println();
        out.println("Noise planted across many cases, which must link nothing:");
        for (DemoReport.NoiseCheck c : r.noise()) {
            String made = c.links().isEmpty() ? "no link" : c.links().size() + " FALSE LINKS";
            if (c.flagged() > 0) {
                made += "; " + n(c.flagged()) + " made before it proved common, now flagged";
            }
            out.printf(Locale.ROOT, "  %-38s in %4d cases: %s — rule: %s%n", c.identifier(), c.cases(), made, c.rule());
        }
    }

    private static void verdict(PrintWriter out, DemoReport r) {
        LinkEvaluation e = r.evaluation();
        out.println();
        out.println("Exact links compared with truth.json: " + n(e.correct().size()) + " found and planted, "
                + n(e.wrong().size()) + " false, " + n(e.missed().size()) + " missed"
                + (r.flagged().isEmpty() ? "" : "; " + n(r.flagged().size())
                + " links flagged common are not counted (the system no longer asserts them)"));
        List<CaseLink> shown = new ArrayList<>(e.wrong());
        for (CaseLink l : shown.subList(0, Math.min(5, shown.size()))) {
            out.println("  false: " + l);
        }
        List<CaseLink> missed = new ArrayList<>(e.missed());
        for (CaseLink l : missed.subList(0, Math.min(5, missed.size()))) {
            out.println("  missed: " + l);
        }
        out.printf(Locale.ROOT, "precision: %.4f%n", e.precision());
        out.printf(Locale.ROOT, "recall: %.4f%n", e.recall());
    }

    private static void timings(PrintWriter out, DemoReport r) {
        DemoReport.Timings t = r.timings();
        out.println();
        out.printf(Locale.ROOT, "Time: %s in all. Generation %s (%s records/s), set-up %s, import %s (%s records/s; "
                        + "correlation %s of it; the new tip correlated in %d ms), check %s.%n",
                seconds(t.total()), seconds(t.generation()), n(rate(r.records(), t.generation())), seconds(t.setUp()),
                seconds(t.imports()), n(rate(r.records(), t.imports())), seconds(t.correlation()), t.newTipCorrelation(),
                seconds(t.evaluation()));
    }

    static long rate(long records, long millis) {
        return millis <= 0 ? 0 : records * 1000 / millis;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void next(PrintWriter out, DemoReport r, boolean homeFromEnvironment, boolean webUi) {
        out.println();
        out.println("Try next (the data is in " + r.scenario() + ", with truth.json):");
        String prefix = homeFromEnvironment ? "" : "CETS_HOME=" + quote(r.home().toString()) + " ";
        if (!homeFromEnvironment) {
            out.println("  export CETS_HOME=" + quote(r.home().toString()));
        }
        Set<String> users = new LinkedHashSet<>();
        for (DemoReport.Lookup l : r.lookups()) {
            out.println("  ./cets lookup " + quote(l.value()) + " --as " + l.user() + " --reason \"demo\"      # " + l.why());
            users.add(l.user());
        }
        String tipUser = r.lookups().isEmpty() ? r.users().values().iterator().next() : r.lookups().get(0).user();
        out.println("  ./cets links --case " + r.newTip() + " --as " + tipUser + "      # the new tip's links and their evidence");
        out.println("  ./cets alerts --as " + tipUser + "      # what this agency was alerted to");
        out.println("  ./cets case list --as " + tipUser + "      # the cases it can read (the others show in lookup, links and alerts as pointers)");
        if (webUi) {
            out.println("  ./cets serve      # then open the web UI at the address it prints");
        }
        if (prefix.isEmpty()) {
            return;
        }
        out.println("  (without the export, put " + prefix.strip() + " before each command)");
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
