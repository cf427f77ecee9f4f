package automl4j.forecast.decompose;

import java.util.Objects;

/**
 * The lag-m autocorrelation test for seasonality of the M3/M4 benchmarks (Assimakopoulos and Nikolopoulos 2000): a
 * series is seasonal when {@code |r_m| > z * sqrt((1 + 2 * sum_{k<m} r_k^2) / n)}, {@code r_k} its sample
 * autocorrelations, {@code z} the one-sided 90 % normal quantile. The variants differ only in how short a series may
 * be tested and in how {@code z} is rounded; a series too short is never seasonal. Immutable and thread-safe.
 */
public final class SeasonalityCheck {
    /** The 95 % quantile of the standard normal distribution, to double precision. */
    private static final double Z_95 = 1.6448536269514722;

    private final int minPeriods;
    private final boolean strictlyMore;
    private final double critical;

    private SeasonalityCheck(int minPeriods, boolean strictlyMore, double critical) {
        this.minPeriods = minPeriods;
        this.strictlyMore = strictlyMore;
        this.critical = critical;
    }

    /**
     * The M4 benchmark code's test, used by Naive2: applied from n >= 3m, with z = 1.645.
     *
     * @return the test
     */
    public static SeasonalityCheck m4() {
        return new SeasonalityCheck(3, false, 1.645);
    }

    /**
     * The test of the standard Theta method (R's {@code thetaf}): applied from n > 2m, with z the exact quantile.
     *
     * @return the test
     */
    public static SeasonalityCheck theta() {
        return new SeasonalityCheck(2, true, Z_95);
    }

    /**
     * Whether {@code x} is seasonal with period {@code period}.
     *
     * @param x      the values, oldest first; not changed
     * @param period the seasonal period; a period of 1 is never seasonal
     * @return true if the series is long enough and its lag-m autocorrelation is significant
     */
    public boolean isSeasonal(double[] x, int period) {
        Objects.requireNonNull(x, "x");
        if (period <= 1) {
            return false;
        }
        int n = x.length;
        boolean longEnough = strictlyMore ? n > minPeriods * period : n >= minPeriods * period;
        if (!longEnough) {
            return false;
        }
        double[] r = autocorrelations(x, period);
        double sum = 1;
        for (int k = 1; k < period; k++) {
            sum += 2 * r[k] * r[k];
        }
        return Math.abs(r[period]) > critical * Math.sqrt(sum / n);
    }

    /**
     * The sample autocorrelations of lags 0 to {@code maxLag}: {@code r_k = sum_{t} (x_t - mean)(x_{t+k} - mean) /
     * sum_t (x_t - mean)^2}, the biased estimator (both sums divided by n). A constant series gives NaN beyond lag
     * 0.
     *
     * @param x      the values; not changed
     * @param maxLag the largest lag, below the length
     * @return {@code maxLag + 1} values, {@code r[0] = 1}
     * @throws IllegalArgumentException if {@code maxLag} is negative or not below the length
     */
    public static double[] autocorrelations(double[] x, int maxLag) {
        int n = x.length;
        if (maxLag < 0 || maxLag >= n) {
            throw new IllegalArgumentException("maxLag must be in [0, " + (n - 1) + "], but was " + maxLag);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] d = new double[n];
        for (int t = 0; t < n; t++) {
            d[t] = x[t] - mean;
        }
        double c0 = 0;
        for (double v : d) {
            c0 += v * v;
        }
        double[] r = new double[maxLag + 1];
        r[0] = 1;
        for (int k = 1; k <= maxLag; k++) {
            double ck = 0;
            for (int t = 0; t + k < n; t++) {
                ck += d[t] * d[t + k];
            }
            r[k] = ck / c0;
        }
        return r;
    }
}
