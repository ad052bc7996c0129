package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.opencets.core.resolve.AttributeWeight;

/**
 * Why resolution does or does not take two stored records for one person: each comparison's level,
 * the values compared and its weight in bits. Only for a user entitled to both records' cases.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairView(@JsonProperty("record_a") long recordA,
                       @JsonProperty("case_a") CaseRef caseA,
                       @JsonProperty("record_b") long recordB,
                       @JsonProperty("case_b") CaseRef caseB,
                       @JsonProperty("probability") double probability,
                       @JsonProperty("match_weight") double matchWeight,
                       @JsonProperty("prior_weight") double priorWeight,
                       @JsonProperty("same_person") boolean samePerson,
                       @JsonProperty("judgement") String judgement,
                       @JsonProperty("comparisons") List<AttributeWeight> comparisons) {
}
