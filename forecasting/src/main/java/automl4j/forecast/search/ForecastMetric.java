package automl4j.forecast.search;

import java.util.Locale;

/**
 * What the search minimises on the backtests (config {@code forecast.metric}): the ensemble's weights are chosen and
 * the leaderboard ranked by it; every metric is reported either way. Each is a mean over the scored points of every
 * backtest window with every series counting the same ({@link Backtests}): MASE and sMAPE compare series of any size;
 * MAE and RMSE are in the data's units, so that the largest series weigh most, which is what a user who sums the
 * forecasts (total demand, say) may want.
 */
public enum ForecastMetric {
    /** Mean absolute scaled error: the error over the in-sample seasonal naive error of the window's history. */
    MASE,
    /** Symmetric mean absolute percentage error, in percent (0 to 200). */
    SMAPE,
    /** Mean absolute error. */
    MAE,
    /** Root mean squared error (the root of the weighted mean of the squared errors). */
    RMSE;

    /**
     * The metric's name as in configs and results.
     *
     * @return the lower-case name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The metric named {@code text}, in any case.
     *
     * @param text the name
     * @return the metric
     * @throws IllegalArgumentException naming the known ones
     */
    public static ForecastMetric parse(String text) {
        for (ForecastMetric m : values()) {
            if (m.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("metric '" + text + "' is unknown; use mase, smape, mae or rmse");
    }

    /** The metric of {@code forecast} over points {@code [from, to)}, their weights renormalised. */
    double of(Backtests b, double[] forecast, int from, int to) {
        double loss = 0;
        double total = 0;
        for (int i = from; i < to; i++) {
            loss += b.weight[i] * pointLoss(forecast[i] / b.scale[i], b.actual[i] / b.scale[i], b.scale[i]);
            total += b.weight[i];
        }
        if (total == 0) {
            return Double.NaN;
        }
        return this == RMSE ? Math.sqrt(loss / total) : loss / total;
    }

    /**
     * One point's loss from the forecast and actual divided by the window's scale (sMAPE does not change under that
     * division; MAE and RMSE multiply the scale back); RMSE's before the root, which the selection need not take.
     */
    double pointLoss(double forecast, double actual, double scale) {
        double error = Math.abs(forecast - actual);
        return switch (this) {
            case MASE -> error;
            case SMAPE -> {
                double denominator = Math.abs(forecast) + Math.abs(actual);
                yield denominator == 0 ? 0 : 200 * error / denominator;
            }
            case MAE -> error * scale;
            case RMSE -> error * error * scale * scale;
        };
    }
}
