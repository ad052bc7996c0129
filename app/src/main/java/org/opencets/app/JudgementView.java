package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An investigator's stored decision about two records, as the judge may see it: a record is named
 * only where its case is readable by the judge, and each case in full or as a pointer.
 *
 * @param link           the person link on this pair (the one judged, or the latest on the pair), if any
 * @param linksWithdrawn person links on exactly this pair withdrawn at once (a rejection); the rest of
 *                       its effect — persons split or joined — comes with the next resolution run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JudgementView(@JsonProperty("link") Long link,
                            @JsonProperty("record_a") Long recordA,
                            @JsonProperty("case_a") CaseRef caseA,
                            @JsonProperty("record_b") Long recordB,
                            @JsonProperty("case_b") CaseRef caseB,
                            @JsonProperty("verdict") String verdict,
                            @JsonProperty("judged_by") String judgedBy,
                            @JsonProperty("judged_at") String judgedAt,
                            @JsonProperty("links_withdrawn") int linksWithdrawn) {
}
