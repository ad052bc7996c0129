package org.opencets.app.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.opencets.app.AlertView;
import org.opencets.app.Deployment;
import org.opencets.app.ImportReport;
import org.opencets.app.LinkView;
import org.opencets.app.Session;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.store.StoreConfig;
import org.opencets.store.keys.OwnerOnlyFiles;

/**
 * The demonstration: generates a scenario, creates a fresh embedded store with its agencies (one
 * investigator each), has each agency import its own evidence through the public
 * {@link Session} API — correlation happens as each file lands — and compares the links the system
 * made with the scenario's truth.
 *
 * <p>The system is checked from outside, with no back door: the links are those the agencies'
 * investigators can list. Every link touches a case of some agency, whose investigator sees it, so
 * the union over one investigator per agency is every link the store holds. A link the system flags
 * as made through an identifier that has since become common ({@link LinkView#common()}) is one it
 * no longer asserts: it is not counted as found, and the report lists such links separately.
 */
public final class DemoRunner {
    /** The folder, inside the store's data directory, the scenario is generated into. */
    public static final String SCENARIO_DIR = "demo-scenario";
    /** The administrator {@code cets demo} creates. */
    public static final String ADMIN = "demo";
    private static final String REASON = "demo: compare the links found with the scenario's truth.json";
    private static final int STRONGEST = 5;

    /** Hears what the demonstration is doing; every method has a default that ignores it. */
    public interface Listener {
        /** A phase starts: generating, setting up, importing, checking. */
        default void phase(String what) {
        }

        default void generated(long records, long total) {
        }

        /** Import progress: records stored so far in this case, and in all. */
        default void importing(int index, int cases, ScenarioManifest.CaseEntry c, long caseRecords, long done, long total) {
        }

        default void imported(int index, int cases, ScenarioManifest.CaseEntry c, ImportReport report) {
        }
    }

    private DemoRunner() {
    }

