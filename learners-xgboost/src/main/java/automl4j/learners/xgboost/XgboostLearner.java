package automl4j.learners.xgboost;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.DataShape;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.LearnerTraits;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
    /** Rounds without a better validation score after which early stopping ends a fit. */
    public static final int PATIENCE = 50;

    /** Boosting rounds, at most; early stopping may keep fewer. */
    public static final IntParam N_ESTIMATORS = new IntParam("n_estimators", 4, 1000, true);
    /** Depth of each tree. */
    public static final IntParam MAX_DEPTH = new IntParam("max_depth", 2, 12, false);
    /** Smallest hessian sum of a leaf. */
    public static final DoubleParam MIN_CHILD_WEIGHT = new DoubleParam("min_child_weight", 1e-3, 128, true);
    /** Shrinkage of each round ({@code eta}). */
    public static final DoubleParam LEARNING_RATE = new DoubleParam("learning_rate", 0.01, 1.0, true);
    /** Fraction of the rows sampled for each tree. */
    public static final DoubleParam SUBSAMPLE = new DoubleParam("subsample", 0.3, 1.0, false);
    /** Fraction of the features sampled for each tree. */
    public static final DoubleParam COLSAMPLE_BYTREE = new DoubleParam("colsample_bytree", 0.3, 1.0, false);
    /** L1 regularization of the leaf weights ({@code alpha}). */
    public static final DoubleParam REG_ALPHA = new DoubleParam("reg_alpha", 1e-3, 1e3, true);
    /** L2 regularization of the leaf weights ({@code lambda}). */
    public static final DoubleParam REG_LAMBDA = new DoubleParam("reg_lambda", 1e-3, 1e3, true);

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
        return SearchSpace.of(N_ESTIMATORS, MAX_DEPTH, MIN_CHILD_WEIGHT, LEARNING_RATE, SUBSAMPLE, COLSAMPLE_BYTREE, REG_ALPHA,
                REG_LAMBDA);
    }

    @Override
    public Config defaultConfig(Task task) {
        return Config.builder(id()).with(N_ESTIMATORS, 100).with(MAX_DEPTH, 6).with(MIN_CHILD_WEIGHT, 1.0)
                .with(LEARNING_RATE, 0.3).with(SUBSAMPLE, 1.0).with(COLSAMPLE_BYTREE, 1.0).with(REG_ALPHA, 1e-3)
                .with(REG_LAMBDA, 1.0).build();
    }

    /**
     * Reads sparse rows. Trains in its native library, one round at a time with a deadline check before each. Uses the
     * GPU with the CUDA build of XGBoost on the class path (built with {@code -Dcuda}); the CPU build, like the CUDA
     * build without a usable GPU, trains on the CPU and only warns on its native standard error, which the worker reads
     * back.
     */
    @Override
    public LearnerTraits traits() {
        return LearnerTraits.defaults().withAcceptsSparse(true).withNativeCode(true).withStopsAtDeadline(true).withUsesGpu(true);
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        Task task = data.target().task();
        Map<String, Object> params = boosterParams(data.target(), config, context.threads(), context.seed(), context.device());
        int rounds = config.get(N_ESTIMATORS);
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
            params.put("eval_metric", stoppingMetric(task));
        }
        DMatrix train = null;
        DMatrix validation = null;
        try {
            train = DMatrixPool.take(data.features());
            train.setLabel(toFloat(y));
            Booster booster = XGBoost.train(train, params, 0, Map.of(), null, null);
            EarlyStopping stopping = null;
            if (valid != null) {
                validation = DMatrixPool.take(valid.features());
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
            // Given back even after an error: the matrix itself is unchanged but for its labels, which each fit sets.
            if (train != null) {
                DMatrixPool.release(data.features(), train);
            }
            if (validation != null) {
                DMatrixPool.release(valid.features(), validation);
            }
        }
    }

    /**
     * The booster parameters a fit of {@code config} for {@code target} trains with (objective, tree method and the
     * space's values under XGBoost's names), without the rounds ({@link #N_ESTIMATORS}, boosted one by one) and
     * without an evaluation metric. Public so that a fit elsewhere (such as {@code automl-spark}'s distributed refit,
     * whose workers each train on part of the rows) trains the same model a fit here would.
     *
     * @param target  the target (its task picks the objective; a classification's classes the class count)
     * @param config  the learner's config (without featurization choices)
     * @param threads XGBoost's {@code nthread}
     * @param seed    the fit's seed
     * @param device  {@code cpu} or {@code cuda:N}
     * @return a new, modifiable map
     * @throws IllegalStateException for a task XGBoost has no objective for
     */
    public static Map<String, Object> boosterParams(automl4j.data.Target target, Config config, int threads, long seed, String device) {
        Task task = target.task();
        Map<String, Object> params = new HashMap<>();
        params.put("tree_method", "hist");
        params.put("device", device);
        params.put("nthread", threads);
        params.put("seed", (int) (seed & 0x7fffffff));
        params.put("verbosity", 0);
        params.put("max_depth", config.get(MAX_DEPTH));
        params.put("min_child_weight", config.get(MIN_CHILD_WEIGHT));
        params.put("eta", config.get(LEARNING_RATE));
        params.put("subsample", config.get(SUBSAMPLE));
        params.put("colsample_bytree", config.get(COLSAMPLE_BYTREE));
        params.put("alpha", config.get(REG_ALPHA));
        params.put("lambda", config.get(REG_LAMBDA));
        if (task instanceof Classification c && c.isBinary()) {
            params.put("objective", "binary:logistic");
        } else if (task instanceof Classification) {
            params.put("objective", "multi:softprob");
            params.put("num_class", target.numClasses());
        } else if (task instanceof Regression) {
            params.put("objective", "reg:squarederror");
        } else {
            throw new IllegalStateException("xgboost has no objective for task " + task.label());
        }
        return params;
    }

    /**
     * XGBoost's name of the validation loss early stopping watches for {@code task}: log loss for classification
     * ({@code logloss}, {@code mlogloss}), {@code rmse} for regression. Log loss rather than AUC: on validation folds
     * with a handful of positives AUC jumps from round to round, and early stopping on it kept a round count that
     * refitted to a constant model.
     */
    public static String stoppingMetric(Task task) {
        return task instanceof Classification c ? (c.isBinary() ? "logloss" : "mlogloss") : "rmse";
    }

    /**
     * The fitted model of a booster trained elsewhere with {@link #boosterParams} on labels encoded as a fit here
     * encodes them (class indexes; regression values as {@code (y - targetMean) / targetSd}), through the same checks
     * as a model file's ({@link #load}): what the exported file holds, {@code automl predict} and the scoring library
     * read it as any other.
     *
     * @param boosterUbj the booster in XGBoost's UBJ format, all of its rounds used
     * @param target     the target it predicts
     * @param targetMean the mean the regression labels were standardized with (0 for classification)
     * @param targetSd   their standard deviation (1 for classification)
     * @throws IllegalArgumentException if the booster does not fit the target (objective, class count) or is malformed
     */
    public static FittedModel fromBooster(byte[] boosterUbj, automl4j.data.Target target, double targetMean, double targetSd) {
        return fromBooster(boosterUbj, target, targetMean, targetSd, 0);
    }

    /**
     * As {@link #fromBooster(byte[], automl4j.data.Target, double, double)}, predicting with the booster's first
     * {@code rounds} rounds only (0: all), as a fit here keeps the rounds early stopping chose.
     *
     * @param boosterUbj the booster in XGBoost's UBJ format
     * @param target     the target it predicts
     * @param targetMean the mean the regression labels were standardized with (0 for classification)
     * @param targetSd   their standard deviation (1 for classification)
     * @param rounds     the rounds to predict with, at most the booster's; 0 for all
     * @throws IllegalArgumentException if the booster does not fit the target, is malformed, or has fewer rounds
     */
    public static FittedModel fromBooster(byte[] boosterUbj, automl4j.data.Target target, double targetMean, double targetSd,
                                          int rounds) {
        Map<String, String> props = new java.util.TreeMap<>(automl4j.learn.ArtifactTargets.of(target));
        props.put("xgboost_version", VERSION);
        props.put("tree_limit", Integer.toString(rounds));
        props.put("target_mean", Double.toString(targetMean));
        props.put("target_sd", Double.toString(targetSd));
        return XgboostModel.load(new ModelArtifact("xgboost", "xgboost-ubj", props, boosterUbj));
    }

    private static double[] standardized(double[] y, double mean, double sd) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (y[i] - mean) / sd;
        }
        return out;
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
