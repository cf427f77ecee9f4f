package automl4j.forecast.search;

/**
 * The scale that makes forecast errors of different series comparable: the mean absolute error of the in-sample
 * seasonal naive forecast (naive when the history is no longer than a season), the denominator of MASE. A constant
 * history has scale 0; the search then uses a small positive stand-in, so that its windows still count but cannot
 * dominate.
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
        int lag = length > period ? period : 1;
        double sum = 0;
        int n = 0;
        for (int t = lag; t < length; t++) {
            sum += Math.abs(y[t] - y[t - lag]);
            n++;
        }
        double scale = n == 0 ? 0 : sum / n;
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
