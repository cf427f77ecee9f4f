package automl4j.learners.xgboost;

import automl4j.data.Target;
import automl4j.data.TaskType;
import automl4j.internal.ArtifactTargets;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** A fitted XGBoost booster. Exported in XGBoost's UBJ format with the library version recorded. */
final class XgboostModel implements FittedModel {
    private final Booster booster;
    private final Target target;
    private final int treeLimit;
    private final double targetMean;
    private final double targetSd;
    private final String device;

    /**
     * A model predicting with its first {@code treeLimit} rounds (0: all), regression values as {@code mean + sd * raw},
     * trained on {@code device} as asked (XGBoost cannot say where it really trained; a worker reads that back).
     */
    XgboostModel(Booster booster, Target target, int treeLimit, double targetMean, double targetSd, String device) {
        this.booster = booster;
        this.device = device;
        this.target = target;
        this.treeLimit = treeLimit;
        this.targetMean = targetMean;
        this.targetSd = targetSd;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public Map<String, Object> refitSettings() {
        return treeLimit > 0 ? Map.of("n_estimators", treeLimit) : Map.of();
    }

    @Override
    public Predictions predict(FeatureMatrix features) {
        float[][] raw;
        DMatrix m = null;
        try {
            m = XgbMatrices.of(features);
            synchronized (booster) {   // a Booster's prediction cache is not safe for concurrent use
                raw = treeLimit > 0 ? booster.predict(m, false, treeLimit) : booster.predict(m);
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoostError: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
        int n = features.rows();
        if (target.task() == TaskType.REGRESSION) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = targetMean + targetSd * raw[i][0];
            }
            return Predictions.ofValues(v);
        }
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            if (target.task() == TaskType.BINARY) {
                p[i] = new double[] {1 - raw[i][0], raw[i][0]};
            } else {
                p[i] = new double[raw[i].length];
                for (int k = 0; k < raw[i].length; k++) {
                    p[i][k] = raw[i][k];
                }
            }
        }
        return Predictions.ofProbabilities(target.task(), target.classes(), p);
    }

    @Override
    public ModelArtifact export() {
        try {
            Map<String, String> props = new TreeMap<>(ArtifactTargets.of(target));
            props.put("xgboost_version", XgboostLearner.VERSION);
            props.put("tree_limit", Integer.toString(treeLimit));
            props.put("target_mean", Double.toString(targetMean));
            props.put("target_sd", Double.toString(targetSd));
            return new ModelArtifact("xgboost", "xgboost-ubj", props, booster.toByteArray("ubj"));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoostError: " + e.getMessage(), e);
        }
    }

    static XgboostModel load(ModelArtifact artifact) {
        if (!artifact.format().equals("xgboost-ubj")) {
            throw new IllegalArgumentException("xgboost cannot read payload format '" + artifact.format() + "'");
        }
        // Files written before early stopping and standardized targets lack these properties: all rounds, raw values.
        // Checked before the payload reaches the native library.
        Target target = ArtifactTargets.read(artifact);
        int treeLimit = artifact.intProperty("tree_limit", 0, Integer.MAX_VALUE, 0);
        double mean = artifact.finiteProperty("target_mean", 0);
        double sd = artifact.finiteProperty("target_sd", 1);
        if (!(sd > 0)) {
            throw new IllegalArgumentException("xgboost property 'target_sd' must be > 0, but was " + sd);
        }
        byte[] payload = artifact.payload();
        if (payload.length == 0) {
            throw new IllegalArgumentException("xgboost payload is empty");
        }
        try {
            Booster booster = XGBoost.loadModel(payload);
            return new XgboostModel(booster, target, treeLimit, mean, sd, automl4j.learn.FitContext.CPU);
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot load XGBoost model: " + e.getMessage(), e);
        }
    }
}
