package automl4j.learners.lightgbm;

import automl4j.learn.FeatureMatrix;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;

/**
 * A native LightGBM dataset (the binned features and the labels), freed by {@link #close()}. Dense matrices keep NaN as
 * missing (LightGBM learns where missing values go); sparse ones go in as CSR without densifying, their absent cells
 * being zeros. The native copies of the Java arrays are freed as soon as LightGBM has binned them.
 */
final class LgbmDataset implements AutoCloseable {
    private final SWIGTYPE_p_void handle;
    private boolean closed;

    private LgbmDataset(SWIGTYPE_p_void handle) {
        this.handle = handle;
    }

    /**
     * Bins {@code x} with {@code labels}; a validation set passes its training set as {@code reference} so that both
     * share the bin boundaries.
     *
     * @throws IllegalStateException with LightGBM's message when it refuses the data or the parameters
     */
    static LgbmDataset of(FeatureMatrix x, float[] labels, String params, LgbmDataset reference) {
        SWIGTYPE_p_void ref = reference == null ? null : reference.handle;
        SWIGTYPE_p_void handle;
        if (x.isSparse()) {
            int[] start = x.rowStart();
            int[] indexes = x.indexes();
            try (NativeArrays.Ints indptr = NativeArrays.ints(start, 0, start.length, 0);
                 NativeArrays.Ints idx = NativeArrays.ints(indexes, 0, indexes.length, 0);
                 NativeArrays.Floats values = NativeArrays.floats(x.values(), 0, indexes.length)) {
                handle = LgbmCalls.handle(out -> lightgbmlib.LGBM_DatasetCreateFromCSR(
                        lightgbmlib.int_to_voidp_ptr(indptr.pointer()), lightgbmlibConstants.C_API_DTYPE_INT32,
                        idx.pointer(), lightgbmlib.float_to_voidp_ptr(values.pointer()),
                        lightgbmlibConstants.C_API_DTYPE_FLOAT32, start.length, indexes.length, x.columns(), params, ref,
                        out), "dataset creation");
            }
        } else {
            float[] cells = x.toArray();
            try (NativeArrays.Floats data = NativeArrays.floats(cells, 0, cells.length)) {
                handle = LgbmCalls.handle(out -> lightgbmlib.LGBM_DatasetCreateFromMat(
                        lightgbmlib.float_to_voidp_ptr(data.pointer()), lightgbmlibConstants.C_API_DTYPE_FLOAT32,
                        x.rows(), x.columns(), 1, params, ref, out), "dataset creation");
            }
        }
        LgbmDataset dataset = new LgbmDataset(handle);
        try (NativeArrays.Floats y = NativeArrays.floats(labels, 0, labels.length)) {
            LgbmCalls.check(lightgbmlib.LGBM_DatasetSetField(handle, "label", lightgbmlib.float_to_voidp_ptr(y.pointer()),
                    labels.length, lightgbmlibConstants.C_API_DTYPE_FLOAT32), "setting labels");
            return dataset;
        } catch (RuntimeException e) {
            dataset.close();
            throw e;
        }
    }

    /** The native handle, valid until {@link #close()}. */
    SWIGTYPE_p_void handle() {
        return handle;
    }

    /** Frees the native dataset; later calls do nothing. A booster built on it must be freed first. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LgbmCalls.check(lightgbmlib.LGBM_DatasetFree(handle), "freeing a dataset");
        }
    }
}
