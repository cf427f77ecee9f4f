package automl4j.forecast.global;

/**
 * Multiplicative seasonal indices of one series by classical decomposition, applied only where a season is evident: the
 * series has at least three seasons of values at or above 0, no season sums to 0, and its autocorrelation at the
 * seasonal lag exceeds the 90 % limit {@code 1.645 * sqrt((1 + 2 * sum of the squared autocorrelations below lag m) /
 * n)} (the test of the M4 competition's benchmarks). The indices are the mean ratio of each season position to the
 * centred moving average of one season, normalised to average 1 (at least {@value #MIN_INDEX}). A global model learns
 * the adjusted series, so that it needs no seasonal pattern of its own, and its forecasts are multiplied back by the
 * indices.
 */
final class SeasonalAdjustment {
    /** The 90 % one-sided normal quantile of the test. */
    private static final double LIMIT = 1.645;
    /**
     * The smallest index: a season position whose values are (almost) always 0 would otherwise divide by 0; its
     * forecasts are still close to 0 after multiplying back.
     */
    static final double MIN_INDEX = 0.05;

    private SeasonalAdjustment() {
    }

    /**
     * The indices of {@code values}, position {@code p} applying to every value at an index {@code t} with
     * {@code t mod period == p}; all 1 when the series is not seasonal (or the period is 1).
     *
     * @param values the series
     * @param period the seasonal period
     * @return {@code period} positive indices
     */
    static double[] indices(double[] values, int period) {
        double[] ones = new double[period];
        java.util.Arrays.fill(ones, 1.0);
        int n = values.length;
        if (period < 2 || n < 3 * period || !nonNegative(values) || !seasonal(values, period)) {
            return ones;
        }
        double[] sums = new double[period];
        int[] counts = new int[period];
        int half = period / 2;
        for (int t = half; t < n - half; t++) {
            double trend = centredMean(values, t, period);
            if (!(trend > 0)) {
                return ones;   // a whole season of zeros: no ratio to the trend
            }
            sums[t % period] += values[t] / trend;
            counts[t % period]++;
        }
        double[] idx = new double[period];
        double mean = 0;
        for (int p = 0; p < period; p++) {
            if (counts[p] == 0) {
                return ones;
            }
            idx[p] = sums[p] / counts[p];
            mean += idx[p] / period;
        }
        for (int p = 0; p < period; p++) {
            idx[p] = Math.max(MIN_INDEX, idx[p] / mean);
        }
        return idx;
    }

    /**
     * The series divided by its indices.
     *
     * @param values  the series
     * @param indices {@link #indices}'s value
     * @return the adjusted series
     */
    static double[] adjust(double[] values, double[] indices) {
        double[] out = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            out[t] = values[t] / indices[t % indices.length];
        }
        return out;
    }

    /** The mean of one season centred on {@code t}: a 2 x m moving average for an even period. */
    private static double centredMean(double[] v, int t, int m) {
        int half = m / 2;
        double sum = 0;
        if (m % 2 == 1) {
            for (int i = t - half; i <= t + half; i++) {
                sum += v[i];
            }
            return sum / m;
        }
        for (int i = t - half + 1; i < t + half; i++) {
            sum += v[i];
        }
        sum += 0.5 * (v[t - half] + v[t + half]);
        return sum / m;
    }

    private static boolean seasonal(double[] v, int m) {
        int n = v.length;
        double mean = 0;
        for (double x : v) {
            mean += x / n;
        }
        double denominator = 0;
        for (double x : v) {
            denominator += (x - mean) * (x - mean);
        }
        if (denominator == 0) {
            return false;
        }
        double squares = 0;
        for (int k = 1; k < m; k++) {
            double r = acf(v, mean, denominator, k);
            squares += r * r;
        }
        double limit = LIMIT * Math.sqrt((1 + 2 * squares) / n);
        return Math.abs(acf(v, mean, denominator, m)) > limit;
    }

    private static double acf(double[] v, double mean, double denominator, int lag) {
        double sum = 0;
        for (int t = lag; t < v.length; t++) {
            sum += (v[t] - mean) * (v[t - lag] - mean);
        }
        return sum / denominator;
    }

    private static boolean nonNegative(double[] v) {
        for (double x : v) {
            if (!(x >= 0)) {
                return false;
            }
        }
        return true;
    }
}
