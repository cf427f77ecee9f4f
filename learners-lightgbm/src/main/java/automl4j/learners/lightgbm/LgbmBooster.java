package automl4j.learners.lightgbm;

import automl4j.learn.FeatureMatrix;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;

/**
 * A native LightGBM booster, freed by {@link #close()} (idempotent, and safe to call from a cleaner thread). Trains one
 * round at a time, scores its validation set, writes itself as LightGBM's model text and predicts rows in chunks, so
 * that the native copies of the features stay small whatever the number of rows.
 */
final class LgbmBooster implements AutoCloseable {
    /** Rows handed to the native predictor at once: bounds the native copy of the features. */
    static final int PREDICT_CHUNK = 1 << 14;
    private final SWIGTYPE_p_void handle;
    private boolean closed;

    private LgbmBooster(SWIGTYPE_p_void handle) {
        this.handle = handle;
    }

    /** A booster training on {@code train} with {@code params}; free it before the dataset. */
    static LgbmBooster create(LgbmDataset train, String params) {
        return new LgbmBooster(LgbmCalls.handle(out -> lightgbmlib.LGBM_BoosterCreate(train.handle(), params, out),
                "booster creation"));
    }

    /** A booster read from LightGBM's model text, for prediction only. */
    static LgbmBooster fromText(String model) {
        SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
        try {
            return new LgbmBooster(LgbmCalls.handle(out -> lightgbmlib.LGBM_BoosterLoadModelFromString(model, iterations, out),
                    "model loading"));
        } finally {
            lightgbmlib.delete_intp(iterations);
        }
    }

    /** Adds the validation set that {@link #validationScore()} scores; it must outlive this booster. */
    synchronized void addValidation(LgbmDataset valid) {
        LgbmCalls.check(lightgbmlib.LGBM_BoosterAddValidData(handle, valid.handle()), "adding validation data");
    }

    /** Trains one more round; true when LightGBM says no further split is possible (the round added nothing). */
    synchronized boolean trainOneRound() {
        SWIGTYPE_p_int finished = lightgbmlib.new_intp();
        try {
            LgbmCalls.check(lightgbmlib.LGBM_BoosterUpdateOneIter(handle, finished), "training a round");
            return lightgbmlib.intp_value(finished) != 0;
        } finally {
            lightgbmlib.delete_intp(finished);
        }
    }

    /** The first metric on the validation set after the rounds so far. */
    synchronized double validationScore() {
        SWIGTYPE_p_int count = lightgbmlib.new_intp();
        try {
            LgbmCalls.check(lightgbmlib.LGBM_BoosterGetEvalCounts(handle, count), "counting metrics");
            int n = lightgbmlib.intp_value(count);
            try (NativeArrays.Doubles results = NativeArrays.doubles(n)) {
                LgbmCalls.check(lightgbmlib.LGBM_BoosterGetEval(handle, 1, count, results.pointer()), "validation scoring");
                return results.get(0);
            }
        } finally {
            lightgbmlib.delete_intp(count);
        }
    }

    /** Rounds trained so far. */
    synchronized int rounds() {
        SWIGTYPE_p_int out = lightgbmlib.new_intp();
        try {
            LgbmCalls.check(lightgbmlib.LGBM_BoosterGetCurrentIteration(handle, out), "counting rounds");
            return lightgbmlib.intp_value(out);
        } finally {
            lightgbmlib.delete_intp(out);
        }
    }

    /** LightGBM's model text of the first {@code rounds} rounds (all when {@code rounds <= 0}). */
    synchronized String toText(int rounds) {
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        try {
            // The SWIG wrapper grows its buffer when the model is longer than the length given here.
            String text = lightgbmlib.LGBM_BoosterSaveModelToStringSWIG(handle, 0, rounds > 0 ? rounds : -1, 0, 1 << 20, length);
            if (text == null) {
                throw new IllegalStateException("LightGBM model saving failed: " + lightgbmlib.LGBM_GetLastError());
            }
            return text;
        } finally {
            lightgbmlib.delete_int64_tp(length);
        }
    }

