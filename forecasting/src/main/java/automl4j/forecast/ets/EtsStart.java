package automl4j.forecast.ets;

/**
 * Starting values of the initial states from the data, the heuristic of Hyndman et al. (2008), section 2.6.1: the
 * seasonal indices from a classical decomposition of the first cycles (a centred moving average over at most three
 * cycles), then a straight line through the first ten seasonally adjusted values gives the level and slope. The
 * optimiser starts here and estimates the initial states with the smoothing parameters.
 */
final class EtsStart {
    /** How many values the level and slope regression uses at most. */
    private static final int LINE_POINTS = 10;
    /** How many cycles the seasonal decomposition uses at most. */
    private static final int CYCLES = 3;

    final double level;
    final double slope;
    /** Newest first, as {@link EtsModel} keeps them; empty without a season. */
    final double[] seasons;

    private EtsStart(double level, double slope, double[] seasons) {
        this.level = level;
        this.slope = slope;
        this.seasons = seasons;
    }

    /** Starting states for {@code form}; the history must be longer than {@code m} when the form is seasonal. */
    static EtsStart of(double[] y, EtsForm form, int m) {
        boolean mulSeason = form.season() == EtsForm.Season.MULTIPLICATIVE;
        double[] index = form.hasSeason() ? seasonalIndex(y, m, mulSeason) : null;
        int k = Math.min(LINE_POINTS, y.length);
        double sumT = 0;
        double sumA = 0;
        double sumTT = 0;
        double sumTA = 0;
        double first = Double.NaN;
        for (int t = 0; t < k; t++) {
            double a = adjusted(y[t], index, t, mulSeason);
            if (t == 0) {
                first = a;
            }
            double tt = t + 1;
            sumT += tt;
            sumA += a;
            sumTT += tt * tt;
            sumTA += tt * a;
        }
        double den = k * sumTT - sumT * sumT;
        double b = k > 1 && den != 0 ? (k * sumTA - sumT * sumA) / den : 0;
        double intercept = (sumA - b * sumT) / k;
        double level;
        double slope;
        if (!form.hasTrend()) {
            level = intercept + b;   // the line at the first value: near it, smoothed by the next ones
            slope = 0;
        } else if (form.trend().multiplicative()) {
            level = intercept;
            slope = 1 + b / intercept;
            if (!(intercept > 0 && slope > 0)) {
                level = first;
                slope = 1;
            }
        } else {
            level = intercept;
            slope = b;
        }
        if (form.error() == EtsForm.Error.MULTIPLICATIVE && !(level > 0)) {
            level = first;   // a positive series can give a line through zero at its start
            slope = form.trend().multiplicative() ? 1 : 0;
        }
        double[] seasons = new double[form.hasSeason() ? m : 0];
        for (int p = 0; p < seasons.length; p++) {
            seasons[m - 1 - p] = index[p];
        }
        return new EtsStart(level, slope, seasons);
    }

    private static double adjusted(double v, double[] index, int t, boolean mulSeason) {
        if (index == null) {
            return v;
        }
        double s = index[t % index.length];
        return mulSeason ? v / s : v - s;
    }

    /** The seasonal index of each position of the cycle (position 0 is the history's first value), normalised. */
    static double[] seasonalIndex(double[] y, int m, boolean multiplicative) {
        int cycles = Math.min(CYCLES, y.length / m);
        double[] sum = new double[m];
        int[] count = new int[m];
        if (cycles >= 2) {
            int len = cycles * m;
            int half = m / 2;
            for (int t = half; t < len - half; t++) {
                double ma = centredAverage(y, t, m);
                sum[t % m] += multiplicative ? y[t] / ma : y[t] - ma;
                count[t % m]++;
            }
        } else {
            double mean = 0;
            for (int t = 0; t < m; t++) {
                mean += y[t] / m;
            }
            for (int t = 0; t < m; t++) {
                sum[t] = multiplicative ? y[t] / mean : y[t] - mean;
                count[t] = 1;
            }
        }
        double[] index = new double[m];
        double total = 0;
        for (int p = 0; p < m; p++) {
            index[p] = count[p] > 0 ? sum[p] / count[p] : multiplicative ? 1 : 0;
            total += index[p];
        }
        double mean = total / m;
        for (int p = 0; p < m; p++) {
            index[p] = multiplicative ? index[p] / mean : index[p] - mean;
            if (multiplicative && !(index[p] > 0)) {
                index[p] = 1;
            }
        }
        return index;
    }

    /** The centred moving average of order m at t (2 x m for even m), which removes one full cycle. */
    private static double centredAverage(double[] y, int t, int m) {
        int half = m / 2;
        double s = 0;
        if (m % 2 == 1) {
            for (int i = t - half; i <= t + half; i++) {
                s += y[i];
            }
            return s / m;
        }
        for (int i = t - half + 1; i <= t + half - 1; i++) {
            s += y[i];
        }
        s += 0.5 * (y[t - half] + y[t + half]);
        return s / m;
    }
}
