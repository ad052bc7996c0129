package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonProperty;

/** "Previously seen": a case gained links to another case. */
public record AlertView(@JsonProperty("id") long id,
                        @JsonProperty("case") CaseRef caseRef,
                        @JsonProperty("other_case") CaseRef otherCase,
                        @JsonProperty("message") String message,
                        @JsonProperty("created_at") String createdAt) {
}
