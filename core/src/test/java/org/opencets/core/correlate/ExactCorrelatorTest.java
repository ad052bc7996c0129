package org.opencets.core.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;

class ExactCorrelatorTest {
    final Identifier email = Identifier.of(IdentifierType.EMAIL, "a@b.org", true);
    final ExactCorrelator correlator = new ExactCorrelator(3, id -> id.value().endsWith("@example.com"));

    static List<Holding> holdings(long... cases) {
        List<Holding> out = new ArrayList<>();
        for (long c : cases) {
            out.add(new Holding(c, 1, c * 10, "buyer_email"));
        }
        return out;
    }

    @Test
    void linksEveryOtherCaseThatHoldsIt() {
        var d = correlator.decide(email, false, 9, holdings(1, 2));
        assertThat(d.outcome()).isEqualTo(ExactCorrelator.Outcome.LINK);
        assertThat(d.linkTo()).extracting(Holding::caseId).containsExactly(1L, 2L);
    }

    @Test
    void moreCasesThanTheThresholdMakesItCommonAndLinksNothing() {
        assertThat(correlator.decide(email, false, 9, holdings(1, 2, 3)).outcome()).isEqualTo(ExactCorrelator.Outcome.BECOMES_COMMON);
        assertThat(correlator.decide(email, true, 9, holdings(1)).outcome()).isEqualTo(ExactCorrelator.Outcome.ALREADY_COMMON);
    }

    @Test
    void privateAndStoplistedValuesNeverLink() {
        assertThat(correlator.decide(Identifier.of(IdentifierType.IP, "10.0.0.1", false), false, 9, holdings(1)).linkTo()).isEmpty();
        assertThat(correlator.decide(Identifier.of(IdentifierType.EMAIL, "x@example.com", true), false, 9, holdings(1)).outcome())
                .isEqualTo(ExactCorrelator.Outcome.STOPLISTED);
    }

    @Test
    void theImportingCaseNeverLinksToItself() {
        assertThat(correlator.decide(email, false, 1, holdings(1)).outcome()).isEqualTo(ExactCorrelator.Outcome.NOTHING_TO_LINK);
    }
}
