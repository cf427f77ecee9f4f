package automl4j.forecast.search;

import automl4j.forecast.metric.ForecastMetrics;
import java.util.Arrays;

/**
 * The scale that makes forecast errors of different series comparable: {@link ForecastMetrics#maseScale}, the
 * denominator of MASE. A constant history has scale 0 (and a single value none); the search then uses a small positive
 * stand-in, so that its windows still count but cannot dominate.
 */
public final class ErrorScale {
    private ErrorScale() {
    }

    /**
     * The MASE denominator of {@code y[0 .. length)} at seasonal period {@code period}: positive, never NaN.
     *
     * @param y      the values
     * @param length how many of them
     * @param period the seasonal period
     * @return the scale
     */
    public static double of(double[] y, int length, int period) {
        double scale = length < 2 ? 0 : ForecastMetrics.maseScale(length == y.length ? y : Arrays.copyOf(y, length), period);
        if (scale > 0) {
            return scale;
        }
        double level = 0;
        for (int t = 0; t < length; t++) {
            level += Math.abs(y[t]);
        }
        level = length == 0 ? 0 : level / length;
        return level > 0 ? level * 1e-3 : 1e-3;
    }
}
