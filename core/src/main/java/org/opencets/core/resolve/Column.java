package org.opencets.core.resolve;

/**
 * One attribute of all records, dictionary-encoded: {@code valueOf[record]} is a value id in the
 * column's {@link Domain}, or -1 when missing; {@code count[value]} is how many records of this
 * column hold it (term frequency).
 */
final class Column {
    final PersonAttribute attribute;
    final Domain domain;
    final int[] valueOf;
    int[] count;
    int present;

    Column(PersonAttribute attribute, Domain domain, int records) {
        this.attribute = attribute;
        this.domain = domain;
        this.valueOf = new int[records];
        java.util.Arrays.fill(valueOf, -1);
    }

    void countValues() {
        count = new int[domain.size()];
        present = 0;
        for (int v : valueOf) {
            if (v >= 0) {
                count[v]++;
                present++;
            }
        }
    }

    String value(int record) {
        int v = valueOf[record];
        return v < 0 ? null : domain.value(v);
    }
}
