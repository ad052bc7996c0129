package org.opencets.core.resolve;

/**
 * Bounded optimal-string-alignment distance (Damerau's insert, delete, substitute and transpose
 * adjacent characters, each substring edited once), for the short codes resolution compares:
 * postcodes, street numbers, identity numbers, dates. Commons Text offers Levenshtein but not
 * transpositions, and a transposed pair of digits is the commonest slip in a number.
 *
 * <p>Design note: the dynamic programme of Damerau (1964) restricted to the diagonal band
 * |i - j| ≤ k, with an early exit when a whole row exceeds k (Ukkonen 1985). Strings here are a few
 * characters long, so three rows of ints on the stack are enough.
 */
final class EditDistance {
    private EditDistance() {
    }

    /** True when {@code a} becomes {@code b} in at most {@code k} edits. */
    static boolean atMost(String a, String b, int k) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > k) {
            return false;
        }
        if (k == 1) {
            return withinOne(a, b);
        }
        if (countLowerBound(a, b) > k) {
            return false;
        }
        if (la > 64 || lb > 64) {
            return distance(a, b) <= k;
        }
        return distance(a, b, k) <= k;
    }

    /**
     * Distance at most one without the table: equal lengths differ in one position or in two
     * adjacent positions holding each other's characters; lengths one apart differ by one
     * inserted character.
     */
    private static boolean withinOne(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int i = 0;
        int n = Math.min(la, lb);
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (i == la) {
                return true;
            }
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true; // one substitution
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2); // one transposition
        }
        if (la > lb) {
            return a.regionMatches(i + 1, b, i, lb - i);
        }
        return b.regionMatches(i + 1, a, i, la - i);
    }

    /**
     * A lower bound of the distance from character counts: each edit changes the counts of at most
     * two characters by one (a transposition changes none), so the distance is at least half the
     * count difference, and at least the length difference.
     */
    private static int countLowerBound(String a, String b) {
        int[] counts = new int[128];
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c >= 128) {
                return 0;
            }
            counts[c]++;
        }
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c >= 128) {
                return 0;
            }
            counts[c]--;
        }
        int diff = 0;
        for (int c : counts) {
            diff += Math.abs(c);
        }
        return Math.max((diff + 1) / 2, Math.abs(a.length() - b.length()));
    }

    static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE / 2);
    }

    private static int distance(String a, String b, int k) {
        int la = a.length();
        int lb = b.length();
        int[] prev2 = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    d = Math.min(d, prev2[j - 2] + 1);
                }
                cur[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > k) {
                return k + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }
}
