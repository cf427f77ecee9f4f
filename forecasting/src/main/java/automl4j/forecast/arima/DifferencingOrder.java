package automl4j.forecast.arima;

import com.github.servicenow.ds.stats.stl.SeasonalTrendLoess;

/**
 * How many differences automatic ARIMA takes, as Hyndman and Khandakar (2008) and the forecast package's {@code
 * auto.arima} defaults choose them: seasonal differences {@code D} (0 or 1) when the STL seasonal strength exceeds
 * 0.64 (Wang, Smith and Hyndman 2006), then non-seasonal differences {@code d} (0 to 2) by repeated KPSS tests at the
 * 5 % level (Kwiatkowski, Phillips, Schmidt and Shin 1992).
 */
final class DifferencingOrder {
    /** The KPSS level-stationarity statistic's 5 % critical value (Kwiatkowski et al. 1992, table 1). */
    static final double KPSS_CRITICAL_5 = 0.463;
    /** The seasonal strength above which a seasonal difference is taken. */
    static final double STRENGTH_THRESHOLD = 0.64;
    /** The seasonal window of the STL that measures seasonal strength, as the forecast package's {@code mstl}. */
    static final int SEASONAL_WINDOW = 11;

    private DifferencingOrder() {
    }

    /**
     * The number of differences, at most {@code maxD}, after which the KPSS test no longer rejects level
     * stationarity.
     *
     * @param x    the series
     * @param maxD the most differences
     * @return d
     */
    static int ndiffs(double[] x, int maxD) {
        double[] y = x;
        int d = 0;
        while (d < maxD && !isConstant(y) && kpss(y) > KPSS_CRITICAL_5) {
            y = Polynomials.apply(y, new double[] {1, -1});
            d++;
        }
        return d;
    }

    /**
     * The KPSS level statistic with Bartlett-weighted long-run variance over {@code trunc(3 sqrt(n) / 13)} lags.
     *
     * @param x the series, at least 2 values
     * @return the statistic
     */
    static double kpss(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] e = new double[n];
        double cum = 0;
        double eta = 0;
        double s0 = 0;
        for (int t = 0; t < n; t++) {
            e[t] = x[t] - mean;
            cum += e[t];
            eta += cum * cum;
            s0 += e[t] * e[t];
        }
        int lags = (int) (3 * Math.sqrt(n) / 13);
        double s2 = s0;
        for (int k = 1; k <= lags; k++) {
            double c = 0;
            for (int t = k; t < n; t++) {
                c += e[t] * e[t - k];
            }
            s2 += 2 * (1 - k / (lags + 1.0)) * c;
        }
        s2 /= n;
        return eta / ((double) n * n) / s2;
    }

    /**
     * The number of seasonal differences, 0 or 1: 1 when the seasonal strength exceeds {@link
     * #STRENGTH_THRESHOLD}.
     *
     * @param x      the series
     * @param period the seasonal period
     * @return D
     */
    static int nsdiffs(double[] x, int period) {
        return period > 1 && seasonalStrength(x, period) > STRENGTH_THRESHOLD ? 1 : 0;
    }

    /**
     * The strength of seasonality, {@code max(0, 1 - var(R) / var(S + R))} of a non-robust STL decomposition (seasonal
     * window 11, the other windows as R's {@code stl} chooses them); 0 for a series of two periods or fewer, which
     * STL cannot decompose, or a constant one.
     *
     * @param x      the series
     * @param period the seasonal period, above 1
     * @return the strength in [0, 1]
     */
    static double seasonalStrength(double[] x, int period) {
        if (x.length <= 2 * period || isConstant(x)) {
            return 0;
        }
        int trend = nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / SEASONAL_WINDOW)));
        int lowpass = nextOdd(period);
        SeasonalTrendLoess.Decomposition stl = new SeasonalTrendLoess.Builder()
            .setPeriodLength(period)
            .setSeasonalWidth(SEASONAL_WINDOW).setSeasonalDegree(0).setSeasonalJump(jump(SEASONAL_WINDOW))
            .setTrendWidth(trend).setTrendDegree(1).setTrendJump(jump(trend))
            .setLowpassWidth(lowpass).setLowpassDegree(1).setLowpassJump(jump(lowpass))
            .setInnerIterations(2).setRobustnessIterations(0).setNonRobust()
            .buildSmoother(x).decompose();
        double[] s = stl.getSeasonal();
        double[] r = stl.getResidual();
        double[] sr = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            sr[t] = s[t] + r[t];
        }
        double vsr = variance(sr);
        if (!(vsr > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, 1 - variance(r) / vsr));
    }

    private static int jump(int window) {
        return (int) Math.ceil(window / 10.0);
    }

    private static int nextOdd(double v) {
        int i = (int) Math.round(v);
        return i % 2 == 0 ? i + 1 : i;
    }

    private static double variance(double[] v) {
        double mean = 0;
        for (double a : v) {
            mean += a;
        }
        mean /= v.length;
        double s = 0;
        for (double a : v) {
            s += (a - mean) * (a - mean);
        }
        return s / (v.length - 1);
    }

    /**
     * Whether every value equals the first (a series no test can tell anything about).
     *
     * @param x the series
     * @return whether it is constant
     */
    static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }
}
