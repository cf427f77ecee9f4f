package automl4j.learners.xgboost;

import automl4j.learn.FeatureMatrix;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Builds XGBoost matrices from feature matrices; NaN marks missing (featurized data has none). */
final class XgbMatrices {
    private XgbMatrices() {
    }

    static DMatrix of(FeatureMatrix x) throws XGBoostError {
        return new DMatrix(x.toArray(), x.rows(), x.columns(), Float.NaN);
    }
}
