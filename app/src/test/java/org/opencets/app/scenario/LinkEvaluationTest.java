package org.opencets.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LinkEvaluationTest {
    private static final CaseLink A = new CaseLink("email:a@gmail.com", "NRP/PAY-1", "EMC/ARR-1");
    private static final CaseLink B = new CaseLink("phone:+14165550100", "NRP/PAY-1", "EMC/ARR-1");
    private static final CaseLink C = new CaseLink("card:45395700…1234", "LPD/PAY-2", "SVP/PAY-3");

    @Test
    void aLinkIsTheSameWhicheverWayRoundItsCasesAre() {
        assertThat(new CaseLink("email:a@gmail.com", "EMC/ARR-1", "NRP/PAY-1")).isEqualTo(A);
        assertThat(A.caseA()).isEqualTo("EMC/ARR-1");
        assertThatThrownBy(() -> new CaseLink("email:a@gmail.com", "X/1", "X/1")).hasMessageContaining("two different cases");
    }

    @Test
    void precisionAndRecallCountFalseAndMissedLinks() {
        CaseLink falseLink = new CaseLink("ip:94.119.66.18", "NRP/CT-1", "EMC/CT-2");
        LinkEvaluation e = LinkEvaluation.compare(List.of(A, C, falseLink), List.of(A, B, C));
        assertThat(e.correct()).containsExactlyInAnyOrder(A, C);
        assertThat(e.wrong()).containsExactly(falseLink);
        assertThat(e.missed()).containsExactly(B);
        assertThat(e.precision()).isEqualTo(2.0 / 3);
        assertThat(e.recall()).isEqualTo(2.0 / 3);
        // the same identifier between other cases is another link
        assertThat(LinkEvaluation.compare(List.of(new CaseLink(A.identifier(), "NRP/PAY-1", "LPD/PAY-2")), List.of(A))
                .precision()).isZero();
    }

    @Test
    void nothingFoundIsNeitherPreciseNorComplete() {
        assertThat(LinkEvaluation.compare(List.of(), List.of(A)).precision()).isZero();
        assertThat(LinkEvaluation.compare(List.of(), List.of(A)).recall()).isZero();
        assertThat(LinkEvaluation.compare(List.of(), List.of()).precision()).isEqualTo(1.0);
    }

    @Property(tries = 200)
    void findingExactlyTheTruthScoresOne(@ForAll @Size(min = 1, max = 30) List<@StringLength(min = 1, max = 6) String> ids) {
        List<CaseLink> truth = ids.stream().map(i -> new CaseLink("email:" + i, "A/1", "B/" + i.length())).toList();
        LinkEvaluation e = LinkEvaluation.compare(truth.reversed(), truth);
        assertThat(e.precision()).isEqualTo(1.0);
        assertThat(e.recall()).isEqualTo(1.0);
    }
}
