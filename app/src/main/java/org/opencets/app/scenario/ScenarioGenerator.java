package org.opencets.app.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a multi-agency scenario: per agency a processor's card transactions (CSV), a seized
 * handset's chat export and tips (canonical JSON Lines), arrest records (CSV); {@code truth.json}
 * with every planted cross-case link, the identifiers that must link nothing, and every person with
 * their records; and {@code scenario.json}, the cases in import order.
 *
 * <p>Streaming: the planted part ({@link Plan}) is small and held; the background population is made
 * person by person and written at once, so memory stays flat however many records are asked for.
 * Deterministic: the same {@link ScenarioSpec} gives the same bytes in every file. No network, no
 * clock: names, places and numbers come from built-in lists and the seed.
 *
 * <p>Truth is the generator's own: each planted record carries the canonical labels of the
 * identifiers it was written from, and a link is every pair of cases that received the same label.
 * Background people's identifiers are unique by construction ({@link IdentitySpace}), so they add
 * none.
 */
public final class ScenarioGenerator {
    /** Told how many records are written so far, of the total. */
    public interface Progress {
        void written(long records, long total);
    }

    /** What was generated, and how long it took. */
    public record Result(ScenarioManifest manifest, Path directory, long elapsedMillis) {
        public Path truthFile() {
            return directory.resolve(TRUTH_FILE);
        }
    }

    public static final String TRUTH_FILE = "truth.json";
    private static final int PROGRESS_EVERY = 10_000;

    private ScenarioGenerator() {
    }

    /**
     * Generates a scenario into dir (created if missing; existing scenario files are replaced).
     *
     * @param progress may be null
     */
    public static Result generate(ScenarioSpec spec, Path dir, Progress progress) throws IOException {
        long started = System.nanoTime();
        Plan plan = Plan.of(spec);
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        Map<String, TreeSet<String>> holders = new TreeMap<>();
        Path personsTmp = dir.resolve(".truth-persons.tmp");
        Background background = new Background(spec.seed());
        long[] nextPerson = {plan.firstBackground};
        long[] done = {0};
        long total = plan.records();
        List<ScenarioManifest.CaseEntry> entries = new ArrayList<>();
        try (Writer pw = new BufferedWriter(Files.newBufferedWriter(personsTmp, StandardCharsets.UTF_8), 1 << 16);
             JsonGenerator persons = json.getFactory().createGenerator(pw)) {
            persons.setRootValueSeparator(null);
            for (int ci = 0; ci < plan.cases.size(); ci++) {
                CasePlan c = plan.cases.get(ci);
                try (RecordFile file = RecordFile.open(dir.resolve(c.file), c.kind, json)) {
                    CaseStream stream = new CaseStream(c, file, holders, new SplittableRandom(SyntheticPerson.mix(spec.seed(), 7_000_003L + ci)),
                            done, total, progress);
                    SplittableRandom r = new SplittableRandom(SyntheticPerson.mix(spec.seed(), 1_000_003L + ci));
                    long left = c.backgroundRecords;
                    int people = 0;
                    while (left > 0) {
                        SyntheticPerson p = background.person(nextPerson[0]++, c.agency);
                        int k = (int) Math.min(left, Background.records(c.kind, r));
                        left -= k;
                        int forced = people < Background.forcedNoise(c.kind) ? people : -1;
                        people++;
                        stream.refs.clear();
                        background.write(c, p, k, forced, r, stream::background);
                        person(persons, p, "background", null, stream.refs);
                    }
                    stream.finish();
                    entries.add(new ScenarioManifest.CaseEntry(c.agency.code(), c.number, c.title, c.sharing.code(),
                            c.kind.name().toLowerCase(Locale.ROOT), c.kind.recordKind, c.kind.format, c.file, file.written));
                }
            }
            for (Offender o : plan.offenders) {
                person(persons, o.person, "offender", o.role + "; screen names and mailboxes built on '" + o.nick() + "'",
                        o.records);
            }
        }
        if (progress != null) {
            progress.written(done[0], total);
        }
        List<CaseLink> links = links(plan, holders);
        check(plan, holders, links);
        writeTruth(dir.resolve(TRUTH_FILE), personsTmp, spec, done[0], links, plan, holders, json);
        Files.delete(personsTmp);
        List<ScenarioManifest.Agency> agencies = plan.agencies.stream()
                .map(a -> new ScenarioManifest.Agency(a.code(), a.name(), a.region())).toList();
        ScenarioManifest manifest = new ScenarioManifest(ScenarioManifest.FORMAT, ScenarioManifest.VERSION, spec.seed(),
                nextPerson[0], done[0], agencies, entries);
        manifest.write(dir);
        return new Result(manifest, dir, (System.nanoTime() - started) / 1_000_000);
    }