    /**
     * Runs the demonstration into home, which must not hold a store.
     *
     * @throws IllegalStateException when home already holds a store (the demonstration never mixes
     *                               its synthetic data into real data)
     */
    public static DemoReport run(Path home, ScenarioSpec spec, Listener listener) throws IOException {
        long started = System.nanoTime();
        StoreConfig config = StoreConfig.embedded(home);
        if (Deployment.exists(config)) {
            throw new IllegalStateException("a store already exists in " + config.home() + "; the demo makes a fresh one "
                    + "and never mixes its synthetic data into a real store: unset CETS_HOME or point it at a new folder");
        }
        listener.phase("generating");
        Path dir = config.home().resolve(SCENARIO_DIR);
        // the scenario is generated before init makes the store: make home owner-only here, as init
        // would, and the scenario's folder too (its files are synthetic, but everything in a store's
        // home is owner-only, so that a check of the modes need not know which files are demo data)
        OwnerOnlyFiles.createDirectory(config.home());
        OwnerOnlyFiles.createDirectories(dir);
        ScenarioGenerator.Result generated = ScenarioGenerator.generate(spec, dir, listener::generated);
        try (Stream<Path> made = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) made::iterator) {
                if (Files.isDirectory(p)) {
                    OwnerOnlyFiles.restrictDirectory(p);
                } else {
                    OwnerOnlyFiles.restrictFile(p);
                }
            }
        }
        ScenarioManifest manifest = generated.manifest();
        Truth truth = Truth.read(generated.truthFile());

        listener.phase("setting up");
        long setUpStart = System.nanoTime();
        ScenarioManifest.Agency first = manifest.agencies().get(0);
        Deployment deployment = Deployment.init(config, first.code(), first.name(), first.region(), ADMIN);
        Session admin = deployment.session(ADMIN);
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, Session> sessions = new HashMap<>();
        for (ScenarioManifest.Agency a : manifest.agencies()) {
            if (a != first) {
                admin.addAgency(a.code(), a.name(), a.region());
            }
            String user = "analyst." + a.code().toLowerCase(Locale.ROOT);
            admin.addUser(user, a.code(), EnumSet.of(Role.INVESTIGATOR),
                    "duty desk, cets@" + a.code().toLowerCase(Locale.ROOT) + ".police.test");
            users.put(a.code(), user);
            sessions.put(a.code(), deployment.session(user));
        }
        for (ScenarioManifest.CaseEntry c : manifest.cases()) {
            admin.createCase(c.number(), c.agency(), c.title(), Sharing.fromCode(c.sharing()), users.get(c.agency()));
        }
        long setUp = millis(setUpStart);

        listener.phase("importing");
        long importStart = System.nanoTime();
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        long total = manifest.records();
        long done = 0;
        long correlation = 0;
        long lastCorrelation = 0;
        List<ScenarioManifest.CaseEntry> cases = manifest.cases();
        for (int i = 0; i < cases.size(); i++) {
            ScenarioManifest.CaseEntry c = cases.get(i);
            int index = i;
            long before = done;
            Session.ImportOptions options = new Session.ImportOptions(false, null, Map.of(), "demo: scenario evidence",
                    n -> listener.importing(index, cases.size(), c, n, before + n, total));
            ImportReport r = sessions.get(c.agency()).importFile(c.qualified(), c.format(), dir.resolve(c.file()), options);
            done += r.records();
            correlation += r.correlationMs();
            lastCorrelation = r.correlationMs();
            counts.computeIfAbsent(c.agency(), k -> new TreeMap<>()).merge(c.recordKind(), r.records(), Long::sum);
            listener.imported(i, cases.size(), c, r);
        }
        long imports = millis(importStart);

        listener.phase("checking");
        long checkStart = System.nanoTime();
        Map<Long, LinkView> links = new TreeMap<>();
        Map<Long, AlertView> alerts = new TreeMap<>();
        for (ScenarioManifest.Agency a : manifest.agencies()) {
            Session s = sessions.get(a.code());
            for (LinkView l : s.links(null, REASON)) {
                links.merge(l.id(), l, DemoRunner::merged);
            }
            for (AlertView al : s.alerts(null, REASON)) {
                alerts.putIfAbsent(al.id(), al);
            }
        }
        Map<CaseLink, LinkView> found = new LinkedHashMap<>();
        List<CaseLink> flagged = new ArrayList<>();
        for (LinkView l : links.values()) {
            if ("identifier".equals(l.kind()) && l.identifier() != null) {
                CaseLink key = new CaseLink(l.identifier(), l.a().caseRef().qualified(), l.b().caseRef().qualified());
                if (l.common()) {
                    flagged.add(key); // made before its identifier proved common; the system no longer asserts it
                } else {
                    found.put(key, l);
                }
            }
        }
        LinkEvaluation evaluation = LinkEvaluation.compare(found.keySet(), truth.links());
        Map<String, String> titles = new HashMap<>();
        cases.forEach(c -> titles.put(c.qualified(), c.title()));
        List<DemoReport.CasePair> strongest = strongest(found, titles);
        List<DemoReport.StoryCheck> story = new ArrayList<>();
        for (Truth.StoryItem item : truth.story().values()) {
            List<CaseLink> missing = item.links().stream().filter(l -> !found.containsKey(l)).toList();
            story.add(new DemoReport.StoryCheck(item.name(), item.description(), item.links(), missing));
        }
        Truth.StoryItem chain = truth.story().get("tip_chain");
        String newTip = chain == null ? null : chain.cases().get(0);
        List<AlertView> newTipAlerts = alerts.values().stream()
                .filter(a -> a.caseRef().qualified().equals(newTip)).toList();
        List<DemoReport.NoiseCheck> noise = new ArrayList<>();
        for (Truth.NoiseEntry n : truth.mustNotLink()) {
            List<CaseLink> made = found.keySet().stream().filter(l -> l.identifier().equals(n.identifier())).toList();
            long flaggedHere = flagged.stream().filter(l -> l.identifier().equals(n.identifier())).count();
            noise.add(new DemoReport.NoiseCheck(n.identifier(), n.rule(), n.cases().size(), made, flaggedHere));
        }
        List<DemoReport.Lookup> lookups = lookups(truth, users);
        long evaluationMillis = millis(checkStart);
        DemoReport.Timings timings = new DemoReport.Timings(generated.elapsedMillis(), setUp, imports, correlation,
                lastCorrelation, evaluationMillis, millis(started));
        return new DemoReport(config.home(), dir, spec, users, counts, done, timings, strongest, story, newTip,
                newTipAlerts, alerts.size(), noise, evaluation, flagged, lookups);
    }

    /**
     * Two agencies' views of one link, merged: each side as its own agency sees it (the demonstration
     * speaks for every agency at once; no single user would see both sides of a link between two
     * unshared cases).
     */
    private static LinkView merged(LinkView x, LinkView y) {
        return new LinkView(x.id(), x.kind(), x.identifier(), x.a().role() != null ? x.a() : y.a(),
                x.b().role() != null ? x.b() : y.b(), x.strength(),
                x.evidence().size() >= y.evidence().size() ? x.evidence() : y.evidence(), x.createdAt(), x.judgement(),
                x.common(), x.stoplisted());
    }

    private static List<DemoReport.CasePair> strongest(Map<CaseLink, LinkView> found, Map<String, String> titles) {
        Map<String, List<Map.Entry<CaseLink, LinkView>>> byPair = new TreeMap<>();
        for (Map.Entry<CaseLink, LinkView> e : found.entrySet()) {
            byPair.computeIfAbsent(e.getKey().caseA() + "\n" + e.getKey().caseB(), k -> new ArrayList<>()).add(e);
        }
        return byPair.values().stream()
                .sorted(Comparator.comparingInt((List<Map.Entry<CaseLink, LinkView>> l) -> -l.size())
                        .thenComparing(l -> sameAgency(l.get(0).getKey())))
                .limit(STRONGEST)
                .map(l -> {
                    CaseLink first = l.get(0).getKey();
                    List<DemoReport.Evidence> evidence = new ArrayList<>();
                    for (Map.Entry<CaseLink, LinkView> e : l) {
                        LinkView v = e.getValue();
                        boolean aFirst = v.a().caseRef().qualified().equals(first.caseA());
                        LinkView.Side sa = aFirst ? v.a() : v.b();
                        LinkView.Side sb = aFirst ? v.b() : v.a();
                        evidence.add(new DemoReport.Evidence(e.getKey().identifier(), sa.role(), sb.role()));
                    }
                    return new DemoReport.CasePair(first.caseA(), titles.get(first.caseA()), first.caseB(),
                            titles.get(first.caseB()), evidence);
                })
                .toList();
    }

    private static boolean sameAgency(CaseLink l) {
        return l.caseA().substring(0, l.caseA().indexOf('/')).equals(l.caseB().substring(0, l.caseB().indexOf('/')));
    }

    /**
     * The tip chain's screen name and mailbox, as the new tip's agency would look them up, and the
     * known offender's mailbox and phone, as the agency of the payments case would.
     */
    private static List<DemoReport.Lookup> lookups(Truth truth, Map<String, String> users) {
        List<DemoReport.Lookup> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : List.of("tip_chain", "known_offender_buyer")) {
            Truth.StoryItem item = truth.story().get(name);
            if (item == null) {
                continue;
            }
            for (CaseLink l : item.links()) {
                String label = l.identifier();
                int colon = label.indexOf(':');
                String type = label.substring(0, colon);
                if (type.equals("card") || !seen.add(label)) {
                    continue; // a card is looked up by its number, which only its holder has
                }
                String from = item.cases().isEmpty() ? l.caseA() : item.cases().get(0);
                String agency = from.substring(0, from.indexOf('/'));
                out.add(new DemoReport.Lookup(label.substring(colon + 1), users.get(agency),
                        name.replace('_', ' ') + ": " + type + " in " + l.caseA() + " and " + l.caseB()));
            }
        }
        return out;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
