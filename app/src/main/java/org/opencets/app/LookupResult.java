package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to "have we, or anyone, seen this?": the identifier as normalised, whether it is known,
 * and the cases that hold it — in full where the asker is entitled, as pointers elsewhere.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LookupResult(
        @JsonProperty("type") String type,
        @JsonProperty("identifier") String identifier,
        @JsonProperty("seen") boolean seen,
        @JsonProperty("correlatable") boolean correlatable,
        @JsonProperty("common") boolean common,
        @JsonProperty("stoplisted") String stoplisted,
        @JsonProperty("cases") List<Hit> cases) {

    /** One case holding the identifier. Mentions and roles are given only where the case is shared with the asker. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(@JsonProperty("case") CaseRef caseRef,
                      @JsonProperty("mentions") Long mentions,
                      @JsonProperty("roles") List<String> roles,
                      @JsonProperty("raw_forms") List<String> rawForms) {
    }
}
