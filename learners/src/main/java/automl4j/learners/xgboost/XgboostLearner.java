package automl4j.learners.xgboost;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.DataShape;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees with XGBoost4J ({@code xgboost}), {@code tree_method=hist}, for every task. Trained one round
 * at a time so that a deadline stops it between rounds (a round cannot be interrupted inside native code); the model
 * is then scored with the rounds it has. Given validation rows (during the search), it stops {@value #PATIENCE} rounds
 * after the validation loss last improved (log loss, or RMSE for regression) and predicts with the best round, which
 * it reports as {@code n_estimators} for the refit on all rows. Regression targets are standardized during training.
 * The space is the peer baselines' XGBoost space ({@code PROTOCOL.md}, section 8) with at most 1000 rounds.
 */
public final class XgboostLearner implements Learner {
    static final String VERSION = "3.4.0";
    /** Rounds without improvement on the validation rows after which training stops (as in the peer baselines). */
    static final int PATIENCE = 50;

    /** The learner. */
    public XgboostLearner() {
    }

    @Override
    public String id() {
        return "xgboost";
    }

    @Override
    public Set<Class<? extends Task>> tasks() {
        return Set.of(Classification.class, Regression.class);
    }

    @Override
    public SearchSpace space(Task task) {
        return SearchSpace.of(
                new IntParam("n_estimators", 4, 1000, true),
                new IntParam("max_depth", 2, 12, false),
                new DoubleParam("min_child_weight", 1e-3, 128, true),
                new DoubleParam("learning_rate", 0.01, 1.0, true),
                new DoubleParam("subsample", 0.3, 1.0, false),
                new DoubleParam("colsample_bytree", 0.3, 1.0, false),
                new DoubleParam("reg_alpha", 1e-3, 1e3, true),
                new DoubleParam("reg_lambda", 1e-3, 1e3, true));
    }

    @Override
    public Config defaultConfig(Task task) {
        Map<String, Object> v = new TreeMap<>();
        v.put("n_estimators", 100);
        v.put("max_depth", 6);
        v.put("min_child_weight", 1.0);
        v.put("learning_rate", 0.3);
        v.put("subsample", 1.0);
        v.put("colsample_bytree", 1.0);
        v.put("reg_alpha", 1e-3);
        v.put("reg_lambda", 1.0);
        return Config.of(id(), v);
    }

    @Override
    public boolean acceptsSparse() {
        return true;
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        Task task = data.target().task();
        Map<String, Object> params = new HashMap<>();
        params.put("tree_method", "hist");
        params.put("device", context.device());
        params.put("nthread", context.threads());
        params.put("seed", (int) (context.seed() & 0x7fffffff));
        params.put("verbosity", 0);
        params.put("max_depth", config.intValue("max_depth"));
        params.put("min_child_weight", config.doubleValue("min_child_weight"));
        params.put("eta", config.doubleValue("learning_rate"));
        params.put("subsample", config.doubleValue("subsample"));
        params.put("colsample_bytree", config.doubleValue("colsample_bytree"));
        params.put("alpha", config.doubleValue("reg_alpha"));
        params.put("lambda", config.doubleValue("reg_lambda"));
        if (task instanceof Classification c && c.isBinary()) {
            params.put("objective", "binary:logistic");
        } else if (task instanceof Classification) {
            params.put("objective", "multi:softprob");
            params.put("num_class", data.target().numClasses());
        } else if (task instanceof Regression) {
            params.put("objective", "reg:squarederror");
        } else {
            throw new IllegalStateException("xgboost has no objective for task " + task.label());
        }
        int rounds = config.intValue("n_estimators");
        double[] y = data.labels().toArray();
        // Regression targets are standardized (as the peer baselines do), so that the regularization ranges mean the
        // same whatever the target's scale; predictions are mapped back.
        double mean = 0;
        double sd = 1;
        if (task instanceof Regression) {
            mean = java.util.Arrays.stream(y).average().orElse(0);
            double m = mean;
            double var = java.util.Arrays.stream(y).map(v -> (v - m) * (v - m)).sum() / Math.max(1, y.length);
            sd = var > 0 ? Math.sqrt(var) : 1;
            y = standardized(y, mean, sd);
        }
        TrainingSet valid = context.validation();
        if (valid != null) {
            // Log loss rather than AUC: on validation folds with a handful of positives AUC jumps from round to
            // round, and early stopping on it kept a round count that refitted to a constant model.
            params.put("eval_metric", task instanceof Classification c ? (c.isBinary() ? "logloss" : "mlogloss") : "rmse");
        }
        DMatrix train = null;
        DMatrix validation = null;
        try {
            train = XgbMatrices.of(data.features());
            train.setLabel(toFloat(y));
            Booster booster = XGBoost.train(train, params, 0, Map.of(), null, null);
            EarlyStopping stopping = null;
            if (valid != null) {
                validation = XgbMatrices.of(valid.features());
                double[] vy = valid.labels().toArray();
                validation.setLabel(toFloat(task instanceof Regression ? standardized(vy, mean, sd) : vy));
                stopping = new EarlyStopping(false, PATIENCE);
            }
            for (int round = 0; round < rounds; round++) {
                if (round > 0 && context.pastDeadline()) {
                    break;
                }
                booster.update(train, round);
                if (stopping != null && stopping.record(round,
                        EarlyStopping.parse(booster.evalSet(new DMatrix[] {validation}, new String[] {"valid"}, round)))) {
                    break;
                }
            }
            int kept = stopping != null ? stopping.keptRounds() : 0;
            return new XgboostModel(booster, data.target(), kept, mean, sd, context.device());
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoostError: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
            if (validation != null) {
                validation.dispose();
            }
        }
    }

    private static double[] standardized(double[] y, double mean, double sd) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (y[i] - mean) / sd;
        }
        return out;
    }

    /** XGBoost trains in its native library. */
    @Override
    public boolean nativeCode() {
        return true;
    }

    /**
     * With the CUDA build of XGBoost on the class path (built with {@code -Dcuda}); the CPU build, like the CUDA build without a
     * usable GPU, trains on the CPU and only warns on its native standard error, which the worker reads back.
     */
    @Override
    public boolean usesGpu() {
        return true;
    }

    /** Rounds are trained one at a time with a deadline check before each. */
    @Override
    public boolean stopsAtDeadline() {
        return true;
    }

    /**
     * Heap only: the float copies of the training and validation features handed to the native library, labels and
     * predictions. The native DMatrix and trees live outside the heap and are not counted.
     */
    @Override
    public long memoryEstimate(DataShape shape, Config config) {
        long floats = (long) shape.rows() * shape.columns() * Float.BYTES;
        return 2 * floats + 4L * shape.rows() * shape.outputs() * Double.BYTES + (1L << 20);
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        return XgboostModel.load(artifact);
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
