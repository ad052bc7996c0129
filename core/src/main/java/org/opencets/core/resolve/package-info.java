/**
 * Person resolution: finding one real person behind records written different ways — a typo, a
 * nickname, a transposed birth date, a new address — with the reasons, under investigators'
 * judgement.
 *
 * <p>The engine is probabilistic record linkage in the Fellegi–Sunter tradition: comparisons with
 * graded levels per attribute, u probabilities from random pairs, m probabilities by
 * expectation–maximisation (no labels), term-frequency adjustment of exact agreement, candidate
 * pairs from the union of several blocking rules, and clustering guarded against chaining.
 * Judgements (this pair is, or is not, one person) override the model.
 *
 * <p>The public surface: {@link org.opencets.core.resolve.PersonResolver} takes
 * {@link org.opencets.core.resolve.PersonRecord}s and {@link org.opencets.core.resolve.Judgement}s
 * and returns a {@link org.opencets.core.resolve.Resolution}: persons, matched pairs, an explanation
 * for any pair and the run's statistics. Everything else is package-private. The method is written
 * up in {@code docs/RESOLUTION.md}.
 */
package org.opencets.core.resolve;
