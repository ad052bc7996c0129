package org.opencets.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonResolverTest {
    private static final PersonResolver RESOLVER = new PersonResolver(ResolutionSettings.defaults().withThreads(2));

    private static long seed() {
        long seed = Long.getLong("test.seed", System.nanoTime());
        System.out.println("PersonResolverTest seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        return seed;
    }

    private static String truth(String id) {
        return id.substring(0, id.indexOf('-'));
    }

    @Test
    void findsDuplicatesWithTyposAndKeepsDifferentPeopleApart() {
        TestPeople people = new TestPeople(seed());
        List<PersonRecord> records = people.pairs(400);
        Resolution r = RESOLVER.dedupe(records, List.of());
        int together = 0;
        int wronglyTogether = 0;
        for (int i = 0; i < records.size(); i += 2) {
            if (r.personOf(records.get(i).id()).equals(r.personOf(records.get(i + 1).id()))) {
                together++;
            }
        }
        for (List<String> members : r.persons().values()) {
            for (String m : members) {
                if (!truth(m).equals(truth(members.get(0)))) {
                    wronglyTogether++;
                }
            }
        }
        assertThat(together).as("duplicates found").isGreaterThanOrEqualTo(396);
        assertThat(wronglyTogether).as("records put with another person").isZero();
        assertThat(r.stats().records()).isEqualTo(800);
        assertThat(r.stats().candidatePairs()).isPositive();
        assertThat(r.stats().matchPrior()).isBetween(1e-4, 1e-2); // about 400 matches among 319,600 pairs
    }

    @Test
    void explanationAddsUpToTheScoreAndIsSymmetric() {
        TestPeople people = new TestPeople(seed());
        List<PersonRecord> records = people.pairs(200);
        Resolution r = RESOLVER.dedupe(records, List.of());
        for (int i = 0; i < 40; i += 2) {
            PairExplanation e = r.explain(records.get(i).id(), records.get(i + 1).id());
            double sum = e.priorWeight() + e.contributions().stream().mapToDouble(AttributeWeight::weight).sum();
            assertThat(e.matchWeight()).isCloseTo(sum, within(1e-9));
            assertThat(e.probability()).isCloseTo(1 / (1 + Math.pow(2, -e.matchWeight())), within(1e-12));
            PairExplanation back = r.explain(records.get(i + 1).id(), records.get(i).id());
            assertThat(back.matchWeight()).isCloseTo(e.matchWeight(), within(1e-9));
            assertThat(e.contributions()).extracting(AttributeWeight::comparison).contains("surname", "date_of_birth");
            PairExplanation far = r.explain(records.get(i).id(), records.get(i + 3).id());
            assertThat(far.matchWeight()).isLessThan(e.matchWeight());
        }
        assertThat(r.explain(records.get(0).id(), records.get(1).id()).describe()).contains("prior", "surname");
    }

    @Test
    void rareSurnameAgreementWeighsMoreThanCommonSurnameAgreement() {
        TestPeople people = new TestPeople(seed());
        List<PersonRecord> records = new ArrayList<>(people.pairs(300));
        for (int i = 0; i < 60; i++) {
            Map<PersonAttribute, String> p = people.person();
            p.put(PersonAttribute.SURNAME, "smith");
            records.add(people.record("common" + i + "-", p));
        }
        Map<PersonAttribute, String> a = people.person();
        a.put(PersonAttribute.SURNAME, "zyxwarblequist");
        Map<PersonAttribute, String> b = people.person();
        b.put(PersonAttribute.SURNAME, "zyxwarblequist");
        records.add(people.record("rare1-", a));
        records.add(people.record("rare2-", b));
        Resolution r = RESOLVER.dedupe(records, List.of());
        double rare = surnameWeight(r.explain(records.get(records.size() - 2).id(), records.get(records.size() - 1).id()));
        double common = surnameWeight(r.explain(records.get(600).id(), records.get(601).id()));
        assertThat(rare).isGreaterThan(common + 3);
    }

    private static double surnameWeight(PairExplanation e) {
        return e.contributions().stream().filter(w -> w.comparison().equals("surname")).findFirst().orElseThrow().weight();
    }

    @Test
    void judgementsOverrideTheModelAndSurviveReruns() {
        TestPeople people = new TestPeople(seed());
        List<PersonRecord> records = people.pairs(150);
        String a = records.get(0).id();
        String b = records.get(1).id();
        String c = records.get(2).id();
        String d = records.get(3).id();
        Resolution plain = RESOLVER.dedupe(records, List.of());
        assertThat(plain.personOf(a)).isEqualTo(plain.personOf(b));
        assertThat(plain.personOf(a)).isNotEqualTo(plain.personOf(c));

        List<Judgement> judgements = List.of(Judgement.differentPersons(a, b), Judgement.samePerson(a, c));
        for (int run = 0; run < 2; run++) {
            Resolution judged = RESOLVER.dedupe(records, judgements);
            assertThat(judged.personOf(a)).isNotEqualTo(judged.personOf(b));
            assertThat(judged.personOf(a)).isEqualTo(judged.personOf(c));
            // c's own duplicate d joins a and c, but b may not join through it
            assertThat(judged.personOf(d)).isEqualTo(judged.personOf(c));
            assertThat(judged.personOf(b)).isNotEqualTo(judged.personOf(d));
            assertThat(judged.explain(a, b).judgement()).isEqualTo(Judgement.Verdict.DIFFERENT_PERSONS);
            assertThat(judged.matches()).noneMatch(p -> Set2.same(p, a, b))
                    .anyMatch(p -> Set2.same(p, a, c) && p.source() == ScoredPair.Source.INVESTIGATOR);
        }
        Resolution ignored = RESOLVER.dedupe(records, List.of(Judgement.samePerson("nobody", a)));
        assertThat(ignored.stats().judgementsIgnored()).isEqualTo(1);
    }

    private static final class Set2 {
        static boolean same(ScoredPair p, String x, String y) {
            return p.firstId().equals(x) && p.secondId().equals(y) || p.firstId().equals(y) && p.secondId().equals(x);
        }
    }

    @Test
    void linkComparesOnlyAcrossSidesAndRequiresUniqueIds() {
        TestPeople people = new TestPeople(seed());
        List<PersonRecord> left = new ArrayList<>();
        List<PersonRecord> right = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            Map<PersonAttribute, String> o = people.person();
            left.add(people.record("p" + p + "-l-", o));
            right.add(people.record("p" + p + "-r-", people.duplicate(o)));
        }
        // a duplicate within the left side is never compared with its twin
        left.add(people.record("twin-l-", left.get(0).attributes()));
        Resolution r = RESOLVER.link(left, right, List.of());
        int linked = 0;
        for (int p = 0; p < 300; p++) {
            if (r.personOf(left.get(p).id()).equals(r.personOf(right.get(p).id()))) {
                linked++;
            }
        }
        assertThat(linked).isGreaterThanOrEqualTo(297);
        assertThat(r.candidate(left.get(0).id(), left.get(300).id())).isFalse();
        assertThat(r.recordIds()).hasSize(601);
        assertThatThrownBy(() -> RESOLVER.link(left, List.of(PersonRecord.of(left.get(5).id(), Map.of())), List.of()))
                .hasMessageContaining("duplicate record id '" + left.get(5).id() + "'");
    }

    @Test
    void runsAreDeterministicWhateverTheThreadCount() {
        long seed = seed();
        List<PersonRecord> records = new TestPeople(seed).pairs(300);
        Resolution one = new PersonResolver(ResolutionSettings.defaults().withThreads(1)).dedupe(records, List.of());
        Resolution two = new PersonResolver(ResolutionSettings.defaults().withThreads(2)).dedupe(records, List.of());
        assertThat(two.persons()).isEqualTo(one.persons());
        assertThat(two.matches()).isEqualTo(one.matches());
        assertThat(two.stats().matchPrior()).isEqualTo(one.stats().matchPrior());
    }

    @Test
    void handlesDegenerateInput() {
        assertThat(RESOLVER.dedupe(List.of(), List.of()).persons()).isEmpty();
        Resolution single = RESOLVER.dedupe(List.of(PersonRecord.of("a", Map.of(PersonAttribute.SURNAME, "x"))), List.of());
        assertThat(single.personOf("a")).isEqualTo("person-1");
        Resolution empty = RESOLVER.dedupe(List.of(PersonRecord.of("a", Map.of()), PersonRecord.of("b", Map.of())), List.of());
        assertThat(empty.personOf("a")).isNotEqualTo(empty.personOf("b"));
        assertThatThrownBy(() -> RESOLVER.dedupe(List.of(PersonRecord.of("a", Map.of()), PersonRecord.of("a", Map.of())), List.of()))
                .hasMessageContaining("duplicate record id 'a'");
    }
}
