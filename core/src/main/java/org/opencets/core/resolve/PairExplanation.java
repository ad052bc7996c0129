package org.opencets.core.resolve;

import java.util.List;

/**
 * Why two records score as they do: the prior and each attribute's weight add up to the match
 * weight. Any pair can be explained, compared or not.
 *
 * @param firstId        one record
 * @param secondId       the other
 * @param priorWeight    log2(λ / (1 - λ)) for λ the estimated probability that two random records match
 * @param contributions  one entry per comparison, in model order
 * @param matchWeight    prior plus contributions, in bits
 * @param probability    posterior match probability
 * @param candidate      true when blocking made the pair a candidate (only candidates become model matches)
 * @param judgement      an investigator's verdict on this exact pair, or null
 * @param samePerson     whether the run put the two records in one person
 */
public record PairExplanation(String firstId, String secondId, double priorWeight, List<AttributeWeight> contributions,
                              double matchWeight, double probability, boolean candidate, Judgement.Verdict judgement,
                              boolean samePerson) {
    public PairExplanation {
        contributions = List.copyOf(contributions);
    }

    /** A few lines a person can read: total, then each attribute's weight. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(java.util.Locale.ROOT, "%s ~ %s: match weight %+.2f bits, probability %.6f%s%n", firstId, secondId,
                matchWeight, probability, judgement == null ? "" : ", judged " + judgement));
        s.append(String.format(java.util.Locale.ROOT, "  %-18s %+8.2f%n", "prior", priorWeight));
        for (AttributeWeight w : contributions) {
            s.append(String.format(java.util.Locale.ROOT, "  %-18s %+8.2f  %s%s  (%s | %s)%n", w.comparison(), w.weight(), w.level(),
                    w.frequencyAdjusted() ? ", frequency-adjusted" : "", w.firstValue(), w.secondValue()));
        }
        return s.toString();
    }
}
