package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A case in full (records by kind, imports, link and alert counts), or a pointer with the rest null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDetails(@JsonProperty("case") CaseRef caseRef,
                          @JsonProperty("records") Map<String, Long> records,
                          @JsonProperty("imports") List<ImportLine> imports,
                          @JsonProperty("links") Long links,
                          @JsonProperty("alerts") Long alerts) {

    public record ImportLine(@JsonProperty("file") String file,
                             @JsonProperty("evidence_sha256") String sha256,
                             @JsonProperty("format") String format,
                             @JsonProperty("imported_by") String importedBy,
                             @JsonProperty("imported_at") String importedAt,
                             @JsonProperty("records") long records,
                             @JsonProperty("rejected") long rejected) {
    }
}
