package automl4j.forecast.interval;

import java.util.Arrays;

/**
 * Prediction intervals and quantiles from backtest errors, by split conformal prediction per horizon step: the errors
 * {@code (actual - forecast) / scale} of every backtest window at step {@code j}, pooled over the series of a
 * collection, give the quantiles of step {@code j}; a series' interval is its point forecast plus those quantiles times
 * its own scale (the MASE scale of its history). Pooling over series is what makes a few windows per series enough;
 * scaling is what makes series of different sizes exchangeable.
 *
 * <p>Each bound is an order statistic with the finite-sample correction of split conformal prediction (the
 * {@code ceil((n + 1) p)}-th smallest of {@code n} errors), so that coverage is at least nominal when the errors are
 * exchangeable. A step with no error at all has no interval (NaN bounds).
 */
public final class ConformalIntervals {
    private final double[][] sortedErrors;

    private ConformalIntervals(double[][] sortedErrors) {
        this.sortedErrors = sortedErrors;
    }

    /**
     * Intervals from the scaled errors of each step.
     *
     * @param errorsByStep {@code errorsByStep[j]}: the scaled errors at step {@code j + 1}; NaNs are left out
     * @return the intervals
     */
    public static ConformalIntervals fromErrors(double[][] errorsByStep) {
        double[][] sorted = new double[errorsByStep.length][];
        for (int j = 0; j < errorsByStep.length; j++) {
            sorted[j] = Arrays.stream(errorsByStep[j]).filter(Double::isFinite).sorted().toArray();
        }
        return new ConformalIntervals(sorted);
    }

    /**
     * The number of steps.
     *
     * @return the horizon the errors cover
     */
    public int horizon() {
        return sortedErrors.length;
    }

    /**
     * The number of errors behind step {@code step}.
     *
     * @param step the step, from 1
     * @return the count
     */
    public int errors(int step) {
        return sortedErrors[step - 1].length;
    }

    /**
     * The conformal bound of scaled errors at step {@code step} for probability {@code p}: the
     * {@code ceil((n + 1) p)}-th smallest error for upper bounds ({@code p >= 0.5}), the
     * {@code floor((n + 1) p)}-th for lower ones, clamped to the errors there are; NaN without errors.
     *
     * @param step the step, from 1
     * @param p    the probability, in (0, 1)
     * @return the scaled quantile
     */
    public double quantile(int step, double p) {
        double[] e = sortedErrors[step - 1];
        int n = e.length;
        if (n == 0) {
            return Double.NaN;
        }
        int rank = p >= 0.5 ? (int) Math.ceil((n + 1) * p) : (int) Math.floor((n + 1) * p);
        rank = Math.max(1, Math.min(n, rank));
        return e[rank - 1];
    }

    /**
     * The central interval of {@code level} around a series' point forecasts.
     *
     * @param point the point forecasts, one per step (at most {@link #horizon()})
     * @param scale the series' scale
     * @param level the nominal coverage, in (0, 1)
     * @return the interval
     */
    public PredictionInterval interval(double[] point, double scale, double level) {
        double lowP = (1 - level) / 2;
        double[] lower = new double[point.length];
        double[] upper = new double[point.length];
        for (int j = 0; j < point.length; j++) {
            lower[j] = point[j] + quantile(j + 1, lowP) * scale;
            upper[j] = point[j] + quantile(j + 1, 1 - lowP) * scale;
        }
        return new PredictionInterval(level, lower, upper);
    }

    /**
     * The quantile forecast of probability {@code p} around a series' point forecasts.
     *
     * @param point the point forecasts
     * @param scale the series' scale
     * @param p     the probability, in (0, 1)
     * @return one value per step
     */
    public double[] quantileForecast(double[] point, double scale, double p) {
        double[] out = new double[point.length];
        for (int j = 0; j < point.length; j++) {
            out[j] = point[j] + quantile(j + 1, p) * scale;
        }
        return out;
    }
}
