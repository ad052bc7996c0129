package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparisons of one run and the packing of their levels into a pattern: four bits per
 * comparison in a {@code long} (at most 16 comparisons), {@link Comparison#NULL} where a value is
 * missing. The pattern is the γ vector of Fellegi and Sunter (1969).
 */
final class ComparisonVector {
    final Comparison[] comparisons;

    ComparisonVector(List<Comparison> comparisons) {
        if (comparisons.size() > 16) {
            throw new IllegalArgumentException("at most 16 comparisons fit a pattern");
        }
        this.comparisons = comparisons.toArray(Comparison[]::new);
    }

    /** One comparison per attribute present in the data, plus shared strong identifiers when records have them. */
    static ComparisonVector defaults(RecordTable t) {
        List<Comparison> list = new ArrayList<>();
        for (PersonAttribute a : PersonAttribute.values()) {
            if (t.column(a) != null) {
                list.add(AttributeComparison.forAttribute(a, t));
            }
        }
        if (t.recordsWithIdentifiers > 0) {
            list.add(new SharedIdentifierComparison(t));
        }
        return new ComparisonVector(list);
    }

    /** Per comparison: whether the rule's pairs always agree on it (so it says nothing about them). */
    boolean[] forcedBy(BlockingRule rule) {
        boolean[] out = new boolean[comparisons.length];
        java.util.Set<PersonAttribute> attributes = rule.attributes();
        for (int c = 0; c < comparisons.length; c++) {
            out[c] = comparisons[c] instanceof AttributeComparison ac ? attributes.contains(ac.own.attribute)
                    : rule.kind == BlockingRule.Kind.STRONG_IDENTIFIERS;
        }
        return out;
    }

    int size() {
        return comparisons.length;
    }

    long pattern(int a, int b) {
        long p = 0;
        for (int c = 0; c < comparisons.length; c++) {
            p |= (long) comparisons[c].level(a, b) << (4 * c);
        }
        for (int c = comparisons.length; c < 16; c++) {
            p |= (long) Comparison.NULL << (4 * c);
        }
        return p;
    }

    static int level(long pattern, int comparison) {
        return (int) (pattern >>> (4 * comparison)) & 0xF;
    }
}
