package org.opencets.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.store.StoreConfig;
import org.opencets.store.TestDatabases;

/**
 * Person resolution over the store: a man who is a cardholder in one agency's case and an arrestee
 * in another's, written differently and sharing no identifier, becomes one person link, seen through
 * links and alerts under need-to-know; judgements override it and survive re-runs.
 */
class PersonLinksTest {
    static final long SEED = 20261121L;
    /** Records the seed's background makes (printed by {@link #world}). */
    static final long BACKGROUND_RECORDS = 528;
    static final String[] GIVEN = {"Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Noah", "Mia", "Jack", "Ivy",
            "Leo", "Grace", "Oscar", "Freya", "Charlie", "Lily", "Arthur", "Ella", "Henry", "Rosie"};
    static final String[] SYLLABLES = {"bar", "ton", "wick", "ley", "more", "ash", "ford", "ham", "dell", "rig", "cot",
            "well", "by", "stan", "hurst", "mer", "ring", "vale", "den", "thorpe"};
    static final String[] STREETS = {"Elm", "Mill", "Church", "Station", "Park", "Victoria", "Green", "Manor", "Kings", "Queens"};

    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    record World(Deployment d, Path dir) {
        Session as(String user) {
            return d.session(user);
        }
    }

    static String surname(SplittableRandom r) {
        String s = SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)]
                + SYLLABLES[r.nextInt(SYLLABLES.length)];
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static final String[] TOWNS = {"Springfield", "Shelbyville", "Ogdenville", "North Haverbrook", "Brockway", "Capital City",
            "Waverly Hills", "Cypress Creek", "Rivendell Park", "Easthaven", "Westmarch", "Lowbridge"};

    /** A synthetic person: what a card processor or a booking desk would write about them. */
    record Person(String given, String surname, String dob, String address, String town, String postcode) {
        static Person random(SplittableRandom r) {
            return new Person(GIVEN[r.nextInt(GIVEN.length)], PersonLinksTest.surname(r),
                    (1950 + r.nextInt(50)) + "-0" + (1 + r.nextInt(9)) + "-" + (10 + r.nextInt(18)),
                    (1 + r.nextInt(200)) + " " + STREETS[r.nextInt(STREETS.length)] + " Road", TOWNS[r.nextInt(TOWNS.length)],
                    "S" + r.nextInt(90) + " " + r.nextInt(9) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)));
        }
    }

    /**
     * Case C1 (TPS): card purchases by 150 background cardholders (one to three each, as processor
     * returns list repeat buyers) and one by "JONATHAN SMYTHE". Case C2 (RCMP): arrests of 150 other
     * background people (one or two each) and one of "Jonathon Smythe", same address, born
     * 1980-02-03. No identifier is shared between the two cases.
     */
    static World world(String engine, Path dir) throws IOException {
        System.out.println("PersonLinksTest seed " + SEED);
        SplittableRandom r = new SplittableRandom(SEED);
        StringBuilder tx = new StringBuilder();
        StringBuilder arrests = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            Person p = Person.random(r);
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                tx.append("{\"kind\":\"transaction\",\"time\":\"2024-03-01T10:00:00Z\",\"amount\":\"9.99\",\"cardholder_name\":\"")
                        .append(p.given()).append(' ').append(p.surname()).append("\",\"billing_address\":\"").append(p.address())
                        .append("\",\"city\":\"").append(p.town()).append("\",\"postcode\":\"").append(p.postcode()).append("\"}\n");
            }
            Person q = Person.random(r);
            for (int k = 1 + r.nextInt(2); k > 0; k--) {
                arrests.append("{\"kind\":\"arrest\",\"date\":\"2023-11-05\",\"given_name\":\"").append(q.given())
                        .append("\",\"surname\":\"").append(q.surname()).append("\",\"dob\":\"").append(q.dob())
                        .append("\",\"address\":\"").append(q.address()).append("\",\"city\":\"").append(q.town())
                        .append("\",\"postcode\":\"").append(q.postcode()).append("\"}\n");
            }
        }
        long background = tx.chars().filter(c -> c == '\n').count() + arrests.chars().filter(c -> c == '\n').count();
        System.out.println("PersonLinksTest background records " + background);
        tx.append("{\"kind\":\"transaction\",\"time\":\"2024-03-02T10:00:00Z\",\"amount\":\"29.99\",\"cardholder_name\":\"JONATHAN SMYTHE\","
                + "\"billing_address\":\"12 Elm Road\",\"city\":\"Springfield\",\"postcode\":\"S12 9ZZ\",\"email\":\"j.smythe@mailbox.test\"}\n");
        arrests.append("{\"kind\":\"arrest\",\"date\":\"2023-12-01\",\"given_name\":\"Jonathon\",\"surname\":\"Smythe\",\"dob\":\"1980-02-03\","
                + "\"address\":\"12 Elm Road\",\"city\":\"Springfield\",\"postcode\":\"S12 9ZZ\",\"phone\":\"+1 415 555 2671\"}\n");
        StoreConfig config = TestDatabases.fresh(engine, dir.resolve("home"));
        Deployment d = Deployment.init(config, "TPS", "Toronto Police Service", "CA", "alice");
        Session admin = d.session("alice");
        admin.addAgency("RCMP", "Royal Canadian Mounted Police", "CA");
        admin.addUser("bob", "RCMP", Set.of(Role.INVESTIGATOR), "+1 613 555 0100");
        admin.addUser("ann", "TPS", Set.of(Role.ANALYST), null);
        admin.createCase("C1", "TPS", "Gallery buyers", Sharing.AGENCY, null);
        d.session("bob").createCase("C2", "RCMP", "Arrests", Sharing.AGENCY, null);
        Files.writeString(dir.resolve("tx.jsonl"), tx);
        Files.writeString(dir.resolve("arrests.jsonl"), arrests);
        admin.importFile("C1", "jsonl", dir.resolve("tx.jsonl"), Session.ImportOptions.defaults());
        d.session("bob").importFile("C2", "jsonl", dir.resolve("arrests.jsonl"), Session.ImportOptions.defaults());
        return new World(d, dir);
    }

    static List<LinkView> personLinks(Session s) {
        return s.links(null, null).stream().filter(l -> l.kind().equals("person")).toList();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theSamePersonWrittenTwoWaysInTwoAgenciesBecomesOnePersonLink(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        assertThat(w.as("alice").links(null, null)).as("no identifier is shared").isEmpty();

        ResolutionRunReport run = w.as("alice").resolvePersons("test");
        assertThat(run.records()).isEqualTo(BACKGROUND_RECORDS + 2);
        assertThat(run.personsAcrossCases()).isEqualTo(1);
        assertThat(run.linksAdded()).isEqualTo(1);
        assertThat(run.alerts()).isEqualTo(2);

        LinkView seenByAlice = personLinks(w.as("alice")).get(0);
        assertThat(personLinks(w.as("alice"))).hasSize(1);
        assertThat(seenByAlice.a().caseRef().qualified()).isEqualTo("TPS/C1");
        assertThat(seenByAlice.a().role()).isEqualTo("cardholder");
        assertThat(seenByAlice.b().caseRef().qualified()).isEqualTo("RCMP/C2");
        assertThat(seenByAlice.b().caseRef().shared()).as("the other agency's case is a pointer").isFalse();
        assertThat(seenByAlice.b().record()).isNull();
        assertThat(seenByAlice.strength()).isGreaterThanOrEqualTo(0.5);
        assertThat(seenByAlice.evidence()).containsOnlyKeys("rule");
        LinkView seenByBob = personLinks(w.as("bob")).get(0);
        assertThat(seenByBob.a().record()).isNull();
        assertThat(seenByBob.b().role()).isEqualTo("arrestee");
        assertThat(w.as("bob").alerts("C2", null)).anySatisfy(a -> {
            assertThat(a.message()).contains("possibly the same person");
            assertThat(a.otherCase().shared()).isFalse();
        });
        assertThat(w.as("alice").alerts("C1", null)).anySatisfy(a -> assertThat(a.message()).contains("possibly the same person"));

        long cardholder = seenByAlice.a().record();
        long arrestee = seenByBob.b().record();
        // neither may read the other's case: neither can see the values compared, nor name the other's record
        // (it is answered as absent; each judges the link from their side instead: PersonLinkNeedToKnowTest)
        assertThatThrownBy(() -> w.as("alice").explainPair(cardholder, arrestee, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.as("bob").explainPair(cardholder, arrestee, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.as("bob").judge(cardholder, arrestee, false, null)).isInstanceOf(NotFoundException.class);

        // once RCMP shares its case on the network, alice reads both sides: evidence without values, and the explanation
        w.as("bob").setSharing("C2", Sharing.NETWORK);
        LinkView full = personLinks(w.as("alice")).get(0);
        assertThat(full.evidence()).containsKeys("rule", "probability", "comparisons");
        assertThat(full.evidence().toString()).doesNotContainIgnoringCase("smythe").doesNotContainIgnoringCase("elm");
        PairView why = w.as("alice").explainPair(cardholder, arrestee, "check");
        assertThat(why.samePerson()).isTrue();
        assertThat(why.comparisons()).anySatisfy(c -> {
            assertThat(c.comparison()).isEqualTo("surname");
            assertThat(c.firstValue()).isEqualTo("smythe");
        });

        // a second run keeps the link and alerts nobody again
        ResolutionRunReport again = w.as("ann").resolvePersons(null);
        assertThat(again.linksAdded()).isZero();
        assertThat(again.linksKept()).isEqualTo(1);
        assertThat(again.alerts()).isZero();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aRejectionWithdrawsTheLinkAndSurvivesReRuns(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        w.as("bob").setSharing("C2", Sharing.NETWORK);
        w.as("alice").resolvePersons(null);
        LinkView link = personLinks(w.as("alice")).get(0);
        long cardholder = link.a().record();
        long arrestee = link.b().record();

        JudgementView j = w.as("alice").judge(arrestee, cardholder, false, "different men: the arrestee was in custody");
        assertThat(j.verdict()).isEqualTo("different_persons");
        assertThat(j.linksWithdrawn()).isEqualTo(1);
        assertThat(personLinks(w.as("alice"))).isEmpty();
        assertThat(w.as("bob").alerts("C2", null)).anySatisfy(a -> assertThat(a.message()).contains("withdrawn"));

        ResolutionRunReport rerun = w.as("alice").resolvePersons(null);
        assertThat(rerun.judgements()).isEqualTo(1);
        assertThat(rerun.linksAdded()).as("the rejection overrides the model").isZero();
        assertThat(personLinks(w.as("alice"))).isEmpty();
        assertThat(w.as("alice").explainPair(cardholder, arrestee, null).judgement()).isEqualTo("different_persons");

        // changing one's mind: a confirmation replaces the rejection and the next run links them again
        w.as("alice").judge(cardholder, arrestee, true, "same man after all");
        ResolutionRunReport confirmed = w.as("alice").resolvePersons(null);
        assertThat(confirmed.linksAdded()).isEqualTo(1);
        assertThat(personLinks(w.as("alice"))).singleElement()
                .satisfies(l -> assertThat(l.judgement()).isEqualTo("same_person"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void onlyAdministratorsAndAnalystsRunResolutionAndEveryCallIsAudited(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        assertThatThrownBy(() -> w.as("bob").resolvePersons(null)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("administrators and analysts");
        assertThatThrownBy(() -> w.as("alice").judge(1, 1, true, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.as("alice").judge(1, 999_999, true, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no record 999999");
        w.as("ann").resolvePersons("nightly");
        assertThat(w.as("alice").auditEntries(20, null)).extracting(e -> e.action() + " " + e.outcome())
                .contains("resolve.run denied", "resolve.run ok", "resolve.judge error");
    }
}
