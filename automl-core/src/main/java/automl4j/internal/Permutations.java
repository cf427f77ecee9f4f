package automl4j.internal;

import java.util.SplittableRandom;

/** Random permutations drawn from a caller's generator, so the caller's seed decides them. */
public final class Permutations {
    private Permutations() {
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    public static int[] of(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * {@code k} distinct indexes of {@code 0..n-1} drawn at random, in increasing order (so a table selection keeps them
     * in table order): the first {@code k} of {@link #of}, sorted; all of them when {@code k >= n}.
     */
    public static int[] sample(int n, int k, SplittableRandom random) {
        int[] picked = java.util.Arrays.copyOf(of(n, random), Math.min(n, k));
        java.util.Arrays.sort(picked);
        return picked;
    }
}