    private static void person(JsonGenerator g, SyntheticPerson p, String role, String description, List<String> records)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", "P" + p.id());
        g.writeStringField("role", role);
        if (description != null) {
            g.writeStringField("description", description);
        }
        g.writeStringField("name", p.fullName());
        g.writeStringField("dob", p.dob().toString());
        g.writeStringField("address", p.street() + ", " + p.town() + " " + p.postcode());
        g.writeArrayFieldStart("records");
        for (String ref : records) {
            g.writeString(ref);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /** Writes one case's file: background records in order, planted records slotted in by their time. */
    private static final class CaseStream {
        private final CasePlan c;
        private final RecordFile file;
        private final Map<String, TreeSet<String>> holders;
        private final SplittableRandom jitter;
        private final long[] done;
        private final long total;
        private final Progress progress;
        private final long records;
        private final String idPrefix;
        private int planted;
        final List<String> refs = new ArrayList<>();

        CaseStream(CasePlan c, RecordFile file, Map<String, TreeSet<String>> holders, SplittableRandom jitter, long[] done,
                   long total, Progress progress) {
            this.c = c;
            this.file = file;
            this.holders = holders;
            this.jitter = jitter;
            this.done = done;
            this.total = total;
            this.progress = progress;
            this.records = Math.max(1, c.records());
            this.idPrefix = switch (c.kind) {
                case PAYMENTS -> c.merchant[1].substring(0, c.merchant[1].indexOf('*')) + "-" + c.agency.code() + "-";
                case ARRESTS -> c.agency.code() + "-B";
                case CHAT -> c.number + "-M";
                case TIPS -> c.number + "-R";
            };
        }

        /** The time of the record at this position: the case's window spread evenly over its records. */
        private long slot(long position) {
            long span = c.end - c.start;
            long at = c.start + (long) ((double) span * position / records);
            long width = Math.max(1, span / records);
            return Math.min(c.end - 1, at + jitter.nextLong(width));
        }

        void background(Map<String, Object> fields, List<String> labels) {
            long t = slot(file.written);
            flushPlanted(t);
            refs.add(c.file + ":" + write(t, fields, labels));
        }

        private void flushPlanted(long upTo) {
            while (planted < c.planted.size() && c.planted.get(planted).time() <= upTo) {
                CasePlan.Planted p = c.planted.get(planted++);
                long t = Math.max(c.start, Math.min(c.end - 1, p.time()));
                p.offender().records.add(c.file + ":" + write(t, p.fields(), p.labels()));
            }
        }

        private long write(long time, Map<String, Object> fields, List<String> labels) {
            try {
                String id = idPrefix + String.format(Locale.ROOT, "%07d", file.written + 1);
                String when = c.kind == CasePlan.Kind.ARRESTS ? LocalDate.ofEpochDay(Math.floorDiv(time, Plan.DAY)).toString()
                        : Instant.ofEpochSecond(time).toString();
                long line = file.write(id, when, fields);
                for (String label : labels) {
                    holders.computeIfAbsent(label, k -> new TreeSet<>()).add(c.qualified());
                }
                if (++done[0] % PROGRESS_EVERY == 0 && progress != null) {
                    progress.written(done[0], total);
                }
                return line;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + c.file + ": " + e.getMessage(), e);
            }
        }

        void finish() {
            flushPlanted(Long.MAX_VALUE);
        }
    }

    /** Every pair of cases that received the same planted label; noise labels are not links. */
    private static List<CaseLink> links(Plan plan, Map<String, TreeSet<String>> holders) {
        Set<String> noise = new HashSet<>();
        Noise.ALL.forEach(n -> noise.add(n.label()));
        List<CaseLink> out = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : holders.entrySet()) {
            if (noise.contains(e.getKey())) {
                continue;
            }
            List<String> cases = new ArrayList<>(e.getValue());
            for (int i = 0; i < cases.size(); i++) {
                for (int j = i + 1; j < cases.size(); j++) {
                    out.add(new CaseLink(e.getKey(), cases.get(i), cases.get(j)));
                }
            }
        }
        return out;
    }

    /** The plan's own promises: every story link was written, no planted identifier is common. */
    private static void check(Plan plan, Map<String, TreeSet<String>> holders, List<CaseLink> links) {
        Set<CaseLink> all = new HashSet<>(links);
        for (Truth.StoryItem item : plan.story.values()) {
            for (CaseLink l : item.links()) {
                if (!all.contains(l)) {
                    throw new IllegalStateException("scenario plan error: story link " + l + " was not written");
                }
            }
        }
        Set<String> noise = new HashSet<>();
        Noise.ALL.forEach(n -> noise.add(n.label()));
        for (Map.Entry<String, TreeSet<String>> e : holders.entrySet()) {
            if (!noise.contains(e.getKey()) && e.getValue().size() > org.opencets.core.correlate.ExactCorrelator.DEFAULT_MAX_CASES) {
                throw new IllegalStateException("scenario plan error: " + e.getKey() + " was planted in "
                        + e.getValue().size() + " cases, more than the common-identifier threshold");
            }
        }
    }

    private static void writeTruth(Path file, Path personsTmp, ScenarioSpec spec, long records, List<CaseLink> links,
                                   Plan plan, Map<String, TreeSet<String>> holders, ObjectMapper json) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
             JsonGenerator g = json.getFactory().createGenerator(w).useDefaultPrettyPrinter();
             BufferedReader persons = Files.newBufferedReader(personsTmp, StandardCharsets.UTF_8)) {
            g.writeStartObject();
            g.writeStringField("format", Truth.FORMAT);
            g.writeNumberField("version", Truth.VERSION);
            g.writeNumberField("seed", spec.seed());
            g.writeNumberField("agencies", spec.agencies());
            g.writeNumberField("records", records);
            g.writeFieldName("links");
            json.writeValue(g, links);
            g.writeFieldName("story");
            json.writeValue(g, plan.story);
            g.writeArrayFieldStart("must_not_link");
            for (Noise n : Noise.ALL) {
                TreeSet<String> cases = holders.get(n.label());
                if (cases != null) {
                    json.writeValue(g, new Truth.NoiseEntry(n.label(), n.rule(), n.reason(), List.copyOf(cases)));
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("persons");
            String line;
            while ((line = persons.readLine()) != null) {
                g.writeRawValue(line);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
