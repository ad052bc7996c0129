package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares one attribute through an ordered list of level tests, cheapest first after exact
 * agreement. Jaro–Winkler similarity (Winkler 1990), computed at most once per pair, serves every
 * similarity band; phonetic equality uses Double Metaphone (Philips 2000) codes computed once per
 * distinct value.
 */
final class AttributeComparison extends Comparison {
    /** The kinds of test a level may apply, in the order they are written in a comparison. */
    enum Test {
        /** Same normalised value. */
        EXACT,
        /** This attribute of one record equals the partner attribute of the other (given name and surname swapped). */
        SWAPPED,
        /** Jaro–Winkler similarity at least the parameter. */
        JARO_WINKLER,
        /** A shared Double Metaphone code. */
        SOUNDS_ALIKE,
        /** At most the parameter edits (insert, delete, substitute, transpose). */
        EDITS,
        /** Dates {@code yyyymmdd}: same year, day and month exchanged. */
        DAY_MONTH_SWAPPED,
        /** Dates: same year only. */
        SAME_YEAR,
        /** Anything else. */
        OTHER
    }

    record Level(Test test, double parameter, String label) {
    }

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    final Column own;
    final Column partner;
    private final Test[] tests;
    private final double[] parameters;
    private final double lowestJaroWinkler;

    AttributeComparison(String name, Column own, Column partner, List<Level> levels) {
        super(name, levels.stream().map(Level::label).toList());
        if (levels.get(0).test() != Test.EXACT || levels.get(levels.size() - 1).test() != Test.OTHER) {
            throw new IllegalArgumentException("a comparison starts with EXACT and ends with OTHER");
        }
        this.own = own;
        this.partner = partner;
        this.tests = levels.stream().map(Level::test).toArray(Test[]::new);
        this.parameters = levels.stream().mapToDouble(Level::parameter).toArray();
        this.lowestJaroWinkler = levels.stream().filter(l -> l.test() == Test.JARO_WINKLER).mapToDouble(Level::parameter)
                .min().orElse(1);
    }

    /**
     * An upper bound of the Jaro–Winkler similarity that Commons Text computes, from character
     * counts alone, so that most dissimilar pairs skip the full computation with the same outcome.
     * Jaro is (m/|a| + m/|b| + (m - t)/m) / 3, where the m matching characters are at most the
     * size c of the two strings' character multiset intersection and the last term is at most 1;
     * Winkler's boost J + 0.1 l (1 - J), with l the common prefix up to 4, grows with J. Returns 1
     * (no pruning) for characters outside a-z and 0-9.
     */
    static double jaroWinklerUpperBound(String a, String b) {
        int[] counts = new int[36];
        for (int i = 0; i < a.length(); i++) {
            int k = slot(a.charAt(i));
            if (k < 0) {
                return 1;
            }
            counts[k]++;
        }
        int common = 0;
        for (int i = 0; i < b.length(); i++) {
            int k = slot(b.charAt(i));
            if (k < 0) {
                return 1;
            }
            if (counts[k] > 0) {
                counts[k]--;
                common++;
            }
        }
        if (common == 0) {
            return 0;
        }
        int prefix = 0;
        int max = Math.min(4, Math.min(a.length(), b.length()));
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        double jaro = ((double) common / a.length() + (double) common / b.length() + 1) / 3;
        return jaro + 0.1 * prefix * (1 - jaro);
    }

