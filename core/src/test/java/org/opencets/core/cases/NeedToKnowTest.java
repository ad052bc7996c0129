package org.opencets.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who reads, writes and judges what, on two agencies that share nothing with each other and a third. */
class NeedToKnowTest {
    final Agency tps = new Agency(1, "TPS", "Toronto Police Service", "CA");
    final Agency rcmp = new Agency(2, "RCMP", "Royal Canadian Mounted Police", "CA");
    final Agency opp = new Agency(3, "OPP", "Ontario Provincial Police", "CA");
    final Investigator alice = new Investigator(1, "alice", tps, Set.of(Role.INVESTIGATOR), null);
    final Investigator ann = new Investigator(2, "ann", tps, Set.of(Role.ANALYST), null);
    final Investigator lena = new Investigator(3, "lena", tps, Set.of(Role.ANALYST), null);
    final Investigator tpsAdmin = new Investigator(4, "root", tps, Set.of(Role.ADMIN), null);
    final Investigator bob = new Investigator(5, "bob", rcmp, Set.of(Role.INVESTIGATOR), null);
    final Investigator carol = new Investigator(6, "carol", opp, Set.of(Role.INVESTIGATOR, Role.ADMIN), null);
    /** led by an analyst, lena */
    final CaseFile c1 = new CaseFile(1, "C1", "buyers", tps, Sharing.AGENCY, lena, "2026-01-01T00:00:00Z");
    final CaseFile c2 = new CaseFile(2, "C2", "arrests", rcmp, Sharing.AGENCY, bob, "2026-01-01T00:00:00Z");
    final CaseFile c3 = new CaseFile(3, "C3", "tips", opp, Sharing.NETWORK, carol, "2026-01-01T00:00:00Z");

    @Test
    void aLinkBetweenTwoAgencyOnlyCasesIsJudgedFromEitherSide() {
        assertThat(NeedToKnow.canRead(alice, c2)).isFalse();
        assertThat(NeedToKnow.canRead(bob, c1)).isFalse();
        assertThat(NeedToKnow.canJudgePersonLink(alice, c1, c2)).as("an investigator of C1's agency").isTrue();
        assertThat(NeedToKnow.canJudgePersonLink(bob, c1, c2)).as("C2's lead, an investigator of its agency").isTrue();
        assertThat(NeedToKnow.canJudgePersonLink(bob, c2, c1)).as("either order").isTrue();
        assertThat(NeedToKnow.canJudgePersonLink(tpsAdmin, c1, c2)).as("an administrator of C1's agency").isTrue();
        assertThat(NeedToKnow.canJudgePersonLink(lena, c1, c2)).as("an analyst, but C1's lead").isTrue();
        assertThat(NeedToKnow.canJudgePersonLink(ann, c1, c2)).as("an analyst who leads neither").isFalse();
        assertThat(NeedToKnow.canJudgePersonLink(carol, c1, c2)).as("another agency's administrator").isFalse();
    }

    @Test
    void whoeverReadsBothCasesJudges() {
        assertThat(NeedToKnow.canJudgePersonLink(ann, c1, c3)).as("ann reads C1 and the network case C3").isTrue();
        // carol reads her own C3 and nothing of C2, but investigates for C3's agency
        assertThat(NeedToKnow.canJudgePersonLink(carol, c2, c3)).isTrue();
        // alice reads C3 (network) but neither owns nor leads it, and does not read C2
        assertThat(NeedToKnow.canJudgePersonLink(alice, c2, c3)).isFalse();
    }
}
