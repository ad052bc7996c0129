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
        if (la > 64 || lb > 64) {
            return distance(a, b) <= k;
        }
        return distance(a, b, k) <= k;
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
