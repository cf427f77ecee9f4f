package automl4j.registry;

/** The order of {@link ModelRegistry#runs}. Runs without a value for the sort key come last in every order. */
public enum SortOrder {
    /** Smallest first. */
    ASCENDING,
    /** Largest first. */
    DESCENDING,
    /**
     * Best first by each run's own metric direction ({@link RunRecord#higherIsBetter()}): only for the keys
     * {@code validation} and {@code test}, whose meaning depends on the run's metric.
     */
    BEST_FIRST
}
