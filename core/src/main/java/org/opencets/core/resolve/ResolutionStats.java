package org.opencets.core.resolve;

import java.util.Map;

/**
 * What a run did and how long each step took.
 *
 * @param records                 records resolved
 * @param comparisons             comparisons in the model (attributes present, plus strong identifiers)
 * @param candidatePairs          pairs compared and scored (the union of the blocking rules)
 * @param pairsPerRule            candidate pairs each rule added that no earlier rule had found
 * @param cappedBlocksPerRule     blocks skipped for exceeding the block-size cap, per rule
 * @param randomPairs             random pairs sampled for the u probabilities
 * @param emIterations            expectation–maximisation iterations
 * @param candidateMatchShare     estimated share of matches among candidate pairs
 * @param matchPrior              estimated probability that two random records match (λ)
 * @param thresholdProbability    the threshold used
 * @param pairsAboveThreshold     candidate pairs scored at or above the threshold
 * @param persons                 persons (clusters) found
 * @param mergesRefusedByGuard    merges refused because the groups were not close on average
 * @param mergesRefusedByJudgement merges refused because an investigator rejected a pair across them
 * @param judgementConflicts      confirmations that contradicted a rejection (the rejection won)
 * @param judgementsIgnored       judgements naming a record not in this run
 * @param encodeNanos             normalising and encoding the records
 * @param trainNanos              sampling u and running EM
 * @param compareNanos            blocking and comparing candidate pairs
 * @param scoreNanos              scoring candidate pairs with the trained model
 * @param clusterNanos            clustering
 */
public record ResolutionStats(int records, int comparisons, long candidatePairs, Map<String, Long> pairsPerRule,
                              Map<String, Integer> cappedBlocksPerRule, long randomPairs, int emIterations,
                              double candidateMatchShare, double matchPrior, double thresholdProbability,
                              long pairsAboveThreshold, int persons, int mergesRefusedByGuard,
                              int mergesRefusedByJudgement, int judgementConflicts, int judgementsIgnored,
                              long encodeNanos, long trainNanos, long compareNanos, long scoreNanos,
                              long clusterNanos) {
    public ResolutionStats {
        pairsPerRule = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pairsPerRule));
        cappedBlocksPerRule = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cappedBlocksPerRule));
    }

    public long totalNanos() {
        return encodeNanos + trainNanos + compareNanos + scoreNanos + clusterNanos;
    }
}
