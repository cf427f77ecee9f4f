package automl4j.forecast.interval;

/**
 * A central prediction interval of one series' forecast: at each step the true value should lie in
 * {@code [lower, upper]} with probability {@code level}.
 *
 * @param level the nominal coverage, in (0, 1)
 * @param lower the lower bounds, one per step
 * @param upper the upper bounds, one per step
 */
public record PredictionInterval(double level, double[] lower, double[] upper) {
    /** Copies the bounds. */
    public PredictionInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("an interval's level must be in (0, 1), but was " + level);
        }
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("lower and upper bounds differ in length: " + lower.length + " and " + upper.length);
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /**
     * The lower bounds.
     *
     * @return a copy
     */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /**
     * The upper bounds.
     *
     * @return a copy
     */
    @Override
    public double[] upper() {
        return upper.clone();
    }
}
