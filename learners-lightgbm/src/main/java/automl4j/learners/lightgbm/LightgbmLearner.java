package automl4j.learners.lightgbm;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.DataShape;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.LearnerTraits;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Gradient-boosted trees with LightGBM ({@code lightgbm}; leaf-wise growth, histogram bins, missing values learned) for
 * binary, multiclass and regression tasks, on Microsoft's JNI binding {@code lightgbmlib} 3.3.510 (LightGBM 3.3.5, MIT).
 * Trained one round at a time so that a deadline stops it between rounds; given validation rows (during the search) it
 * stops {@value #PATIENCE} rounds after the validation loss last improved (log loss, or L2 for regression), keeps the
 * best round and reports it as {@code n_estimators} for the refit on all rows. Regression targets are standardized
 * during training. Seeded and deterministic: LightGBM's {@code deterministic=true} with row-wise histograms, so the same
 * seed and thread count give the same model. The space follows FLAML's and AutoGluon's LightGBM spaces (leaves, rate,
 * rounds, feature and row sampling, minimum leaf size, L1/L2). Native memory (datasets, the training booster) is freed
 * before {@code fit} returns or throws; a fitted model holds only a predictor read from its model text, freed when the
 * model becomes unreachable.
 */
public final class LightgbmLearner implements Learner {
    static final String VERSION = "3.3.510";
    /** Rounds without improvement on the validation rows after which training stops (as for XGBoost). */
    static final int PATIENCE = 50;

    /** Boosting rounds, at most; early stopping may keep fewer. */
    public static final IntParam N_ESTIMATORS = new IntParam("n_estimators", 4, 2000, true);
    /** Leaves of each tree (LightGBM grows trees leaf by leaf). */
    public static final IntParam NUM_LEAVES = new IntParam("num_leaves", 4, 1024, true);
    /** Shrinkage of each round. */
    public static final DoubleParam LEARNING_RATE = new DoubleParam("learning_rate", 0.005, 1.0, true);
    /** Fewest training rows in a leaf. */
    public static final IntParam MIN_DATA_IN_LEAF = new IntParam("min_data_in_leaf", 2, 128, true);
    /** Fraction of the features sampled for each tree. */
    public static final DoubleParam FEATURE_FRACTION = new DoubleParam("feature_fraction", 0.3, 1.0, false);
    /** Fraction of the rows sampled for each tree (bagging every round when below 1). */
    public static final DoubleParam BAGGING_FRACTION = new DoubleParam("bagging_fraction", 0.5, 1.0, false);
    /** L1 regularization of the leaf values. */
    public static final DoubleParam LAMBDA_L1 = new DoubleParam("lambda_l1", 1e-3, 1e3, true);
    /** L2 regularization of the leaf values. */
    public static final DoubleParam LAMBDA_L2 = new DoubleParam("lambda_l2", 1e-3, 1e3, true);

    /** The learner. */
    public LightgbmLearner() {
    }

    @Override
    public String id() {
        return "lightgbm";
    }

    @Override
    public Set<Class<? extends Task>> tasks() {
        return Set.of(Classification.class, Regression.class);
    }

    @Override
    public SearchSpace space(Task task) {
        return SearchSpace.of(N_ESTIMATORS, NUM_LEAVES, LEARNING_RATE, MIN_DATA_IN_LEAF, FEATURE_FRACTION, BAGGING_FRACTION,
                LAMBDA_L1, LAMBDA_L2);
    }

    /** LightGBM's own defaults: 100 rounds of 31 leaves at rate 0.1, 20 rows a leaf, no sampling, (almost) no L1/L2. */
    @Override
    public Config defaultConfig(Task task) {
        return Config.builder(id()).with(N_ESTIMATORS, 100).with(NUM_LEAVES, 31).with(LEARNING_RATE, 0.1)
                .with(MIN_DATA_IN_LEAF, 20).with(FEATURE_FRACTION, 1.0).with(BAGGING_FRACTION, 1.0).with(LAMBDA_L1, 1e-3)
                .with(LAMBDA_L2, 1e-3).build();
    }

    /**
     * Reads sparse rows (CSR, without densifying). Trains in its native library, one round at a time with a deadline
     * check before each; CPU only.
     */
    @Override
    public LearnerTraits traits() {
        return LearnerTraits.defaults().withAcceptsSparse(true).withNativeCode(true).withStopsAtDeadline(true);
    }

    /**
     * False for now: searched only when named ({@code search.learners: [lightgbm, ...]}). It has no warm-start portfolio
     * entries yet, and on six public-suite datasets at 30 s (one fold, issue 16) adding it to the default set never made
     * it the best model and cost trials; the README's learner section has the figures.
     */
    @Override
    public boolean searchedByDefault() {
        return false;
    }

    @Override
    public FittedModel fit(TrainingSet data, Config config, FitContext context) {
        LgbmNatives.load();
        Task task = data.target().task();
        String params = params(data, config, context);
        double[] y = data.labels().toArray();
        // Regression targets are standardized (as for XGBoost), so that the L1/L2 ranges mean the same whatever the
        // target's scale; predictions are mapped back.
        double mean = 0;
        double sd = 1;
        if (task instanceof Regression) {
            mean = java.util.Arrays.stream(y).average().orElse(0);
            double m = mean;
            double var = java.util.Arrays.stream(y).map(v -> (v - m) * (v - m)).sum() / Math.max(1, y.length);
            sd = var > 0 ? Math.sqrt(var) : 1;
        }
        TrainingSet valid = context.validation();
        int rounds = config.get(N_ESTIMATORS);
        // Closed in reverse order: the booster before the datasets it points into.
        try (LgbmDataset train = LgbmDataset.of(data.features(), labels(y, mean, sd), params, null);
             LgbmDataset validation = valid == null ? null
                     : LgbmDataset.of(valid.features(), labels(valid.labels().toArray(), mean, sd), params, train);
             LgbmBooster booster = LgbmBooster.create(train, params)) {
            EarlyStopping stopping = null;
            if (validation != null) {
                booster.addValidation(validation);
                stopping = new EarlyStopping(PATIENCE);
            }
            for (int round = 0; round < rounds; round++) {
                if (round > 0 && context.pastDeadline()) {
                    break;
                }
                if (booster.trainOneRound()) {
                    break;   // no split left anywhere: later rounds would add nothing
                }
                if (stopping != null && stopping.record(round, booster.validationScore())) {
                    break;
                }
            }
            int kept = stopping != null ? Math.min(stopping.keptRounds(), booster.rounds()) : 0;
            // The fitted model predicts from the same checked text that an export writes, so a loaded model predicts
            // identically, and a text the loader would refuse fails this trial instead of a later load.
            int columns = data.features().columns();
            String text = LgbmModelText.check(booster.toText(kept).getBytes(StandardCharsets.US_ASCII), data.target(), columns);
            return new LightgbmModel(text, data.target(), kept, mean, sd, columns);
        }
    }

    static String params(TrainingSet data, Config config, FitContext context) {
        Task task = data.target().task();
        StringBuilder p = new StringBuilder();
        if (task instanceof Classification c && c.isBinary()) {
            p.append("objective=binary metric=binary_logloss");
        } else if (task instanceof Classification) {
            p.append("objective=multiclass metric=multi_logloss num_class=").append(data.target().numClasses());
        } else if (task instanceof Regression) {
            p.append("objective=regression metric=l2");
        } else {
            throw new IllegalStateException("lightgbm has no objective for task " + task.label());
        }
        double bagging = config.get(BAGGING_FRACTION);
        p.append(" num_leaves=").append(config.get(NUM_LEAVES))
                .append(" learning_rate=").append(number(config.get(LEARNING_RATE)))
                .append(" min_data_in_leaf=").append(config.get(MIN_DATA_IN_LEAF))
                .append(" feature_fraction=").append(number(config.get(FEATURE_FRACTION)))
                .append(" bagging_fraction=").append(number(bagging))
                .append(" bagging_freq=").append(bagging < 1 ? 1 : 0)
                .append(" lambda_l1=").append(number(config.get(LAMBDA_L1)))
                .append(" lambda_l2=").append(number(config.get(LAMBDA_L2)))
                .append(" num_threads=").append(context.threads())
                .append(" seed=").append(context.seed() & 0x7fffffff)
                // deterministic=true needs one fixed histogram layout: row-wise, chosen without timing both.
                .append(" deterministic=true force_row_wise=true verbosity=-1");
        return p.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static float[] labels(double[] y, double mean, double sd) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) ((y[i] - mean) / sd);
        }
        return out;
    }

    /**
     * Heap only: the float copy of the features and labels, and predictions. The native dataset (binned features,
     * about a byte a cell) and the trees live outside the heap and are not counted.
     */
    @Override
    public long memoryEstimate(DataShape shape, Config config) {
        long floats = (long) shape.rows() * shape.columns() * Float.BYTES;
        return 2 * floats + 4L * shape.rows() * shape.outputs() * Double.BYTES + (1L << 20);
    }

    @Override
    public FittedModel load(ModelArtifact artifact) {
        LgbmNatives.load();
        return LightgbmModel.load(artifact);
    }
}
