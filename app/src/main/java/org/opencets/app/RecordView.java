package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A stored record as its case's investigators read it: where it came from (evidence file and
 * SHA-256, line), what it says (fields as stored: card numbers only masked) and the identifiers it
 * mentions in canonical form with their roles.
 *
 * <p>The fields are in the order of their names, in text and JSON alike. Readers build them in
 * different orders (some in the file's, some in immutable maps without any), and a store keeps
 * whatever order a record was written in; sorted, every record of every import reads the same way.
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
    public RecordView {
        fields = fields == null ? null : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(fields));
    }

    /** One identifier the record mentions, and in what role. */
    public record Mentioned(@JsonProperty("identifier") String identifier, @JsonProperty("role") String role) {
    }
}
