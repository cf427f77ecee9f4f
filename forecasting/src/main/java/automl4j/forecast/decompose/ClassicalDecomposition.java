package automl4j.forecast.decompose;

import java.util.Arrays;
import java.util.Objects;

/**
 * The classical multiplicative decomposition (Persons' ratio-to-moving-average method): the trend is a centred
 * moving average over one period (a 2 x m average for even m), the seasonal index of each position in the cycle is
 * the mean of the series-to-trend ratios at that position, and the m indices are scaled to average 1.
 *
 * <p>Positions are counted from the history's first value: index {@code i} of {@link #indices()} belongs to the
 * values {@code x[i]}, {@code x[i + m]}, ... Immutable and thread-safe.
 */
public final class ClassicalDecomposition {
    private final double[] indices;

    private ClassicalDecomposition(double[] indices) {
        this.indices = indices;
    }

    /**
     * Decomposes {@code x} multiplicatively.
     *
     * @param x      the values, oldest first, positive for the indices to be meaningful; not changed
     * @param period the seasonal period, at least 2
     * @return the decomposition
     * @throws IllegalArgumentException if the period is below 2 or the history is shorter than two periods
     */
    public static ClassicalDecomposition multiplicative(double[] x, int period) {
        Objects.requireNonNull(x, "x");
        if (period < 2) {
            throw new IllegalArgumentException("period must be >= 2, but was " + period);
        }
        if (x.length < 2 * period) {
            throw new IllegalArgumentException("a classical decomposition needs >= 2 periods (" + 2 * period
                    + " values), but the history had " + x.length);
        }
        double[] trend = centredMovingAverage(x, period);
        double[] sum = new double[period];
        int[] count = new int[period];
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(trend[t])) {
                sum[t % period] += x[t] / trend[t];
                count[t % period]++;
            }
        }
        double[] figure = new double[period];
        double mean = 0;
        for (int i = 0; i < period; i++) {
            figure[i] = sum[i] / count[i];
            mean += figure[i];
        }
        mean /= period;
        for (int i = 0; i < period; i++) {
            figure[i] /= mean;
        }
        return new ClassicalDecomposition(figure);
    }

    /**
     * Decomposition with given indices, as {@link #indices()} returned them; used to restore a fitted model.
     *
     * @param indices the m seasonal indices, by position from the history's start; copied
     * @return the decomposition
     * @throws IllegalArgumentException if fewer than 2 indices are given or one is not finite and positive
     */
    public static ClassicalDecomposition ofIndices(double[] indices) {
        Objects.requireNonNull(indices, "indices");
        if (indices.length < 2) {
            throw new IllegalArgumentException("indices must have >= 2 values, but had " + indices.length);
        }
        for (double v : indices) {
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("seasonal indices must be finite and > 0, but were "
                        + Arrays.toString(indices));
            }
        }
        return new ClassicalDecomposition(indices.clone());
    }

    /**
     * The centred moving average over one period: {@code m} values for odd m, {@code m + 1} values with half weights
     * at the ends for even m; NaN where the window does not fit inside the series.
     *
     * @param x      the values; not changed
     * @param period the period m, at least 1
     * @return as many values as {@code x}
     */
    static double[] centredMovingAverage(double[] x, int period) {
        int n = x.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        int half = period / 2;
        for (int t = half; t + half < n; t++) {
            double s = 0;
            if (period % 2 == 1) {
                for (int j = -half; j <= half; j++) {
                    s += x[t + j];
                }
            } else {
                for (int j = -half + 1; j < half; j++) {
                    s += x[t + j];
                }
                s += 0.5 * (x[t - half] + x[t + half]);
            }
            out[t] = s / period;
        }
        return out;
    }

    /**
     * Whether every index is finite and positive, so that the series can be divided by them.
     *
     * @return true if the indices are usable
     */
    public boolean isUsable() {
        for (double v : indices) {
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The seasonal period m.
     *
     * @return the number of indices
     */
    public int period() {
        return indices.length;
    }

    /**
     * The m seasonal indices, by position from the history's start.
     *
     * @return a copy
     */
    public double[] indices() {
        return indices.clone();
    }

    /**
     * The seasonal index of the value at {@code t} (0 = the history's first value; values after the history
     * continue the cycle).
     *
     * @param t the time index, at least 0
     * @return the index
     */
    public double index(int t) {
        return indices[t % indices.length];
    }

    /**
     * The series divided by its seasonal indices.
     *
     * @param x the values, from the same start as the decomposed history; not changed
     * @return the seasonally adjusted values
     */
    public double[] adjust(double[] x) {
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = x[t] / index(t);
        }
        return out;
    }

    /**
     * Multiplies values in place by the seasonal indices of the times {@code start}, {@code start + 1}, ...
     *
     * @param values the values to reseasonalise; changed
     * @param start  the time index of {@code values[0]}
     */
    public void reseasonalise(double[] values, int start) {
        for (int j = 0; j < values.length; j++) {
            values[j] *= index(start + j);
        }
    }
}
