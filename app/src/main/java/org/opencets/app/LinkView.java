package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A link as one user may see it. Each side names its case; the record and role on a side are given
 * only where that case is shared with the user.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkView(@JsonProperty("id") long id,
                       @JsonProperty("kind") String kind,
                       @JsonProperty("identifier") String identifier,
                       @JsonProperty("a") Side a,
                       @JsonProperty("b") Side b,
                       @JsonProperty("strength") double strength,
                       @JsonProperty("evidence") Map<String, Object> evidence,
                       @JsonProperty("created_at") String createdAt,
                       @JsonProperty("judgement") String judgement) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(@JsonProperty("case") CaseRef caseRef,
                       @JsonProperty("record") Long record,
                       @JsonProperty("role") String role) {
    }
}
