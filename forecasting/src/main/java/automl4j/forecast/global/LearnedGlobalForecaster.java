package automl4j.forecast.global;

import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.ForecastException;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.TrainingSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A global forecaster on one of the engine's learners (found by id with {@link java.util.ServiceLoader}): it learns a
 * regression of a series' scaled future values on its scaled recent values ({@link WindowFeatures}) from the rows of
 * every series long enough, with a fixed config chosen for this use (no search inside the fit). {@link #lightgbm()},
 * {@link #xgboost()} and {@link #linear()} are the ones offered; {@link #byId} finds them by id.
 *
 * <p>A fit: each series is divided by its seasonal indices where it has a season ({@link SeasonalAdjustment}); the
 * rows of every origin are built ({@link TrainingRows}, at most {@value #DEFAULT_MAX_ROWS} of them, a seeded
 * subsample beyond that), their features standardized ({@link Standardizer}), and the learner fitted once. A forecast
 * runs the same steps on one history and undoes them. The same histories, seed and thread count give the same model.
 * LightGBM and XGBoost use {@code threads} OpenMP threads: on a machine whose cores are already busy, one thread fits
 * several times faster than two (M3 quarterly: 4 s against 40 s on a loaded 2-core machine).
 */
public final class LearnedGlobalForecaster implements GlobalForecaster {
    /** The most training rows of one fit: enough for a few hundred trees, few enough for seconds per collection. */
    public static final int DEFAULT_MAX_ROWS = 100_000;
    /** The learner of {@link #linear()}, the one learner that gets no rolling slopes (see {@link WindowFeatures}). */
    private static final String LINEAR = "tribuo-liblinear";
    /**
     * Whether the offered forecasters adjust each series for its season before learning: it lowered XGBoost's mean MASE
     * on all four seasonal collections of the pack (M3 quarterly 1.186 to 1.154, M3 monthly 0.862 to 0.844, tourism
     * quarterly 1.639 to 1.564, tourism monthly 1.527 to 1.514), and LightGBM's on three (M3 quarterly 1.193 to 1.155,
     * M3 monthly 0.875 to 0.847, tourism quarterly 1.609 to 1.588; tourism monthly 1.523 to 1.536).
     */
    static final boolean DESEASONALIZE = true;

    private final String id;
    private final String learnerId;
    private final Map<String, Object> config;
    private final Strategy strategy;
    private final int maxRows;
    private final TargetScale target;
    private final boolean deseasonalize;

    /**
     * A forecaster.
     *
     * @param id        its id, such as {@code global-lightgbm}
     * @param learnerId the learner's id, such as {@code lightgbm}
     * @param config    hyperparameters set over the learner's default regression config (names it lacks are ignored)
     * @param strategy  how the steps are reached
     * @param maxRows   the most training rows, at least {@link TrainingRows#MIN_ROWS}
     * @param target        how future values are scaled, or null to choose by the data ({@link TargetScale#fitting})
     * @param deseasonalize whether each series is divided by its seasonal indices ({@link SeasonalAdjustment}) before
     *                      the model sees it
     */
    public LearnedGlobalForecaster(String id, String learnerId, Map<String, Object> config, Strategy strategy, int maxRows,
                                   TargetScale target, boolean deseasonalize) {
        this.id = Objects.requireNonNull(id, "id");
        this.learnerId = Objects.requireNonNull(learnerId, "learnerId");
        this.config = Map.copyOf(config);
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        if (maxRows < TrainingRows.MIN_ROWS) {
            throw new IllegalArgumentException("maxRows must be >= " + TrainingRows.MIN_ROWS + ", but was " + maxRows);
        }
        this.maxRows = maxRows;
        this.target = target;
        this.deseasonalize = deseasonalize;
    }

    /**
     * {@code global-lightgbm}: 200 rounds of 31 leaves at rate 0.05, 40 rows a leaf, 80 % of the rows and features
     * per tree, L2 of 1 (smaller steps and larger leaves than LightGBM's defaults, which overfit noisy ratios; 500
     * rounds at 0.03 forecast no better on M3 and cost twice as much); recursive (see {@link Strategy}).
     *
     * @return the forecaster
     */
    public static LearnedGlobalForecaster lightgbm() {
        return new LearnedGlobalForecaster("global-lightgbm", "lightgbm", Map.of("n_estimators", 200, "num_leaves", 31,
                "learning_rate", 0.05, "min_data_in_leaf", 40, "feature_fraction", 0.8, "bagging_fraction", 0.8, "lambda_l2", 1.0),
                Strategy.RECURSIVE, DEFAULT_MAX_ROWS, null, DESEASONALIZE);
    }

    /**
     * {@code global-xgboost}: 400 rounds of depth 6 at rate 0.05, a child weight of 10, 80 % of the rows and features
     * per tree; recursive.
     *
     * @return the forecaster
     */
    public static LearnedGlobalForecaster xgboost() {
        return new LearnedGlobalForecaster("global-xgboost", "xgboost", Map.of("n_estimators", 400, "max_depth", 6,
                "learning_rate", 0.05, "min_child_weight", 10.0, "subsample", 0.8, "colsample_bytree", 0.8),
                Strategy.RECURSIVE, DEFAULT_MAX_ROWS, null, DESEASONALIZE);
    }

    /**
     * {@code global-linear}: LIBLINEAR's L2-regularized support vector regression ({@code tribuo-liblinear}) with a
     * narrow tube (0.01 target standard deviations), so that it is close to a ridge regression of the scaled values;
     * recursive, because a linear model cannot let the step ahead choose which lag to follow (the seasonal lag of step
     * {@code s} is lag {@code m - s}), so one model with the step as a feature misses seasonal patterns.
     *
     * @return the forecaster
     */
    public static LearnedGlobalForecaster linear() {
        return new LearnedGlobalForecaster("global-linear", LINEAR, Map.of("cost", 1.0, "epsilon", 0.01),
                Strategy.RECURSIVE, DEFAULT_MAX_ROWS, null, DESEASONALIZE);
    }

    /**
     * The offered forecaster with this id.
     *
     * @param id {@code global-lightgbm}, {@code global-xgboost} or {@code global-linear}
     * @return the forecaster
     * @throws ForecastException if no offered forecaster has that id
     */
    public static LearnedGlobalForecaster byId(String id) {
        return switch (id) {
            case "global-lightgbm" -> lightgbm();
            case "global-xgboost" -> xgboost();
            case "global-linear" -> linear();
            default -> throw new ForecastException("unknown global forecaster '" + id + "'; known: global-lightgbm, "
                    + "global-xgboost, global-linear");
        };
    }

    /**
     * Whether its learner is on the class path (the global models find learners with {@code ServiceLoader}).
     *
     * @return true if {@link #fit} can find the learner
     */
    public boolean available() {
        try {
            Learners.find(id, learnerId);
            return true;
        } catch (ForecastException e) {
            return false;
        }
    }

    /**
     * This forecaster with another strategy (the id is unchanged).
     *
     * @param other the strategy
     * @return the forecaster
     */
    public LearnedGlobalForecaster withStrategy(Strategy other) {
        return new LearnedGlobalForecaster(id, learnerId, config, other, maxRows, target, deseasonalize);
    }

    /**
     * This forecaster with another cap on the training rows.
     *
     * @param rows the most rows, at least {@link TrainingRows#MIN_ROWS}
     * @return the forecaster
     */
    public LearnedGlobalForecaster withMaxRows(int rows) {
        return new LearnedGlobalForecaster(id, learnerId, config, strategy, rows, target, deseasonalize);
    }

    /**
     * This forecaster with a fixed target scale.
     *
     * @param scale the scale, or null to choose by the data
     * @return the forecaster
     */
    public LearnedGlobalForecaster withTarget(TargetScale scale) {
        return new LearnedGlobalForecaster(id, learnerId, config, strategy, maxRows, scale, deseasonalize);
    }

    /**
     * This forecaster with hyperparameters set over its own (names the learner lacks are ignored).
     *
     * @param overrides values by hyperparameter name
     * @return the forecaster
     */
    public LearnedGlobalForecaster withConfig(Map<String, Object> overrides) {
        Map<String, Object> merged = new java.util.HashMap<>(config);
        merged.putAll(overrides);
        return new LearnedGlobalForecaster(id, learnerId, merged, strategy, maxRows, target, deseasonalize);
    }

    /**
     * This forecaster with or without seasonal adjustment of each series.
     *
     * @param adjust whether series are seasonally adjusted
     * @return the forecaster
     */
    public LearnedGlobalForecaster withDeseasonalize(boolean adjust) {
        return new LearnedGlobalForecaster(id, learnerId, config, strategy, maxRows, target, adjust);
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * The lags of the period's {@link WindowFeatures#forPeriod default features}: 6 without a season, two seasons
     * otherwise.
     */
    @Override
    public int minLength(int period) {
        return WindowFeatures.forPeriod(period, strategy == Strategy.DIRECT, TargetScale.RATIO, false).minLength();
    }

    @Override
    public FittedGlobal fit(List<double[]> histories, int period, int horizon, long seed, int threads) {
        return fit(histories, java.util.Collections.nCopies(histories.size(), Covariates.NONE), period, horizon, seed, threads);
    }

    /** True: known covariates are read at each target's time, observed ones before each origin. */
    @Override
    public boolean usesCovariates() {
        return true;
    }

    @Override
    public FittedGlobal fit(List<double[]> histories, List<Covariates> covariates, int period, int horizon, long seed,
                            int threads) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, but was " + horizon);
        }
        for (double[] h : histories) {
            for (double v : h) {
                if (!Double.isFinite(v)) {
                    throw new ForecastException(id + " needs finite values, but a history has " + v);
                }
            }
        }
        Learner learner = Learners.find(id, learnerId);
        TargetScale scale = target != null ? target : TargetScale.fitting(histories);
        if (scale == TargetScale.LOG_RATIO && TargetScale.fitting(histories) != scale) {
            throw new ForecastException(id + " cannot learn log ratios from histories with negative values");
        }
        WindowFeatures features = WindowFeatures.forPeriod(period, strategy == Strategy.DIRECT, scale, !LINEAR.equals(learnerId));
        List<double[]> modelled = deseasonalize
                ? histories.stream().map(h -> SeasonalAdjustment.adjust(h, SeasonalAdjustment.indices(h, period))).toList() : histories;
        Covariates first = covariates.isEmpty() ? Covariates.NONE : covariates.get(0);
        CovariateFeatures covariate = new CovariateFeatures(first.knownCount(), first.observedCount(), features.shortWindow());
        TrainingSet rows = TrainingRows.build(id, modelled, covariates, features, covariate,
                strategy == Strategy.DIRECT ? horizon : 1, maxRows, seed);
        float[] x = rows.features().toArray();
        Standardizer standardizer = Standardizer.of(x, rows.size(), features.columns() + covariate.columns());
        standardizer.apply(x);
        rows = new TrainingSet(FeatureMatrix.wrapOwned(x, rows.size(), rows.features().names()), rows.labels(), rows.target());
        FittedModel model;
        try {
            model = learner.fit(rows, Learners.config(learner, config), FitContext.of(seed, Math.max(1, threads)));
        } catch (RuntimeException e) {
            throw new ForecastException(id + " could not fit " + learnerId + " on " + rows.size() + " rows: " + e.getMessage(), e);
        }
        String trainedOn = "learned from " + rows.size() + " rows of " + histories.size() + " series";
        return new FittedLearnedGlobal(id, learnerId, strategy, features, covariate, horizon, deseasonalize, standardizer,
                model, trainedOn);
    }

    @Override
    public FittedGlobal restore(Map<String, Object> parameters, int period, int horizon) {
        if (!learnerId.equals(parameters.get("learner"))) {
            throw new ForecastException(id + " restores models of learner '" + learnerId + "', but the parameters are of '"
                    + parameters.get("learner") + "'");
        }
        Strategy restored;
        WindowFeatures features;
        TargetScale scale;
        Standardizer standardizer;
        CovariateFeatures covariate;
        try {
            restored = Strategy.of(String.valueOf(parameters.get("strategy")));
            scale = TargetScale.of(String.valueOf(parameters.get("target")));
            features = new WindowFeatures(period, integer(parameters, "lags"), integer(parameters, "short_window"),
                    integer(parameters, "long_window"), integer(parameters, "level_window"), restored == Strategy.DIRECT, scale,
                    Boolean.TRUE.equals(parameters.get("slopes")));
            standardizer = new Standardizer(numbers(parameters, "feature_means"), numbers(parameters, "feature_sds"));
            // models written before covariates existed have none
            covariate = parameters.containsKey("known_covariates")
                    ? new CovariateFeatures(integer(parameters, "known_covariates"), integer(parameters, "observed_covariates"),
                    integer(parameters, "covariate_window"))
                    : CovariateFeatures.NONE;
            int columns = features.columns() + covariate.columns();
            if (standardizer.means().length != columns) {
                throw new IllegalArgumentException("the features have " + columns + " columns but the standardizer "
                        + standardizer.means().length);
            }
        } catch (IllegalArgumentException e) {
            throw new ForecastException(id + " cannot restore its parameters: " + e.getMessage(), e);
        }
        Learner learner = Learners.find(id, learnerId);
        FittedModel model;
        try {
            model = learner.load(ArtifactCodec.read(learnerId, parameters));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ForecastException(id + " cannot read its " + learnerId + " model: " + e.getMessage(), e);
        }
        return new FittedLearnedGlobal(id, learnerId, restored, features, covariate, horizon,
                Boolean.TRUE.equals(parameters.get("deseasonalize")), standardizer, model,
                String.valueOf(parameters.getOrDefault("trained_on", "restored")));
    }

    /** A {@code double[]} parameter, also as a list or array of numbers (what a JSON reader may give back). */
    private static double[] numbers(Map<String, Object> parameters, String name) {
        Object v = parameters.get(name);
        if (v instanceof double[] d) {
            return d.clone();
        }
        if (v instanceof Object[] array) {
            v = List.of(array);
        }
        if (v instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
            return list.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        }
        throw new IllegalArgumentException("parameter '" + name + "' must be a list of numbers, but was " + v);
    }

    private static int integer(Map<String, Object> parameters, String name) {
        if (parameters.get(name) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException("parameter '" + name + "' must be a whole number, but was " + parameters.get(name));
    }
}