    /**
     * Raw scores of every row, {@code width} numbers a row (1, or the number of classes): before the objective's link
     * (sigmoid, softmax), which {@link LgbmLinks} applies.
     */
    synchronized double[] predictRaw(FeatureMatrix x, int width) {
        return run(x, width, lightgbmlibConstants.C_API_PREDICT_RAW_SCORE, PREDICT_CHUNK);
    }

    /**
     * LightGBM's own TreeSHAP values (its {@code pred_contrib}) of every row, in its raw score space: per row and
     * output ({@code outputs}: 1, or the number of classes), one value per feature and then the expected raw score,
     * {@code outputs * (columns + 1)} numbers a row. Sparse rows are handed over dense (they are few: SHAP explains a
     * sample), in chunks of at most about four million results.
     */
    synchronized double[] contributions(FeatureMatrix x, int outputs) {
        int width = Math.multiplyExact(outputs, x.columns() + 1);
        int chunk = Math.max(1, Math.min(PREDICT_CHUNK, (1 << 22) / width));
        FeatureMatrix dense = x.isSparse() ? FeatureMatrix.of(x.toArray(), x.rows(), x.names()) : x;
        return run(dense, width, lightgbmlibConstants.C_API_PREDICT_CONTRIB, chunk);
    }

    /** Predicts {@code width} numbers a row of {@code predictType}, {@code chunk} rows at a time. */
    private double[] run(FeatureMatrix x, int width, int predictType, int chunk) {
        if (closed) {
            throw new IllegalStateException("this LightGBM booster was freed");
        }
        int rows = x.rows();
        double[] out = new double[Math.multiplyExact(rows, width)];
        float[] dense = x.isSparse() ? null : x.toArray();
        int[] start = x.isSparse() ? x.rowStart() : null;
        int[] indexes = x.isSparse() ? x.indexes() : null;
        float[] values = x.isSparse() ? x.values() : null;
        for (int from = 0; from < rows; from += chunk) {
            int to = Math.min(rows, from + chunk);
            int n = to - from;
            SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
            try (NativeArrays.Doubles result = NativeArrays.doubles((long) n * width)) {
                if (dense != null) {
                    try (NativeArrays.Floats data = NativeArrays.floats(dense, from * x.columns(), to * x.columns())) {
                        LgbmCalls.check(lightgbmlib.LGBM_BoosterPredictForMat(handle,
                                lightgbmlib.float_to_voidp_ptr(data.pointer()), lightgbmlibConstants.C_API_DTYPE_FLOAT32, n,
                                x.columns(), 1, predictType, 0, -1, "num_threads=1", length,
                                result.pointer()), "prediction");
                    }
                } else {
                    int first = start[from];
                    int last = start[to];
                    try (NativeArrays.Ints indptr = NativeArrays.ints(start, from, to + 1, first);
                         NativeArrays.Ints idx = NativeArrays.ints(indexes, first, last, 0);
                         NativeArrays.Floats data = NativeArrays.floats(values, first, last)) {
                        LgbmCalls.check(lightgbmlib.LGBM_BoosterPredictForCSR(handle,
                                lightgbmlib.int_to_voidp_ptr(indptr.pointer()), lightgbmlibConstants.C_API_DTYPE_INT32,
                                idx.pointer(), lightgbmlib.float_to_voidp_ptr(data.pointer()),
                                lightgbmlibConstants.C_API_DTYPE_FLOAT32, n + 1, last - first, x.columns(),
                                predictType, 0, -1, "num_threads=1", length, result.pointer()),
                                "prediction");
                    }
                }
                long written = lightgbmlib.int64_tp_value(length);
                if (written != (long) n * width) {
                    throw new IllegalStateException("LightGBM prediction wrote " + written + " numbers for " + n + " rows of "
                            + width + ", expected " + (long) n * width);
                }
                for (int i = 0; i < n * width; i++) {
                    out[from * width + i] = result.get(i);
                }
            } finally {
                lightgbmlib.delete_int64_tp(length);
            }
        }
        return out;
    }

    /** Frees the native booster; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LgbmCalls.check(lightgbmlib.LGBM_BoosterFree(handle), "freeing a booster");
        }
    }
}
