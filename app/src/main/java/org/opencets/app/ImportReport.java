package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one import did: the evidence, the counts, every rejected row with its reason, and remarks.
 * The store keeps it with the import; {@code --json} prints it.
 */
public record ImportReport(
        @JsonProperty("file") String file,
        @JsonProperty("evidence_sha256") String evidenceSha256,
        @JsonProperty("size") long size,
        @JsonProperty("format") String format,
        @JsonProperty("case") String caseNumber,
        @JsonProperty("imported_by") String importedBy,
        @JsonProperty("imported_at") String importedAt,
        @JsonProperty("duplicate") boolean duplicate,
        @JsonProperty("records") long records,
        @JsonProperty("rejected") long rejected,
        @JsonProperty("identifiers") long identifiers,
        @JsonProperty("links") long links,
        @JsonProperty("alerts") long alerts,
        @JsonProperty("became_common") List<String> becameCommon,
        @JsonProperty("rejections") List<Rejection> rejections,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("elapsed_ms") long elapsedMs,
        @JsonProperty("correlation_ms") long correlationMs) {

    /**
     * The file as the report names it, with a card number in its path or name masked: a seized file
     * may be named after the card it concerns, and the report is printed, stored with the import and
     * exported.
     */
    public ImportReport {
        file = org.opencets.core.identifier.TextExtractor.redactCards(file);
    }

    /** A row that was skipped, and why. */
    public record Rejection(@JsonProperty("line") long line, @JsonProperty("reason") String reason) {
    }
}
