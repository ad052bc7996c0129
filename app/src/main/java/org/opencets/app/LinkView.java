package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A link as one user may see it. Each side names its case; the record and role on a side are given
 * only where that case is shared with the user.
 *
 * <p>{@code common} is true when the link's identifier has since become common (held by more cases
 * than {@code correlation.max-cases}): the link was made before that was known, stays as it was
 * made, and is flagged so that nobody takes it for evidence. {@code stoplisted}, likewise, gives the
 * stoplist entry that now matches the link's identifier (an entry added after the link was made),
 * or is absent.
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
                       @JsonProperty("judgement") String judgement,
                       @JsonProperty("common") boolean common,
                       @JsonProperty("stoplisted") String stoplisted) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(@JsonProperty("case") CaseRef caseRef,
                       @JsonProperty("record") Long record,
                       @JsonProperty("role") String role) {
    }
}
