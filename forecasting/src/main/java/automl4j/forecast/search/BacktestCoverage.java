package automl4j.forecast.search;

import automl4j.forecast.interval.ConformalIntervals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An honest estimate of the intervals' coverage from the backtests alone, for a user without a test set: the
 * ensemble's scaled backtest errors are split into folds, and each fold's errors are checked against intervals
 * calibrated on the other folds only (the intervals a run gives are calibrated on all of them, so checking them on
 * their own errors would be optimistic by construction). Folds are series (every fifth series with windows) when
 * there are at least {@value #FOLDS} of them, else window ranks, so that a fold's errors never calibrate its own check.
 */
final class BacktestCoverage {
    /** Folds of the cross-fit. */
    static final int FOLDS = 5;

    private BacktestCoverage() {
    }

    /**
     * The fraction of backtest values inside the cross-fitted interval of each level.
     *
     * @param errorsByStep {@code [step][window]}: the ensemble's scaled errors, windows in the backtests' order
     * @param b            the backtests, which say which series each window belongs to
     * @param levels       the interval levels
     * @return the coverage of each level, in (0, 1); empty when there are fewer than two folds of errors
     */
    static Map<Double, Double> of(double[][] errorsByStep, Backtests b, double[] levels) {
        int horizon = errorsByStep.length;
        int windows = horizon == 0 ? 0 : errorsByStep[0].length;
        int[] fold = folds(b, windows);
        int folds = 0;
        for (int f : fold) {
            folds = Math.max(folds, f + 1);
        }
        Map<Double, Double> out = new LinkedHashMap<>();
        if (folds < 2) {
            return out;
        }
        long[] inside = new long[levels.length];
        long total = 0;
        for (int f = 0; f < folds; f++) {
            double[][] calibration = new double[horizon][];
            for (int j = 0; j < horizon; j++) {
                List<Double> kept = new ArrayList<>();
                for (int k = 0; k < windows; k++) {
                    if (fold[k] != f) {
                        kept.add(errorsByStep[j][k]);
                    }
                }
                calibration[j] = kept.stream().mapToDouble(Double::doubleValue).toArray();
            }
            ConformalIntervals ci = ConformalIntervals.fromErrors(calibration);
            for (int k = 0; k < windows; k++) {
                if (fold[k] != f) {
                    continue;
                }
                for (int j = 0; j < horizon; j++) {
                    double e = errorsByStep[j][k];
                    if (!Double.isFinite(e)) {
                        continue;
                    }
                    total++;
                    for (int l = 0; l < levels.length; l++) {
                        double low = (1 - levels[l]) / 2;
                        if (e >= ci.quantile(j + 1, low) && e <= ci.quantile(j + 1, 1 - low)) {
                            inside[l]++;
                        }
                    }
                }
            }
        }
        for (int l = 0; l < levels.length; l++) {
            out.put(levels[l], total == 0 ? Double.NaN : (double) inside[l] / total);
        }
        return out;
    }

    /** The fold of each window: its series' rank among those with windows, or its own rank, modulo {@link #FOLDS}. */
    private static int[] folds(Backtests b, int windows) {
        int[] seriesOf = new int[windows];
        int[] rankInSeries = new int[windows];
        int withWindows = 0;
        for (int s = 0; s + 1 < b.offsets.length; s++) {
            int first = b.offsets[s] / b.horizon;
            int last = b.offsets[s + 1] / b.horizon;
            for (int k = first; k < last; k++) {
                seriesOf[k] = withWindows;
                rankInSeries[k] = k - first;
            }
            if (last > first) {
                withWindows++;
            }
        }
        boolean bySeries = withWindows >= FOLDS;
        int[] fold = new int[windows];
        for (int k = 0; k < windows; k++) {
            fold[k] = (bySeries ? seriesOf[k] : rankInSeries[k]) % FOLDS;
        }
        return fold;
    }
}
