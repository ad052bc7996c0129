package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A stored record as its case's investigators read it: where it came from (evidence file and
 * SHA-256, line), what it says (fields as stored: card numbers only masked) and the identifiers it
 * mentions in canonical form with their roles.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordView(@JsonProperty("id") long id,
                         @JsonProperty("kind") String kind,
                         @JsonProperty("file") String file,
                         @JsonProperty("evidence_sha256") String evidenceSha256,
                         @JsonProperty("line") long line,
                         @JsonProperty("occurred_at") String occurredAt,
                         @JsonProperty("fields") Map<String, Object> fields,
                         @JsonProperty("identifiers") List<Mentioned> identifiers) {

    /** One identifier the record mentions, and in what role. */
    public record Mentioned(@JsonProperty("identifier") String identifier, @JsonProperty("role") String role) {
    }
}
