package org.opencets.core.resolve;

import java.util.Arrays;

/**
 * How many pairs fell in each distinct pattern: an open-addressing map from pattern to count.
 * Expectation–maximisation iterates over distinct patterns, a few thousand, not over the millions
 * of pairs.
 */
final class PatternCounts {
    private static final long EMPTY = -1L;
    private long[] keys = new long[1024];
    private long[] counts = new long[1024];
    private int size;

    PatternCounts() {
        Arrays.fill(keys, EMPTY);
    }

    void add(long pattern, long count) {
        if (pattern == EMPTY) {
            return; // every value missing on one side or the other: no evidence, nothing to learn
        }
        int mask = keys.length - 1;
        int i = (int) BlockingRule.mix(pattern) & mask;
        while (true) {
            if (keys[i] == pattern) {
                counts[i] += count;
                return;
            }
            if (keys[i] == EMPTY) {
                keys[i] = pattern;
                counts[i] = count;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }

    void addAll(PatternCounts other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != EMPTY) {
                add(other.keys[i], other.counts[i]);
            }
        }
    }

    int size() {
        return size;
    }

    /** The distinct patterns and their counts, in a deterministic (sorted) order. */
    long[][] toArrays() {
        long[] p = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                p[n++] = k;
            }
        }
        Arrays.sort(p);
        long[] c = new long[size];
        for (int i = 0; i < size; i++) {
            c[i] = count(p[i]);
        }
        return new long[][] {p, c};
    }

    private long count(long pattern) {
        int mask = keys.length - 1;
        int i = (int) BlockingRule.mix(pattern) & mask;
        while (keys[i] != pattern) {
            i = (i + 1) & mask;
        }
        return counts[i];
    }
}
