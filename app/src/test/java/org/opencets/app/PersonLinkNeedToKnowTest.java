package org.opencets.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencets.core.audit.AuditEntry;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.store.TestDatabases;

/**
 * A person link between two agencies' cases under need to know (findings 6, 8 and 9 of the session-6
 * review). The world is {@link PersonLinksTest#world}: TPS case C1 holds the cardholder "JONATHAN
 * SMYTHE", RCMP case C2 the arrestee "Jonathon Smythe", both cases agency-only. alice is TPS's
 * administrator and investigator (and C1's lead), ann a TPS analyst, bob the RCMP investigator who
 * leads C2; carol is an investigator of a third agency, OPP, which owns neither case.
 */
class PersonLinkNeedToKnowTest {
    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    /** The world, resolved once, with carol added. */
    static PersonLinksTest.World resolved(String engine, Path dir) throws Exception {
        PersonLinksTest.World w = PersonLinksTest.world(engine, dir);
        w.as("alice").addAgency("OPP", "Ontario Provincial Police", "CA");
        w.as("alice").addUser("carol", "OPP", Set.of(Role.INVESTIGATOR), null);
        w.as("alice").resolvePersons("test");
        return w;
    }

    static LinkView theLink(Session s) {
        return PersonLinksTest.personLinks(s).get(0);
    }

    // ------------------------------------------------------------------ finding 8: alerts and links name only one's own side

