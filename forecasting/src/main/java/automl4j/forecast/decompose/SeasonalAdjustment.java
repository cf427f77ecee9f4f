package automl4j.forecast.decompose;

import java.util.Optional;

/**
 * The seasonal adjustment the M3/M4 simple benchmarks share: a history whose lag-m autocorrelation passes a {@link
 * SeasonalityCheck} is divided by the indices of its {@link ClassicalDecomposition}, forecast, and its forecasts are
 * multiplied back. A history that fails the test, or whose indices are unusable (zeros in the data), is left as it
 * is. Immutable and thread-safe.
 */
public final class SeasonalAdjustment {
    private static final SeasonalAdjustment NONE = new SeasonalAdjustment(null);

    private final ClassicalDecomposition decomposition;

    private SeasonalAdjustment(ClassicalDecomposition decomposition) {
        this.decomposition = decomposition;
    }

    /**
     * Chooses the adjustment of {@code history}.
     *
     * @param history the values, oldest first; not changed
     * @param period  the seasonal period
     * @param test    the test that decides whether the history is seasonal
     * @return the adjustment, the identity when the history is not seasonal
     */
    public static SeasonalAdjustment of(double[] history, int period, SeasonalityCheck test) {
        if (!test.isSeasonal(history, period)) {
            return NONE;
        }
        ClassicalDecomposition d = ClassicalDecomposition.multiplicative(history, period);
        return d.isUsable() ? new SeasonalAdjustment(d) : NONE;
    }

    /**
     * The adjustment with known indices, or none; used to restore a fitted model.
     *
     * @param indices the seasonal indices by position from the history's start, or null for none; copied
     * @return the adjustment
     */
    public static SeasonalAdjustment ofIndices(double[] indices) {
        return indices == null ? NONE : new SeasonalAdjustment(ClassicalDecomposition.ofIndices(indices));
    }

    /**
     * The decomposition whose indices are applied, if the history was found seasonal.
     *
     * @return the decomposition, or empty
     */
    public Optional<ClassicalDecomposition> decomposition() {
        return Optional.ofNullable(decomposition);
    }

    /**
     * The seasonal indices applied, by position from the history's start.
     *
     * @return a copy, or null when the history is not adjusted
     */
    public double[] indicesOrNull() {
        return decomposition == null ? null : decomposition.indices();
    }

    /**
     * The seasonally adjusted history.
     *
     * @param history the values; not changed
     * @return a new array
     */
    public double[] adjust(double[] history) {
        return decomposition == null ? history.clone() : decomposition.adjust(history);
    }

    /**
     * Reseasonalises values in place.
     *
     * @param values the adjusted values of times {@code start}, {@code start + 1}, ...; NaN stays NaN
     * @param start  the time index of {@code values[0]} (0 = the history's first value)
     * @return {@code values}
     */
    public double[] reseasonalise(double[] values, int start) {
        if (decomposition != null) {
            decomposition.reseasonalise(values, start);
        }
        return values;
    }
}
