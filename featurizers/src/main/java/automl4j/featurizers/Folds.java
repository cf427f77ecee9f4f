package automl4j.featurizers;

/**
 * Fold of a row from a hash of its position and a salt: deterministic, independent of row order in the data, and
 * free of the shuffle a permutation of a million rows would cost. Fold sizes differ by the binomial noise only.
 */
final class Folds {
    private Folds() {
    }

    static int of(int position, long salt, int folds) {
        long z = position * 0x9E3779B97F4A7C15L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) Math.floorMod(z, (long) folds);
    }
}