    @ParameterizedTest
    @MethodSource("engines")
    void aPersonLinkAlertNamesOnlyTheReadersOwnSide(String engine, @TempDir Path dir) throws Exception {
        PersonLinksTest.World w = resolved(engine, dir);
        long cardholder = theLink(w.as("alice")).a().record();
        long arrestee = theLink(w.as("bob")).b().record();

        AlertView bobs = w.as("bob").alerts("C2", null).stream()
                .filter(a -> a.message().contains("same person")).findFirst().orElseThrow();
        assertThat(bobs.message()).contains("an arrestee").contains("record " + arrestee)
                .doesNotContain("cardholder").doesNotContain(Long.toString(cardholder)).doesNotContain(" a arrestee");
        assertThat(bobs.otherCase().shared()).isFalse();
        String bobsJson = new ObjectMapper().writeValueAsString(w.as("bob").alerts(null, null));
        assertThat(bobsJson).doesNotContain("cardholder").doesNotContain("Gallery buyers");

        AlertView alices = w.as("alice").alerts("C1", null).stream()
                .filter(a -> a.message().contains("same person")).findFirst().orElseThrow();
        assertThat(alices.message()).contains("a cardholder").contains("record " + cardholder)
                .doesNotContain("arrestee").doesNotContain(Long.toString(arrestee));

        // the link itself: bob sees his side in full and alice's side as a pointer only
        LinkView seen = theLink(w.as("bob"));
        assertThat(seen.a().record()).isNull();
        assertThat(seen.a().role()).isNull();
        assertThat(seen.a().caseRef().title()).isNull();
        assertThat(seen.a().caseRef().leadContact()).isNotNull();
        assertThat(seen.evidence()).containsOnlyKeys("rule");
        assertThat(new ObjectMapper().writeValueAsString(PersonLinksTest.personLinks(w.as("bob"))))
                .doesNotContain("cardholder").doesNotContain("\"record\":" + cardholder);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anAlertMadeWhileBothCasesWereSharedKeepsNoRoleOnceOneIsNot(String engine, @TempDir Path dir) throws Exception {
        PersonLinksTest.World w = PersonLinksTest.world(engine, dir);
        w.as("bob").setSharing("C2", Sharing.NETWORK);
        w.as("alice").resolvePersons(null);
        w.as("bob").setSharing("C2", Sharing.AGENCY);
        assertThat(w.as("alice").alerts("C1", null)).filteredOn(a -> a.message().contains("same person"))
                .singleElement().satisfies(a -> assertThat(a.message()).doesNotContain("arrestee"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anAlertStoredByAnEarlierVersionIsShownWithoutTheOtherSidesRole(String engine, @TempDir Path dir) throws Exception {
        PersonLinksTest.World w = resolved(engine, dir);
        long linkId = theLink(w.as("alice")).id();
        long arrestee = theLink(w.as("bob")).b().record();
        // what earlier versions stored, on both sides alike
        w.d().db().inWriteTransaction(h -> h.execute("UPDATE alert SET message = ? WHERE link_id = ?",
                "possibly the same person: a cardholder in one case and a arrestee in the other (probability 0.987)", linkId));
        assertThat(w.as("bob").alerts("C2", null)).filteredOn(a -> a.message().contains("same person"))
                .singleElement().satisfies(a -> assertThat(a.message())
                        .doesNotContain("cardholder").contains("an arrestee").contains("record " + arrestee).contains("0.987"));
        assertThat(w.as("alice").alerts("C1", null)).filteredOn(a -> a.message().contains("same person"))
                .singleElement().satisfies(a -> assertThat(a.message()).doesNotContain("arrestee").contains("a cardholder"));
    }

    // ------------------------------------------------------------------ finding 9: a hidden record is answered as a missing one

    @ParameterizedTest
    @MethodSource("engines")
    void aRecordTheUserMayNotReadIsAnsweredLikeOneThatDoesNotExist(String engine, @TempDir Path dir) throws Exception {
        PersonLinksTest.World w = resolved(engine, dir);
        long cardholder = theLink(w.as("alice")).a().record();
        long arrestee = theLink(w.as("bob")).b().record();
        long missing = 9_999_999L;

        Throwable hidden = catchThrowable(() -> w.as("bob").judge(cardholder, arrestee, false, null));
        Throwable absent = catchThrowable(() -> w.as("bob").judge(missing, arrestee, false, null));
        assertThat(hidden).isInstanceOf(NotFoundException.class).hasSameClassAs(absent);
        assertThat(hidden.getMessage()).doesNotContain("C1").doesNotContain("TPS").doesNotContain("shared")
                .isEqualTo(absent.getMessage().replace(Long.toString(missing), Long.toString(cardholder)));
        // in either order of the two ids
        assertThat(catchThrowable(() -> w.as("bob").judge(arrestee, cardholder, true, null)).getMessage())
                .isEqualTo(hidden.getMessage());
        Throwable hiddenExplain = catchThrowable(() -> w.as("bob").explainPair(arrestee, cardholder, null));
        Throwable absentExplain = catchThrowable(() -> w.as("bob").explainPair(arrestee, missing, null));
        assertThat(hiddenExplain).isInstanceOf(NotFoundException.class).hasSameClassAs(absentExplain);
        assertThat(hiddenExplain.getMessage())
                .isEqualTo(absentExplain.getMessage().replace(Long.toString(missing), Long.toString(cardholder)));

        // the audit log, which an auditor reads in full, still tells the two apart
        w.as("alice").addUser("olive", "TPS", Set.of(Role.AUDITOR), null);
        List<AuditEntry> entries = w.as("olive").auditEntries(30, null).stream()
                .filter(e -> e.action().startsWith("resolve.") && e.actor().equals("bob")).toList();
        assertThat(entries).extracting(AuditEntry::outcome).contains("denied", "error");
        assertThat(entries).filteredOn(e -> e.outcome().equals("denied"))
                .allSatisfy(e -> assertThat(e.detail()).contains("TPS/C1"));

        // alice reads C1 but not C2: the same from her side
        assertThat(catchThrowable(() -> w.as("alice").judge(cardholder, arrestee, true, null)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no record " + arrestee);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aLinkTheUserCannotSeeIsAnsweredLikeOneThatDoesNotExist(String engine, @TempDir Path dir) throws Exception {
        PersonLinksTest.World w = resolved(engine, dir);
        long link = theLink(w.as("alice")).id();
        assertThat(PersonLinksTest.personLinks(w.as("carol"))).as("carol reads neither case").isEmpty();
        Throwable hidden = catchThrowable(() -> w.as("carol").judgeLink(link, false, null));
        Throwable absent = catchThrowable(() -> w.as("carol").judgeLink(link + 1000, false, null));
        assertThat(hidden).isInstanceOf(NotFoundException.class).hasSameClassAs(absent);
        assertThat(hidden.getMessage()).isEqualTo(absent.getMessage().replace(Long.toString(link + 1000), Long.toString(link)));
        assertThat(catchThrowable(() -> w.as("carol").explainLink(link, null)).getMessage()).isEqualTo(hidden.getMessage());
        assertThat(theLink(w.as("alice")).judgement()).as("carol changed nothing").isNull();
    }

    // ------------------------------------------------------------------ finding 6: who judges a link across agencies

    @ParameterizedTest
    @MethodSource("engines")
    void anInvestigatorOfEitherCasesAgencyJudgesTheLinkFromTheirSide(String engine, @TempDir Path dir) throws Exception {
        PersonLinksTest.World w = resolved(engine, dir);
        LinkView bobs = theLink(w.as("bob"));
        long cardholder = theLink(w.as("alice")).a().record();
        long arrestee = bobs.b().record();

        JudgementView j = w.as("bob").judgeLink(bobs.id(), false, "the arrestee was in custody that day");
        assertThat(j.link()).isEqualTo(bobs.id());
        assertThat(j.verdict()).isEqualTo("different_persons");
        assertThat(j.linksWithdrawn()).isEqualTo(1);
        assertThat(j.recordB()).isEqualTo(arrestee);
        assertThat(j.recordA()).as("alice's record is not bob's to know").isNull();
        assertThat(j.caseA().shared()).isFalse();
        assertThat(j.caseA().title()).isNull();
        assertThat(new ObjectMapper().writeValueAsString(j)).doesNotContain(Long.toString(cardholder)).doesNotContain("Gallery");

        // the link is withdrawn for both, and alice's case is told by whom
        assertThat(PersonLinksTest.personLinks(w.as("alice"))).isEmpty();
        assertThat(w.as("alice").alerts("C1", null)).anySatisfy(a ->
                assertThat(a.message()).contains("withdrawn").contains("an investigator of RCMP"));
        w.as("alice").addUser("olive", "TPS", Set.of(Role.AUDITOR), null);
        assertThat(w.as("olive").auditEntries(10, null)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("bob");
            assertThat(e.action()).isEqualTo("resolve.judge");
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.target()).contains("link " + bobs.id()).contains(Long.toString(cardholder));
            assertThat(e.reason()).isEqualTo("the arrestee was in custody that day");
        });
        assertThat(w.as("alice").resolvePersons(null).linksAdded()).as("the rejection holds on re-runs").isZero();

        // alice (TPS investigator, C1's lead) may judge the same link from her side: her confirmation replaces bob's rejection
        JudgementView confirmed = w.as("alice").judgeLink(bobs.id(), true, "same man: booking photo matches the card's CCTV");
        assertThat(confirmed.recordA()).isEqualTo(cardholder);
        assertThat(confirmed.recordB()).isNull();
        assertThat(w.as("alice").resolvePersons(null).linksAdded()).isEqualTo(1);
        assertThat(theLink(w.as("bob")).judgement()).isEqualTo("same_person");
        assertThat(w.as("bob").alerts("C2", null)).anySatisfy(a ->
                assertThat(a.message()).contains("an investigator of TPS").contains("same person"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void whoMayNotJudgeALinkAcrossAgenciesAndWhatExplainSays(String engine, @TempDir Path dir) throws Exception {
        PersonLinksTest.World w = resolved(engine, dir);
        long link = theLink(w.as("alice")).id();
        // ann reads C1 but is an analyst and leads neither case: she sees the link, may not judge it
        assertThat(PersonLinksTest.personLinks(w.as("ann"))).hasSize(1);
        assertThatThrownBy(() -> w.as("ann").judgeLink(link, false, null)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("investigators of TPS or RCMP");
        assertThat(theLink(w.as("alice")).judgement()).isNull();

        // explain shows values only to a user who reads both cases; bob is pointed at the other lead instead
        Throwable denied = catchThrowable(() -> w.as("bob").explainLink(link, null));
        assertThat(denied).isInstanceOf(AccessDeniedException.class);
        assertThat(denied.getMessage()).contains("TPS/C1").contains("alice").contains("cets resolve judge --link " + link)
                .doesNotContainIgnoringCase("smythe").doesNotContain("cardholder");

        w.as("bob").setSharing("C2", Sharing.NETWORK);
        PairView why = w.as("alice").explainLink(link, "check");
        assertThat(why.samePerson()).isTrue();
        assertThat(why.comparisons()).anySatisfy(c -> assertThat(c.firstValue()).isEqualTo("smythe"));
        // once alice reads both, ann may judge by the record ids as before, and so by the link
        assertThat(w.as("ann").judgeLink(link, true, null).recordB()).isNotNull();
    }
}
