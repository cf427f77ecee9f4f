package automl4j.forecast.global;

import java.util.ArrayList;
import java.util.List;

/**
 * The features of one target point of a global model, computed from the values before a forecast origin only, all
 * scaled by the series' level at that origin so that series of any size share one model: the last {@code lags}
 * values, the mean and standard deviation (and optionally the slope) of the last {@code shortWindow} and
 * {@code longWindow} values, the position
 * of the target in the season (when the period is above 1) and the step ahead (direct strategy).
 *
 * <p>The level is the mean absolute value of the last {@code levelWindow} values (a whole season, so that it does not
 * move with the season), or of the whole prefix when that is zero, or 1 when every value is zero.
 *
 * @param period      the seasonal period, at least 1
 * @param lags        the number of lagged values, at least {@code longWindow}
 * @param shortWindow the shorter rolling window, at least 1
 * @param longWindow  the longer rolling window, at least {@code shortWindow}, at most {@code lags}
 * @param levelWindow the values the level is the mean of, at least 1, at most {@code lags}
 * @param step        whether the step ahead is a feature (direct strategy)
 * @param scale       how the lagged values and the rolling means are scaled by the level (as the target is)
 * @param slopes      whether the least-squares slopes of the two rolling windows are features: trees cannot form
 *                    such weighted sums of lags themselves (with them LightGBM and XGBoost forecast better on most
 *                    collections of the pack, M3 yearly 2.824 to 2.795 and 2.766 to 2.730), a linear model can (and
 *                    forecast worse with them)
 */
public record WindowFeatures(int period, int lags, int shortWindow, int longWindow, int levelWindow, boolean step,
                             TargetScale scale, boolean slopes) {
    /** The most lags any period gets, so that long periods (weekly data, m = 52) keep rows and models small. */
    public static final int MAX_LAGS = 104;

    public WindowFeatures {
        if (period < 1 || shortWindow < 1 || longWindow < shortWindow || lags < longWindow || levelWindow < 1
                || levelWindow > lags) {
            throw new IllegalArgumentException("window features need 1 <= period, 1 <= shortWindow <= longWindow <= lags and "
                    + "1 <= levelWindow <= lags, but were period " + period + ", lags " + lags + ", windows " + shortWindow + "/"
                    + longWindow + ", level window " + levelWindow);
        }
        java.util.Objects.requireNonNull(scale, "scale");
    }

    /**
     * The default features of a period: two seasons of lags (at least 6: yearly data needs a few years to see a trend;
     * at most {@link #MAX_LAGS}; three seasons forecast no better on the M3 and tourism quarterly and monthly
     * collections, and 10 lags instead of 6 forecast worse on yearly data), rolling windows of one and two seasons (3
     * and 6 values without a season), and a level over one season (the last value without a season: the target is then
     * the growth over it).
     *
     * @param period the seasonal period, at least 1
     * @param step   whether the step ahead is a feature
     * @param scale  how values are scaled by the level
     * @param slopes whether the rolling slopes are features
     * @return the features
     */
    public static WindowFeatures forPeriod(int period, boolean step, TargetScale scale, boolean slopes) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, but was " + period);
        }
        int shortWindow = period > 1 ? Math.min(period, MAX_LAGS / 2) : 3;
        int longWindow = 2 * shortWindow;
        int lags = Math.max(longWindow, 6);
        return new WindowFeatures(period, lags, shortWindow, longWindow, Math.min(period, MAX_LAGS), step, scale, slopes);
    }

    /**
     * The fewest values a history needs for a row: the lags.
     *
     * @return the minimum length
     */
    public int minLength() {
        return lags;
    }

    /**
     * Whether the position in the season is a feature (period above 1).
     *
     * @return true if it is
     */
    public boolean season() {
        return period > 1;
    }

    /**
     * The number of features.
     *
     * @return the columns of a row
     */
    public int columns() {
        return lags + 4 + (slopes ? 2 : 0) + (season() ? 1 : 0) + (step ? 1 : 0);
    }

    /**
     * The feature names, in column order.
     *
     * @return the names
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(columns());
        for (int k = 1; k <= lags; k++) {
            names.add("lag_" + k);
        }
        names.add("mean_" + shortWindow);
        names.add("sd_" + shortWindow);
        names.add("mean_" + longWindow);
        names.add("sd_" + longWindow);
        if (slopes) {
            names.add("slope_" + shortWindow);
            names.add("slope_" + longWindow);
        }
        if (season()) {
            names.add("season_position");
        }
        if (step) {
            names.add("step");
        }
        return names;
    }

    /**
     * The level of {@code values[0..origin)}: what the features and target are divided by.
     *
     * @param values the series, of which only the first {@code origin} are read
     * @param origin the number of values before the forecast origin, at least {@link #minLength()}
     * @return a positive finite level
     */
    public double level(double[] values, int origin) {
        double recent = meanAbs(values, origin - levelWindow, origin);
        if (recent > 0 && Double.isFinite(recent)) {
            return recent;
        }
        double all = meanAbs(values, 0, origin);
        return all > 0 && Double.isFinite(all) ? all : 1;
    }

    /**
     * Writes the features of the point {@code step} steps after {@code origin} into {@code out} at {@code offset}.
     * Only {@code values[origin - lags .. origin)} are read, never a value at or after the origin.
     *
     * @param values the series
     * @param origin the number of values before the forecast origin, at least {@link #minLength()}
     * @param step   the step ahead, at least 1 (written only when {@link #step()} is true)
     * @param level  {@link #level}'s value at this origin
     * @param out    the row-major feature array
     * @param offset where this row starts in {@code out}
     */
    public void fill(double[] values, int origin, int step, double level, float[] out, int offset) {
        if (origin < lags || origin > values.length) {
            throw new IllegalArgumentException("origin " + origin + " needs " + lags + " values before it in a series of "
                    + values.length);
        }
        int c = offset;
        for (int k = 1; k <= lags; k++) {
            out[c++] = (float) scale.encode(values[origin - k], level);
        }
        c = moments(values, origin, shortWindow, level, out, c);
        c = moments(values, origin, longWindow, level, out, c);
        if (slopes) {
            out[c++] = (float) slope(values, origin, shortWindow, level);
            out[c++] = (float) slope(values, origin, longWindow, level);
        }
        if (season()) {
            out[c++] = (origin + step - 1) % period;
        }
        if (this.step) {
            out[c] = step;
        }
    }

    private int moments(double[] values, int origin, int window, double level, float[] out, int c) {
        double sum = 0;
        for (int i = origin - window; i < origin; i++) {
            sum += values[i];
        }
        double mean = sum / window;
        double squares = 0;
        for (int i = origin - window; i < origin; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        out[c] = (float) scale.encode(mean, level);
        out[c + 1] = (float) (Math.sqrt(squares / window) / level);
        return c + 2;
    }

    /** The least-squares slope per step of the last {@code window} values, divided by the level. */
    private static double slope(double[] values, int origin, int window, double level) {
        if (window < 2) {
            return 0;
        }
        double meanT = (window - 1) / 2.0;
        double meanY = 0;
        for (int i = 0; i < window; i++) {
            meanY += values[origin - window + i] / window;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < window; i++) {
            sxy += (i - meanT) * (values[origin - window + i] - meanY);
            sxx += (i - meanT) * (i - meanT);
        }
        return sxy / sxx / level;
    }

    private static double meanAbs(double[] values, int from, int to) {
        double sum = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            sum += Math.abs(values[i]);
        }
        return to > Math.max(0, from) ? sum / (to - Math.max(0, from)) : 0;
    }
}
