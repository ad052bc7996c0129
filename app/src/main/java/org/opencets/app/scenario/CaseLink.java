package org.opencets.app.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An exact link between two cases through one identifier, as the system prints it: the identifier's
 * label ({@code email:jsmith@gmail.com}, {@code card:45567375…9855}, {@code phone:+14155552671},
 * {@code account:telegram:handle}) and the two cases as {@code AGENCY/NUMBER}. The pair is
 * unordered: the constructor puts the cases in alphabetical order, so equal links are equal values.
 */
public record CaseLink(@JsonProperty("identifier") String identifier,
                       @JsonProperty("case_a") String caseA,
                       @JsonProperty("case_b") String caseB) {
    public CaseLink {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(caseA, "caseA");
        Objects.requireNonNull(caseB, "caseB");
        if (caseA.equals(caseB)) {
            throw new IllegalArgumentException("a link joins two different cases, found " + caseA + " twice");
        }
        if (caseA.compareTo(caseB) > 0) {
            String t = caseA;
            caseA = caseB;
            caseB = t;
        }
    }

    @Override
    public String toString() {
        return identifier + " " + caseA + " ↔ " + caseB;
    }
}
