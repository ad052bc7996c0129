package org.opencets.core.resolve;

import java.util.List;

/**
 * Whether two records share a strong identifier (an e-mail address, a phone number, a card's keyed
 * hash). Exact only: the identifiers arrive normalised, and two different e-mail addresses that
 * look alike are two addresses. The term frequency of the rarest shared identifier weighs the
 * agreement, so a shared address that a thousand records use (a mail-drop, a default) counts for
 * little.
 */
final class SharedIdentifierComparison extends Comparison {
    private final RecordTable table;

    SharedIdentifierComparison(RecordTable table) {
        super("strong_identifier", List.of("shares one", "none shared"));
        this.table = table;
    }

    @Override
    int level(int a, int b) {
        int[] x = table.identifiers[a];
        int[] y = table.identifiers[b];
        if (x.length == 0 || y.length == 0) {
            return NULL;
        }
        return rarestShared(x, y) >= 0 ? 0 : 1;
    }

    private int rarestShared(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        int best = -1;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                if (best < 0 || table.identifierCount[x[i]] < table.identifierCount[best]) {
                    best = x[i];
                }
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return best;
    }

    @Override
    double termFrequency(int a, int b) {
        int shared = rarestShared(table.identifiers[a], table.identifiers[b]);
        return (double) table.identifierCount[shared] / Math.max(1, table.recordsWithIdentifiers);
    }

    @Override
    String describe(int a) {
        int[] ids = table.identifiers[a];
        StringBuilder s = new StringBuilder();
        for (int id : ids) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(table.identifierDomain.value(id));
        }
        return s.isEmpty() ? null : s.toString();
    }
}
