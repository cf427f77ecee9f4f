package automl4j.execute;

import automl4j.internal.Permutations;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.TrainingSet;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * The training samples of the row rungs ({@link RowRungs}): the first {@code n} rows of one fixed shuffle of a split's
 * training part, so that the samples of a split are nested and the same for every trial (a trial's loss at a rung is
 * then comparable with another's), kept in sorted row order. Each sample is made once per split in this JVM and
 * shared, so a learner that caches its native copy of a matrix by identity (XGBoost) reuses it across trials; entries
 * go when their split's training part is no longer used. Thread-safe.
 */
final class RowSamples {
    /** Seed of the shuffle: fixed, so that every trial and every worker draws the same samples. */
    private static final long SEED = 0x5eed_f1de1L;
    private static final Map<FeatureMatrix, Map<Integer, TrainingSet>> BY_SPLIT = new WeakHashMap<>();

    private RowSamples() {
    }

    /** The first {@code rows} rows of the fixed shuffle of {@code train}, or {@code train} itself if it has no more. */
    static TrainingSet of(TrainingSet train, int rows) {
        if (rows >= train.size()) {
            return train;
        }
        synchronized (BY_SPLIT) {
            return BY_SPLIT.computeIfAbsent(train.features(), k -> new TreeMap<>())
                    .computeIfAbsent(rows, n -> train.select(positions(train.size(), n)));
        }
    }

    /** The first {@code n} positions of the fixed shuffle of {@code size} rows, sorted. */
    static int[] positions(int size, int n) {
        int[] perm = Permutations.of(size, new SplittableRandom(SEED));
        int[] out = Arrays.copyOf(perm, n);
        Arrays.sort(out);
        return out;
    }
}
