package org.opencets.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencets.app.Deployment;
import org.opencets.app.scenario.DemoReport;
import org.opencets.app.scenario.DemoRunner;
import org.opencets.app.scenario.ScenarioManifest;
import org.opencets.app.scenario.ScenarioSpec;
import org.opencets.cli.CetsCommand;
import org.opencets.cli.ExitCodes;
import org.opencets.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job, shown on realistic synthetic data: generates card transactions, chat logs, arrest records "
                + "and tips for several agencies, loads them into a fresh store (each agency importing its own), and tells "
                + "what the system linked: a new tip that links two earlier reports, a card buyer who is a known offender, "
                + "a screen name seen by three agencies — and the noise that must link nothing.",
                "It then checks every exact link against the planted truth and prints 'precision:' and 'recall:'.",
                "The store is made in CETS_HOME when that is set (it must not hold a store yet), else in a new folder "
                        + "./cets-demo-DATE-TIME. Exit code 1 when a check fails."},
        footerHeading = "%nExamples:%n",
        footer = {"  cets demo                                 # about 100,000 records, under a minute",
                "  CETS_HOME=/tmp/cets-demo cets demo --size small",
                "  cets demo --size large --quiet            # 10 million records: reports throughput (about 8 min, 14 GB of disk)"})
public final class DemoCommand implements Callable<Integer> {
    /** How much data the demonstration generates. */
    enum Size {
        SMALL(10_000), DEFAULT(100_000), LARGE(10_000_000);

        final long records;

        Size(long records) {
            this.records = records;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "default",
            description = "small (10,000 records), default (100,000) or large (10,000,000)")
    Size size;

    @Option(names = "--records", paramLabel = "N", description = "about this many records instead of a --size (1,500 to 30,000,000)")
    Long records;

    @Option(names = "--agencies", paramLabel = "N", defaultValue = "4", description = "agencies, 3 to 8 (default: ${DEFAULT-VALUE})")
    int agencies;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2024", description = "the scenario's seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--quiet", description = "no progress line (it is also off when output is not a terminal)")
    boolean quiet;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CetsCommand root = (CetsCommand) spec.root().userObject();
        Map<String, String> env = root.env();
        long wanted = records != null ? records : size.records;
        long min = Math.round(ScenarioSpec.MIN_PEOPLE * ScenarioSpec.RECORDS_PER_PERSON);
        long max = Math.round(ScenarioSpec.MAX_PEOPLE * ScenarioSpec.RECORDS_PER_PERSON);
        if (wanted < min || wanted > max) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--records must be %,d to %,d, found %,d", min, max, wanted));
        }
        ScenarioSpec scenario;
        try {
            scenario = ScenarioSpec.ofRecords(wanted, agencies, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String fromEnv = env.get("CETS_HOME");
        boolean homeFromEnvironment = fromEnv != null && !fromEnv.isBlank();
        Path home;
        if (homeFromEnvironment) {
            home = Path.of(fromEnv).toAbsolutePath().normalize();
            if (Deployment.exists(StoreConfig.embedded(home))) {
                err.println("cets: CETS_HOME (" + home + ") already holds a store; the demo makes a fresh one and never mixes "
                        + "synthetic data into a real store. Unset CETS_HOME, or set it to a new folder.");
                return ExitCodes.ERROR;
            }
        } else {
            home = freshFolder(Path.of("").toAbsolutePath());
        }
        out.printf(Locale.ROOT, "OpenCETS demo: %d agencies, about %,d records (seed %d)%n", scenario.agencies(),
                scenario.targetRecords(), seed);
        out.println("Store: " + home + (homeFromEnvironment ? " (CETS_HOME)" : " (a new folder; CETS_HOME was not set)")
                + ", embedded SQLite");
        String url = env.get("CETS_DB_URL");
        if (url != null && !url.isBlank()) {
            out.println("Note: CETS_DB_URL is ignored; the demo always makes an embedded store.");
        }
        out.flush();
        ProgressLine progress = new ProgressLine(err, !quiet && ProgressLine.terminal());
        DemoReport report = DemoRunner.run(home, scenario, new DemoRunner.Listener() {
            @Override
            public void phase(String what) {
                progress.done();
                progress.restart();
                if (what.equals("setting up")) {
                    progress.note("setting up agencies, investigators and cases …");
                } else if (what.equals("checking")) {
                    progress.note("listing links and alerts, comparing with truth.json …");
                }
            }

            @Override
            public void generated(long written, long total) {
                progress.show("generating the scenario", written, total, written >= total);
            }

            @Override
            public void importing(int index, int cases, ScenarioManifest.CaseEntry c, long caseRecords, long done, long total) {
                progress.show(String.format(Locale.ROOT, "importing %d/%d %s", index + 1, cases, c.qualified()), done, total,
                        done >= total);
            }
        });
        progress.done();
        boolean webUi = spec.root().subcommands().containsKey("serve");
        Story.print(out, report, ScenarioManifest.read(report.scenario()).agencies(), homeFromEnvironment, webUi);
        boolean right = report.evaluation().precision() == 1.0 && report.evaluation().recall() == 1.0
                && report.story().stream().allMatch(DemoReport.StoryCheck::found);
        return right ? ExitCodes.OK : ExitCodes.ERROR;
    }

    /** ./cets-demo-YYYYMMDD-HHMMSS, or with -2, -3… when that exists. */
    static Path freshFolder(Path in) throws IOException {
        String base = "cets-demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path p = in.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = in.resolve(base + "-" + i);
        }
        return p;
    }
}
