package org.opencets.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.opencets.app.scenario.ScenarioGenerator;
import org.opencets.app.scenario.ScenarioManifest;
import org.opencets.app.scenario.ScenarioSpec;
import org.opencets.app.scenario.Truth;
import org.opencets.cli.ExitCodes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a realistic synthetic scenario for several agencies: per agency a card processor's transactions "
                + "(CSV), a seized handset's chat export and tips (canonical JSON Lines) and arrest records (CSV); "
                + "truth.json with every planted cross-case link, the noise that must link nothing, and every person with "
                + "their records; scenario.json with the cases in import order.",
                "Deterministic: the same options write the same bytes. Streams: memory stays flat for millions of records. "
                        + "Everything is invented; nothing is fetched."},
        footerHeading = "%nExamples:%n",
        footer = {"  cets generate --agencies 4 --people 70000 --seed 7 --out scenario",
                "  cets generate --records 10000000 --out /data/big --quiet",
                "  cets demo      # generates, imports and checks in one go"})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--agencies", paramLabel = "N", defaultValue = "4", description = "agencies, 3 to 8 (default: ${DEFAULT-VALUE})")
    int agencies;

    @ArgGroup(exclusive = true)
    Volume volume = new Volume();

    static final class Volume {
        @Option(names = "--people", paramLabel = "N", description = "about this many synthetic people (default 66,667: about 100,000 records)")
        Long people;

        @Option(names = "--records", paramLabel = "N", description = "about this many records instead")
        Long records;
    }

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2024", description = "the seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder to write (new or empty)")
    Path out;

    @Option(names = "--force", description = "write into a folder that is not empty (its scenario files are replaced)")
    boolean force;

    @Option(names = "--quiet", description = "no progress line (it is also off when output is not a terminal)")
    boolean quiet;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioSpec scenario;
        try {
            scenario = volume.records != null ? ScenarioSpec.ofRecords(volume.records, agencies, seed)
                    : new ScenarioSpec(agencies, volume.people != null ? volume.people : 66_667, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (Files.isDirectory(out) && !force) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new ParameterException(spec.commandLine(), out + " is not empty; choose a new folder or pass --force");
                }
            }
        }
        ProgressLine progress = new ProgressLine(err, !quiet && ProgressLine.terminal());
        ScenarioGenerator.Result r = ScenarioGenerator.generate(scenario, out,
                (written, total) -> progress.show("generating", written, total, written >= total));
        progress.done();
        ScenarioManifest m = r.manifest();
        Truth truth = Truth.read(r.truthFile());
        o.printf(Locale.ROOT, "Wrote %,d records of %,d people for %d agencies into %s in %s (%,d records/s)%n", m.records(),
                m.people(), m.agencies().size(), out.toAbsolutePath(), Story.seconds(r.elapsedMillis()),
                Story.rate(m.records(), r.elapsedMillis()));
        o.printf(Locale.ROOT, "  %d cases (scenario.json lists them in import order with their formats)%n", m.cases().size());
        o.printf(Locale.ROOT, "  truth.json: %,d planted cross-case links, %d noise identifiers that must link nothing, "
                + "every person with their records%n", truth.links().size(), truth.mustNotLink().size());
        for (ScenarioManifest.Agency a : m.agencies()) {
            o.printf(Locale.ROOT, "  %s %s (%s): %s%n", a.code(), a.name(), a.region(), String.join(", ",
                    m.cases().stream().filter(c -> c.agency().equals(a.code()) && !c.kind().equals("tips"))
                            .map(c -> c.file() + " (" + c.format() + ")").toList())
                    + ", " + m.cases().stream().filter(c -> c.agency().equals(a.code()) && c.kind().equals("tips")).count()
                    + " tip files (jsonl)");
        }
        o.println("Load by hand: create each agency and case of scenario.json, then per case");
        o.println("  cets import --case AGENCY/NUMBER --format FORMAT DIR/FILE");
        o.println("or let 'cets demo' do it all and check the links against truth.json.");
        return ExitCodes.OK;
    }
}
