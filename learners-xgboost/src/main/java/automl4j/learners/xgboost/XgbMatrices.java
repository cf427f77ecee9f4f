package automl4j.learners.xgboost;

import automl4j.learn.FeatureMatrix;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Builds XGBoost matrices from feature matrices: dense ones with NaN as missing (featurized data has none), sparse ones
 * in CSR form without densifying (XGBoost then treats absent cells as missing and learns where they go).
 */
final class XgbMatrices {
    private XgbMatrices() {
    }

    static DMatrix of(FeatureMatrix x) throws XGBoostError {
        if (x.isSparse()) {
            int[] start = x.rowStart();
            long[] headers = new long[start.length];
            for (int i = 0; i < start.length; i++) {
                headers[i] = start[i];
            }
            return new DMatrix(headers, x.indexes(), x.values(), DMatrix.SparseType.CSR, x.columns());
        }
        return new DMatrix(x.toArray(), x.rows(), x.columns(), Float.NaN);
    }
}
