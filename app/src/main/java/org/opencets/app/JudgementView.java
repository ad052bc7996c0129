package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An investigator's stored decision about two records.
 *
 * @param linksWithdrawn person links on exactly this pair withdrawn at once (a rejection); the rest of
 *                       its effect — persons split or joined — comes with the next resolution run
 */
public record JudgementView(@JsonProperty("record_a") long recordA,
                            @JsonProperty("record_b") long recordB,
                            @JsonProperty("verdict") String verdict,
                            @JsonProperty("judged_by") String judgedBy,
                            @JsonProperty("judged_at") String judgedAt,
                            @JsonProperty("links_withdrawn") int linksWithdrawn) {
}
