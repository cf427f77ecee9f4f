package automl4j.forecast.backtest;

/**
 * One backtest window of a series: fit on the values before {@code origin}, forecast {@code horizon} steps, score on
 * the values at {@code origin .. origin + horizon - 1}.
 *
 * @param origin  the number of values fitted on (the index of the first value scored)
 * @param horizon steps forecast and scored
 */
public record Window(int origin, int horizon) {
    /** Checks the bounds. */
    public Window {
        if (origin < 1 || horizon < 1) {
            throw new IllegalArgumentException("origin and horizon must be >= 1, but were " + origin + " and " + horizon);
        }
    }

    /**
     * The values a window fits on.
     *
     * @param history the whole history
     * @return a copy of its first {@code origin} values
     */
    public double[] training(double[] history) {
        return java.util.Arrays.copyOf(history, origin);
    }

    /**
     * The values a window is scored on.
     *
     * @param history the whole history
     * @return a copy of the {@code horizon} values from {@code origin}
     */
    public double[] actual(double[] history) {
        return java.util.Arrays.copyOfRange(history, origin, origin + horizon);
    }
}