    private static int slot(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return 26 + c - '0';
        }
        return -1;
    }

    @Override
    int level(int a, int b) {
        int va = own.valueOf[a];
        int vb = own.valueOf[b];
        if (va < 0 || vb < 0) {
            return NULL;
        }
        if (va == vb) {
            return 0;
        }
        double similarity = -1;
        for (int l = 1; l < tests.length - 1; l++) {
            switch (tests[l]) {
                case SWAPPED -> {
                    if (partner != null) {
                        int pa = partner.valueOf[a];
                        int pb = partner.valueOf[b];
                        if (pa == vb || pb == va) {
                            return l;
                        }
                    }
                }
                case JARO_WINKLER -> {
                    if (similarity < 0) {
                        String x = own.domain.value(va);
                        String y = own.domain.value(vb);
                        similarity = jaroWinklerUpperBound(x, y) < lowestJaroWinkler ? 0 : JARO_WINKLER.apply(x, y);
                    }
                    if (similarity >= parameters[l]) {
                        return l;
                    }
                }
                case SOUNDS_ALIKE -> {
                    if (own.domain.soundAlike(va, vb)) {
                        return l;
                    }
                }
                case EDITS -> {
                    if (EditDistance.atMost(own.domain.value(va), own.domain.value(vb), (int) parameters[l])) {
                        return l;
                    }
                }
                case DAY_MONTH_SWAPPED -> {
                    String x = own.domain.value(va);
                    String y = own.domain.value(vb);
                    if (x.length() == 8 && y.length() == 8 && x.regionMatches(0, y, 0, 4)
                            && x.regionMatches(4, y, 6, 2) && x.regionMatches(6, y, 4, 2)) {
                        return l;
                    }
                }
                case SAME_YEAR -> {
                    String x = own.domain.value(va);
                    String y = own.domain.value(vb);
                    if (x.length() == 8 && y.length() == 8 && x.regionMatches(0, y, 0, 4)) {
                        return l;
                    }
                }
                default -> throw new IllegalStateException("test " + tests[l] + " cannot be a middle level");
            }
        }
        return tests.length - 1;
    }

    @Override
    double termFrequency(int a, int b) {
        return (double) own.count[own.valueOf[a]] / own.present;
    }

    @Override
    String describe(int a) {
        return own.value(a);
    }

    /** The default comparison for an attribute, given the columns present. */
    static AttributeComparison forAttribute(PersonAttribute attribute, RecordTable table) {
        Column own = table.column(attribute);
        String name = attribute.name().toLowerCase(java.util.Locale.ROOT);
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(Test.EXACT, 0, "exact"));
        Column partner = null;
        switch (attribute) {
            case GIVEN_NAME, SURNAME -> {
                partner = table.column(attribute == PersonAttribute.GIVEN_NAME ? PersonAttribute.SURNAME : PersonAttribute.GIVEN_NAME);
                if (partner != null) {
                    levels.add(new Level(Test.SWAPPED, 0, "swapped with " + (attribute == PersonAttribute.GIVEN_NAME ? "surname" : "given name")));
                }
                levels.add(new Level(Test.JARO_WINKLER, 0.92, "Jaro-Winkler >= 0.92"));
                levels.add(new Level(Test.SOUNDS_ALIKE, 0, "sounds alike (Double Metaphone)"));
                levels.add(new Level(Test.JARO_WINKLER, 0.80, "Jaro-Winkler >= 0.80"));
            }
            case ADDRESS_LINE_1, ADDRESS_LINE_2 -> {
                partner = table.column(attribute == PersonAttribute.ADDRESS_LINE_1 ? PersonAttribute.ADDRESS_LINE_2 : PersonAttribute.ADDRESS_LINE_1);
                if (partner != null) {
                    levels.add(new Level(Test.SWAPPED, 0, "swapped with the other address line"));
                }
                levels.add(new Level(Test.JARO_WINKLER, 0.92, "Jaro-Winkler >= 0.92"));
                levels.add(new Level(Test.JARO_WINKLER, 0.80, "Jaro-Winkler >= 0.80"));
            }
            case LOCALITY -> {
                levels.add(new Level(Test.JARO_WINKLER, 0.92, "Jaro-Winkler >= 0.92"));
                levels.add(new Level(Test.JARO_WINKLER, 0.80, "Jaro-Winkler >= 0.80"));
            }
            case DATE_OF_BIRTH -> {
                levels.add(new Level(Test.DAY_MONTH_SWAPPED, 0, "day and month swapped"));
                levels.add(new Level(Test.EDITS, 1, "one digit off"));
                levels.add(new Level(Test.SAME_YEAR, 0, "same year only"));
            }
            case STREET_NUMBER, POSTCODE -> levels.add(new Level(Test.EDITS, 1, "one character off"));
            case NATIONAL_ID -> {
                levels.add(new Level(Test.EDITS, 1, "one character off"));
                levels.add(new Level(Test.EDITS, 2, "two characters off"));
            }
            case STATE -> {
            }
        }
        levels.add(new Level(Test.OTHER, 0, "different"));
        return new AttributeComparison(name, own, partner, levels);
    }
}
