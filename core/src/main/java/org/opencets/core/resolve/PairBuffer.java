package org.opencets.core.resolve;

import java.util.Arrays;

/** A growable list of compared pairs in primitive arrays: record indexes and their pattern. */
final class PairBuffer {
    int[] first;
    int[] second;
    long[] pattern;
    int size;

    PairBuffer(int capacity) {
        capacity = Math.max(16, capacity);
        first = new int[capacity];
        second = new int[capacity];
        pattern = new long[capacity];
    }

    void add(int a, int b, long p) {
        if (size == first.length) {
            int n = first.length + (first.length >> 1);
            first = Arrays.copyOf(first, n);
            second = Arrays.copyOf(second, n);
            pattern = Arrays.copyOf(pattern, n);
        }
        first[size] = a;
        second[size] = b;
        pattern[size] = p;
        size++;
    }
}
