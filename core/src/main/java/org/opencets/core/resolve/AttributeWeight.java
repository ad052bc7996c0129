package org.opencets.core.resolve;

/**
 * What one comparison contributed to a pair's score.
 *
 * @param comparison          the attribute compared, e.g. {@code surname}, or {@code strong_identifier}
 * @param level               the level the pair fell in, e.g. {@code exact}, {@code Jaro-Winkler >= 0.92},
 *                            or {@code missing} when either side has no value
 * @param firstValue          the first record's normalised value (null when missing)
 * @param secondValue         the second record's normalised value (null when missing)
 * @param weight              match weight in bits: log2(m / u); positive for evidence of a match
 * @param frequencyAdjusted   true when the weight used the value's own frequency rather than the
 *                            average for exact agreement
 */
public record AttributeWeight(String comparison, String level, String firstValue, String secondValue, double weight,
                              boolean frequencyAdjusted) {
}
