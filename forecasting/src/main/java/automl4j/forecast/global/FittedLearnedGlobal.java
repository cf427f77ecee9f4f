package automl4j.forecast.global;

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
    private final int horizon;
    private final boolean deseasonalize;
    private final Standardizer standardizer;
    private final FittedModel model;
    private final String trainedOn;

    FittedLearnedGlobal(String id, String learnerId, Strategy strategy, WindowFeatures features, int horizon,
                        boolean deseasonalize, Standardizer standardizer, FittedModel model, String trainedOn) {
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
        double[] indices = deseasonalize ? SeasonalAdjustment.indices(history, features.period()) : null;
        double[] modelled = deseasonalize ? SeasonalAdjustment.adjust(history, indices) : history;
        double[] out = strategy == Strategy.DIRECT ? direct(modelled, steps) : recursive(modelled, steps);
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

    private double[] direct(double[] history, int steps) {
        int n = history.length;
        int columns = features.columns();
        double level = features.level(history, n);
        float[] x = new float[steps * columns];
        for (int s = 1; s <= steps; s++) {
            features.fill(history, n, s, level, x, (s - 1) * columns);
        }
        standardizer.apply(x);
        Predictions p = model.predict(FeatureMatrix.wrapOwned(x, steps, features.names()));
        double[] out = new double[steps];
        for (int s = 0; s < steps; s++) {
            out[s] = features.scale().decode(p.value(s), level);
        }
        return out;
    }

    private double[] recursive(double[] history, int steps) {
        int n = history.length;
        double[] grown = Arrays.copyOf(history, n + steps);
        float[] x = new float[features.columns()];
        for (int s = 0; s < steps; s++) {
            double level = features.level(grown, n + s);
            features.fill(grown, n + s, 1, level, x, 0);
            standardizer.apply(x);
            grown[n + s] = features.scale().decode(model.predict(FeatureMatrix.of(x, 1, features.names())).value(0), level);
        }
        return Arrays.copyOfRange(grown, n, n + steps);
    }

    @Override
    public String description() {
        return id + ": one " + learnerId + " model " + trainedOn + ", " + strategy.label() + " strategy, " + features.lags()
                + " lags, rolling windows of " + features.shortWindow() + " and " + features.longWindow()
                + (features.slopes() ? " with slopes" : "") + ", values scaled by the mean of the last " + features.levelWindow() + ", target " + features.scale().label()
                + (deseasonalize ? ", seasonally adjusted series by series" : "");
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
        p.put("feature_means", standardizer.means());
        p.put("feature_sds", standardizer.sds());
        p.put("trained_on", trainedOn);
        ArtifactCodec.write(model.export(), p);
        return p;
    }
}
