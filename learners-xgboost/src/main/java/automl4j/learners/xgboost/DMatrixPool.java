package automl4j.learners.xgboost;

import automl4j.learn.FeatureMatrix;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.WeakHashMap;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost matrices kept across the trials of a JVM, one pool per feature matrix (by identity): the search fits many
 * configs on the same featurized split, and building its {@link DMatrix} (a copy of the features into native memory)
 * and, on the first {@code hist} round, its quantile sketch and histogram index is a large part of a short trial on
 * many rows. XGBoost caches that index inside the DMatrix, so a reused DMatrix skips both. A DMatrix is lent to one
 * fit at a time (XGBoost builds the index lazily, without a guarantee for concurrent boosters) and given back after it;
 * concurrent fits on the same features get a DMatrix each. The pooled copies are capped in size ({@link #CAP_BYTES}). A
 * pool goes when its feature matrix is no longer reachable;
 * its DMatrices are then freed by their finalizers. Labels are not part of the key: each fit sets its own. Thread-safe.
 */
final class DMatrixPool {
    private static final Map<FeatureMatrix, Deque<DMatrix>> FREE = new WeakHashMap<>();

    /**
     * Most bytes of native matrices kept between fits in one JVM: 512 MiB, a quarter of a 2 GiB worker heap, beside
     * which the native copies live.
     */
    static final long CAP_BYTES = 512L << 20;

    private DMatrixPool() {
    }

    /** A DMatrix of {@code x}, from the pool or new; give it back with {@link #release}. */
    static DMatrix take(FeatureMatrix x) throws XGBoostError {
        synchronized (FREE) {
            Deque<DMatrix> free = FREE.get(x);
            if (free != null && !free.isEmpty()) {
                return free.pop();
            }
        }
        return XgbMatrices.of(x);
    }

    /**
     * A pooled DMatrix of {@code x}, or null if none is free: for predictions, which pool only the matrices that fits
     * already pooled (the validation rows), so that predicting on a user's rows leaves no native copy behind.
     */
    static DMatrix takePooled(FeatureMatrix x) {
        synchronized (FREE) {
            Deque<DMatrix> free = FREE.get(x);
            return free == null || free.isEmpty() ? null : free.pop();
        }
    }

    /**
     * Gives {@code m}, taken for {@code x}, back for the next fit on {@code x}; disposes of it instead when the pool
     * would then hold more than {@link #CAP_BYTES} of native copies (at a million rows a split's matrices are hundreds
     * of megabytes, and every featurization choice has its own).
     */
    static void release(FeatureMatrix x, DMatrix m) {
        synchronized (FREE) {
            if (pooledBytes() + nativeBytes(x) <= CAP_BYTES) {
                FREE.computeIfAbsent(x, k -> new ArrayDeque<>()).push(m);
                return;
            }
        }
        m.dispose();
    }

    /** Estimated native bytes of a DMatrix of {@code x}: its stored cells (float value and, if sparse, column index) and its histogram index (a byte a cell). */
    static long nativeBytes(FeatureMatrix x) {
        return x.storedCells() * (x.isSparse() ? 9L : 5L);
    }

    private static long pooledBytes() {
        long sum = 0;
        for (Map.Entry<FeatureMatrix, Deque<DMatrix>> e : FREE.entrySet()) {
            sum += e.getValue().size() * nativeBytes(e.getKey());
        }
        return sum;
    }
}
