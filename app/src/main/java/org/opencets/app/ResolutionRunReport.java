package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one person-resolution run over the store did. Counts only: which persons and cases were
 * joined is read through {@code cets links}, under need-to-know.
 *
 * @param records            person-bearing records resolved (from every case)
 * @param judgements         investigators' judgements applied
 * @param pairsScored        candidate pairs the model compared
 * @param persons            persons found (a record alone is a person of one)
 * @param personsAcrossCases persons whose records sit in more than one case
 * @param linksAdded         new person links (each alerted both cases)
 * @param linksKept          person links of earlier runs still supported
 * @param linksWithdrawn     person links of earlier runs no longer supported (each alerted both cases)
 * @param alerts             alerts written
 * @param overMaxCases       persons spread over more cases than {@code correlation.max-cases}, not linked
 * @param millis             wall time of the run
 */
public record ResolutionRunReport(@JsonProperty("records") long records,
                                  @JsonProperty("judgements") int judgements,
                                  @JsonProperty("pairs_scored") long pairsScored,
                                  @JsonProperty("persons") int persons,
                                  @JsonProperty("persons_across_cases") int personsAcrossCases,
                                  @JsonProperty("links_added") int linksAdded,
                                  @JsonProperty("links_kept") int linksKept,
                                  @JsonProperty("links_withdrawn") int linksWithdrawn,
                                  @JsonProperty("alerts") int alerts,
                                  @JsonProperty("over_max_cases") int overMaxCases,
                                  @JsonProperty("millis") long millis) {
}
