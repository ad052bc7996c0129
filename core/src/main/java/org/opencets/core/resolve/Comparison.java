package org.opencets.core.resolve;

import java.util.List;

/**
 * One comparison of the linkage model: looks at one attribute (or the strong identifiers) of two
 * records and says which of its ordered levels the pair falls in. Level 0 is always exact
 * agreement, the last level is "all other": the first level whose test passes wins. {@link #NULL}
 * means a value is missing on either side; it carries no evidence either way.
 */
abstract sealed class Comparison permits AttributeComparison, SharedIdentifierComparison {
    static final int NULL = 15;
    /** Levels fit in four bits of a pattern; 15 is reserved for NULL. */
    static final int MAX_LEVELS = 15;

    final String name;
    final List<String> levels;

    Comparison(String name, List<String> levels) {
        if (levels.size() > MAX_LEVELS) {
            throw new IllegalArgumentException("too many levels in comparison " + name);
        }
        this.name = name;
        this.levels = List.copyOf(levels);
    }

    /** The level of the pair (a, b), or {@link #NULL}. */
    abstract int level(int a, int b);

    /**
     * For a pair agreeing exactly: the share of records holding the value they share (term
     * frequency), used in place of the average u probability of exact agreement.
     */
    abstract double termFrequency(int a, int b);

    /** What record {@code a} holds, for explanations. */
    abstract String describe(int a);

    int levelCount() {
        return levels.size();
    }
}
