package org.opencets.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's files: deterministic by seed, counted right, with a truth that matches what was written. */
class ScenarioGeneratorTest {
    private static final ScenarioSpec SMALL = ScenarioSpec.ofRecords(3_000, 4, 7);

    @TempDir
    Path dir;

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        ScenarioGenerator.generate(SMALL, dir.resolve("a"), null);
        ScenarioGenerator.generate(SMALL, dir.resolve("b"), null);
        ScenarioGenerator.generate(new ScenarioSpec(SMALL.agencies(), SMALL.people(), 8), dir.resolve("c"), null);
        Map<String, byte[]> a = files(dir.resolve("a"));
        Map<String, byte[]> b = files(dir.resolve("b"));
        Map<String, byte[]> c = files(dir.resolve("c"));
        assertThat(a.keySet()).contains("truth.json", "scenario.json", "NRP/payments.csv", "EMC/chat.jsonl",
                "LPD/arrests.csv").isEqualTo(b.keySet());
        for (String f : a.keySet()) {
            assertThat(b.get(f)).as(f).isEqualTo(a.get(f));
        }
        assertThat(c.get("truth.json")).isNotEqualTo(a.get("truth.json"));
        assertThat(c.get("NRP/payments.csv")).isNotEqualTo(a.get("NRP/payments.csv"));
    }

    @Test
    void theManifestCountsWhatTheFilesHoldAndTruthNamesEveryRecordOnce() throws IOException {
        ScenarioGenerator.Result r = ScenarioGenerator.generate(SMALL, dir, null);
        ScenarioManifest m = ScenarioManifest.read(dir);
        assertThat(m).isEqualTo(r.manifest());
        assertThat(m.records()).isBetween(2_900L, 3_100L);
        long sum = 0;
        Set<String> expectedRefs = new HashSet<>();
        for (ScenarioManifest.CaseEntry c : m.cases()) {
            List<String> lines = Files.readAllLines(dir.resolve(c.file()));
            boolean csv = c.format().endsWith("-csv");
            assertThat(lines).as(c.file()).hasSize((int) c.records() + (csv ? 1 : 0));
            for (int i = 0; i < c.records(); i++) {
                expectedRefs.add(c.file() + ":" + (i + 1 + (csv ? 1 : 0)));
            }
            sum += c.records();
        }
        assertThat(sum).isEqualTo(m.records());
        assertThat(m.cases().get(m.cases().size() - 1).kind()).isEqualTo("tips");

        // every record belongs to exactly one person of truth.json
        com.fasterxml.jackson.databind.JsonNode truth = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("truth.json").toFile());
        List<String> refs = new ArrayList<>();
        truth.get("persons").forEach(p -> p.get("records").forEach(x -> refs.add(x.asText())));
        assertThat(refs).doesNotHaveDuplicates();
        assertThat(new HashSet<>(refs)).isEqualTo(expectedRefs);
        assertThat(truth.get("persons").size()).isEqualTo((int) m.people());
    }

    @Test
    void truthHoldsTheStoryTheNoiseAndOnlyLinksBetweenTwoCases() throws IOException {
        ScenarioGenerator.Result r = ScenarioGenerator.generate(SMALL, dir, null);
        Truth truth = Truth.read(r.truthFile());
        assertThat(truth.seed()).isEqualTo(7);
        assertThat(truth.story()).containsKeys("tip_chain", "known_offender_buyer", "screen_name_three_agencies",
                "email_variations", "shared_card", "ip_reuse");
        Set<CaseLink> links = truth.linkSet();
        truth.story().values().forEach(s -> assertThat(links).containsAll(s.links()));
        assertThat(truth.story().get("screen_name_three_agencies").links()).hasSize(3)
                .extracting(l -> l.caseA().substring(0, 3) + l.caseB().substring(0, 3))
                .allSatisfy(pair -> assertThat(pair.substring(0, 3)).isNotEqualTo(pair.substring(3)));
        // the new tip is the last case and links two cases of two other agencies
        ScenarioManifest m = r.manifest();
        String newTip = m.cases().get(m.cases().size() - 1).qualified();
        Truth.StoryItem chain = truth.story().get("tip_chain");
        assertThat(chain.cases()).containsExactly(newTip);
        Set<String> others = new HashSet<>();
        for (CaseLink l : chain.links()) {
            assertThat(List.of(l.caseA(), l.caseB())).contains(newTip);
            others.add(l.caseA().equals(newTip) ? l.caseB() : l.caseA());
        }
        assertThat(others).hasSize(2).allSatisfy(c -> assertThat(c).doesNotStartWith(newTip.substring(0, 4)));
        assertThat(others.stream().map(c -> c.substring(0, 3)).distinct()).hasSize(2);
        // noise: in many cases, never a link
        assertThat(truth.mustNotLink()).extracting(Truth.NoiseEntry::identifier)
                .contains("ip:100.72.14.9", "ip:94.119.66.18", "email:frontdesk@wexbury-library.org", "phone:+14165550142",
                        "email:nobody@example.com", "card:41111111…1111", "ip:192.0.2.44");
        for (Truth.NoiseEntry n : truth.mustNotLink()) {
            assertThat(n.cases().size()).as(n.identifier()).isGreaterThanOrEqualTo(2);
            assertThat(links).noneMatch(l -> l.identifier().equals(n.identifier()));
        }
        assertThat(truth.mustNotLink()).filteredOn(n -> n.rule().startsWith("common"))
                .allSatisfy(n -> assertThat(n.cases().size()).isGreaterThan(20));
    }

    @Test
    void writtenFilesNeverCarryACardNumberOutsideTheCardColumn() throws IOException {
        ScenarioGenerator.generate(SMALL, dir, null);
        String truth = Files.readString(dir.resolve("truth.json"));
        assertThat(truth).doesNotContainPattern("\\d{13,19}");
        assertThat(Files.readString(dir.resolve("scenario.json"))).doesNotContainPattern("\\d{13,19}");
    }

    @Test
    void refusesAnImpossibleSpec() {
        assertThatThrownBy(() -> new ScenarioSpec(2, 10_000, 1)).hasMessageContaining("--agencies must be 3 to 8");
        assertThatThrownBy(() -> new ScenarioSpec(4, 10, 1)).hasMessageContaining("--people");
    }

    @Test
    void threeAgenciesAndEightAgenciesBothTellTheWholeStory() throws IOException {
        for (int agencies : new int[] {3, 8}) {
            ScenarioGenerator.Result r = ScenarioGenerator.generate(ScenarioSpec.ofRecords(2_000, agencies, 3),
                    dir.resolve("n" + agencies), null);
            Truth t = Truth.read(r.truthFile());
            assertThat(r.manifest().agencies()).hasSize(agencies);
            assertThat(t.story()).hasSize(6);
        }
    }
}
