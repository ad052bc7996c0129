package org.opencets.core.resolve;

/**
 * A pair of records the run considers the same person.
 *
 * @param firstId     one record
 * @param secondId    the other
 * @param matchWeight posterior log-odds in bits, prior included (0 is even odds)
 * @param probability posterior probability that the two are one person, {@code 1 / (1 + 2^-w)}
 * @param source      whether the model or an investigator made it a match
 */
public record ScoredPair(String firstId, String secondId, double matchWeight, double probability, Source source) {
    /** Who decided. */
    public enum Source {
        /** Scored at or above the threshold. */
        MODEL,
        /** Confirmed by an investigator (whatever the score). */
        INVESTIGATOR
    }
}
