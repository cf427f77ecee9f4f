package automl4j.forecast.global;

import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.ForecastException;
import automl4j.forecast.model.GlobalForecaster.FittedGlobal;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.Predictions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A global model learned by one of the engine's learners: it forecasts a history by computing the features at its
 * end, predicting the scaled values and scaling them back by the history's level (after dividing the history by its
 * seasonal indices and multiplying the forecasts back, when it was learned from seasonally adjusted series).
 * Forecasts of a history without negative values are clipped at 0 (a tree can predict a little below 0 where the
 * history fell steeply).
 */
final class FittedLearnedGlobal implements FittedGlobal {
    private final String id;
    private final String learnerId;
    private final Strategy strategy;
    private final WindowFeatures features;
    private final CovariateFeatures covariate;
    /** The feature names, window features then covariates: built once, every prediction names its columns. */
    private final java.util.List<String> names;
    private final int horizon;
    private final boolean deseasonalize;
    private final Standardizer standardizer;
    private final FittedModel model;
    private final String trainedOn;

    FittedLearnedGlobal(String id, String learnerId, Strategy strategy, WindowFeatures features, CovariateFeatures covariate,
                        int horizon, boolean deseasonalize, Standardizer standardizer, FittedModel model, String trainedOn) {
        this.covariate = covariate;
        java.util.List<String> all = new java.util.ArrayList<>(features.names());
        all.addAll(covariate.names());
        this.names = java.util.List.copyOf(all);
        this.id = id;
        this.learnerId = learnerId;
        this.strategy = strategy;
        this.features = features;
        this.horizon = horizon;
        this.deseasonalize = deseasonalize;
        this.standardizer = standardizer;
        this.model = model;
        this.trainedOn = trainedOn;
    }

    @Override
    public double[] forecast(double[] history, int steps) {
        return forecast(history, Covariates.NONE, steps);
    }

    @Override
    public double[] forecast(double[] history, Covariates covariates, int steps) {
        if (steps < 1 || steps > horizon) {
            throw new ForecastException(id + " was fitted for 1 to " + horizon + " steps, but " + steps + " were asked for");
        }
        if (history.length < features.minLength()) {
            throw new ForecastException(id + " needs at least " + features.minLength() + " values, but the history has "
                    + history.length);
        }
        for (double v : history) {
            if (!Double.isFinite(v)) {
                throw new ForecastException(id + " needs finite values, but the history has " + v);
            }
        }
        covariate.check(id, covariates, history.length + steps, history.length);
        double[] indices = deseasonalize ? SeasonalAdjustment.indices(history, features.period()) : null;
        double[] modelled = deseasonalize ? SeasonalAdjustment.adjust(history, indices) : history;
        double[] out = strategy == Strategy.DIRECT ? direct(modelled, covariates, steps)
                : recursive(modelled, covariates, steps);
        if (deseasonalize) {
            for (int s = 0; s < steps; s++) {
                out[s] *= indices[(history.length + s) % indices.length];
            }
        }
        boolean nonNegative = Arrays.stream(history).allMatch(v -> v >= 0);
        for (int i = 0; i < steps; i++) {
            if (!Double.isFinite(out[i])) {
                throw new ForecastException(id + " predicted a non-finite value at step " + (i + 1));
            }
            if (nonNegative && out[i] < 0) {
                out[i] = 0;
            }
        }
        return out;
    }

    private double[] direct(double[] history, Covariates covariates, int steps) {
        int n = history.length;
        int window = features.columns();
        int columns = window + covariate.columns();
        double level = features.level(history, n);
        float[] x = new float[steps * columns];
        for (int s = 1; s <= steps; s++) {
            features.fill(history, n, s, level, x, (s - 1) * columns);
            covariate.fill(covariates, n, s, x, (s - 1) * columns + window);
        }
        standardizer.apply(x);
        Predictions p = model.predict(FeatureMatrix.wrapOwned(x, steps, names));
        double[] out = new double[steps];
        for (int s = 0; s < steps; s++) {
            out[s] = features.scale().decode(p.value(s), level);
        }
        return out;
    }

    private double[] recursive(double[] history, Covariates covariates, int steps) {
        int n = history.length;
        double[] grown = Arrays.copyOf(history, n + steps);
        float[] x = new float[features.columns() + covariate.columns()];
        for (int s = 0; s < steps; s++) {
            double level = features.level(grown, n + s);
            features.fill(grown, n + s, 1, level, x, 0);
            // observed covariates end with the history: a step past it reads them as at the history's end
            covariate.fill(covariates, n + s, 1, n, x, features.columns());
            standardizer.apply(x);
            grown[n + s] = features.scale().decode(model.predict(FeatureMatrix.of(x, 1, names)).value(0), level);
        }
        return Arrays.copyOfRange(grown, n, n + steps);
    }

    @Override
    public String description() {
        return id + ": one " + learnerId + " model " + trainedOn + ", " + strategy.label() + " strategy, " + features.lags()
                + " lags, rolling windows of " + features.shortWindow() + " and " + features.longWindow()
                + (features.slopes() ? " with slopes" : "") + ", values scaled by the mean of the last " + features.levelWindow() + ", target " + features.scale().label()
                + (deseasonalize ? ", seasonally adjusted series by series" : "")
                + (covariate.columns() > 0 ? ", " + covariate.known() + " known and " + covariate.observed() + " observed covariates" : "");
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("learner", learnerId);
        p.put("strategy", strategy.label());
        p.put("lags", features.lags());
        p.put("short_window", features.shortWindow());
        p.put("long_window", features.longWindow());
        p.put("level_window", features.levelWindow());
        p.put("slopes", features.slopes());
        p.put("target", features.scale().label());
        p.put("deseasonalize", deseasonalize);
        p.put("known_covariates", covariate.known());
        p.put("observed_covariates", covariate.observed());
        p.put("covariate_window", covariate.window());
        p.put("feature_means", standardizer.means());
        p.put("feature_sds", standardizer.sds());
        p.put("trained_on", trainedOn);
        ArtifactCodec.write(model.export(), p);
        return p;
    }
}
