package automl4j.forecast.metric;

import java.util.Objects;

/**
 * Point and quantile forecast accuracy measures, as the M4 competition and the forecasting benchmark protocol
 * ({@code bench/forecasting/PROTOCOL.md}, section 3) define them. All methods are pure functions of their arguments
 * and thread-safe; arrays are never changed.
 */
public final class ForecastMetrics {
    private ForecastMetrics() {
    }

    /**
     * The symmetric mean absolute percentage error in percent: {@code (200 / h) * sum |y - f| / (|y| + |f|)}; a step
     * where both are 0 counts 0.
     *
     * @param actual   the h observed values
     * @param forecast the h forecasts, as many as {@code actual}
     * @return the sMAPE, between 0 and 200
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double smape(double[] actual, double[] forecast) {
        checkPair(actual, forecast, "forecast");
        double sum = 0;
        for (int t = 0; t < actual.length; t++) {
            double den = Math.abs(actual[t]) + Math.abs(forecast[t]);
            sum += den == 0 ? 0 : 200 * Math.abs(actual[t] - forecast[t]) / den;
        }
        return sum / actual.length;
    }

    /**
     * The in-sample mean absolute error of the seasonal naive forecast, the MASE's denominator: {@code (1 / (n - m))
     * * sum_{i > m} |x_i - x_{i-m}|}; the naive forecast's (m = 1) when the history has no more than m values.
     *
     * @param history the training values, at least 2
     * @param period  the seasonal period m, at least 1
     * @return the scale, 0 for a constant history
     * @throws IllegalArgumentException if the history has fewer than 2 values or the period is below 1
     */
    public static double maseScale(double[] history, int period) {
        Objects.requireNonNull(history, "history");
        if (history.length < 2) {
            throw new IllegalArgumentException("history must have >= 2 values, but had " + history.length);
        }
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, but was " + period);
        }
        int m = history.length <= period ? 1 : period;
        double sum = 0;
        for (int i = m; i < history.length; i++) {
            sum += Math.abs(history[i] - history[i - m]);
        }
        return sum / (history.length - m);
    }

    /**
     * The mean absolute scaled error: the forecasts' mean absolute error divided by {@link #maseScale}.
     *
     * @param actual   the h observed values
     * @param forecast the h forecasts
     * @param history  the training values the forecasts were made from
     * @param period   the seasonal period m
     * @return the MASE, or NaN when the scale is 0
     * @throws IllegalArgumentException as {@link #mae} and {@link #maseScale} do
     */
    public static double mase(double[] actual, double[] forecast, double[] history, int period) {
        double scale = maseScale(history, period);
        return scale > 0 ? mae(actual, forecast) / scale : Double.NaN;
    }

    /**
     * The mean absolute error.
     *
     * @param actual   the observed values
     * @param forecast the forecasts, as many
     * @return the MAE
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double mae(double[] actual, double[] forecast) {
        checkPair(actual, forecast, "forecast");
        double sum = 0;
        for (int t = 0; t < actual.length; t++) {
            sum += Math.abs(actual[t] - forecast[t]);
        }
        return sum / actual.length;
    }

    /**
     * The root mean squared error.
     *
     * @param actual   the observed values
     * @param forecast the forecasts, as many
     * @return the RMSE
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double rmse(double[] actual, double[] forecast) {
        checkPair(actual, forecast, "forecast");
        double sum = 0;
        for (int t = 0; t < actual.length; t++) {
            double e = actual[t] - forecast[t];
            sum += e * e;
        }
        return Math.sqrt(sum / actual.length);
    }

    /**
     * The mean pinball (quantile) loss of forecasts of the {@code level} quantile: {@code level * (y - q)} where the
     * value lies above the quantile forecast, {@code (1 - level) * (q - y)} where it lies below.
     *
     * @param actual   the observed values
     * @param quantile the forecasts of the quantile, as many
     * @param level    the quantile's probability, in (0, 1)
     * @return the mean loss, at least 0
     * @throws IllegalArgumentException if the lengths differ or are 0, or the level is outside (0, 1)
     */
    public static double pinball(double[] actual, double[] quantile, double level) {
        checkPair(actual, quantile, "quantile");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), but was " + level);
        }
        double sum = 0;
        for (int t = 0; t < actual.length; t++) {
            double d = actual[t] - quantile[t];
            sum += d >= 0 ? level * d : (level - 1) * d;
        }
        return sum / actual.length;
    }

    /**
     * The share of observed values inside their prediction interval, bounds included.
     *
     * @param actual the observed values
     * @param lower  the intervals' lower bounds, as many
     * @param upper  the intervals' upper bounds, as many
     * @return the coverage, in [0, 1]
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        checkPair(actual, lower, "lower");
        checkPair(actual, upper, "upper");
        int inside = 0;
        for (int t = 0; t < actual.length; t++) {
            if (actual[t] >= lower[t] && actual[t] <= upper[t]) {
                inside++;
            }
        }
        return (double) inside / actual.length;
    }

    private static void checkPair(double[] actual, double[] other, String name) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(other, name);
        if (actual.length == 0) {
            throw new IllegalArgumentException("actual must have >= 1 value, but had 0");
        }
        if (other.length != actual.length) {
            throw new IllegalArgumentException(name + " must have as many values as actual (" + actual.length
                    + "), but had " + other.length);
        }
    }
}
