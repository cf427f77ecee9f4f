package automl4j.learners.xgboost;

import automl4j.data.TaskType;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.EnumSet;
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
 * is then scored with the rounds it has. The space is the peer baselines' XGBoost space ({@code PROTOCOL.md}, section
 * 8) with at most 1000 rounds.
 */
public final class XgboostLearner implements Learner {
    static final String VERSION = "3.4.0";

    /** The learner. */
    public XgboostLearner() {
    }

    @Override
    public String id() {
        return "xgboost";
    }

    @Override
    public Set<TaskType> tasks() {
        return EnumSet.allOf(TaskType.class);
    }

    @Override
    public SearchSpace space(TaskType task) {
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
    public Config defaultConfig(TaskType task) {
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
        TaskType task = data.target().task();
        Map<String, Object> params = new HashMap<>();
        params.put("tree_method", "hist");
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
        switch (task) {
            case BINARY -> params.put("objective", "binary:logistic");
            case MULTICLASS -> {
                params.put("objective", "multi:softprob");
                params.put("num_class", data.target().numClasses());
            }
            case REGRESSION -> params.put("objective", "reg:squarederror");
            default -> throw new IllegalStateException("unhandled task " + task);
        }
        int rounds = config.intValue("n_estimators");
        DMatrix train = null;
        try {
            train = XgbMatrices.of(data.features());
            train.setLabel(toFloat(data.labels().toArray()));
            Booster booster = XGBoost.train(train, params, 0, Map.of(), null, null);
            for (int round = 0; round < rounds; round++) {
                if (round > 0 && context.pastDeadline()) {
                    break;
                }
                booster.update(train, round);
            }
            return new XgboostModel(booster, data.target());
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoostError: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
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
