package automl4j.forecast.search;

/** Where the ensemble's weights are chosen. */
public enum EnsembleScope {
    /** One set of weights for all series, chosen on the backtests of all of them: the default, the most robust. */
    COLLECTION,
    /**
     * Weights chosen per series on its own backtests (the collection's weights for a series without any); fits each
     * series more closely, and overfits its few windows more easily.
     */
    SERIES,
    /** No ensemble: the single candidate with the best backtest score over all series. */
    BEST;

    /**
     * The scope named {@code text}: {@code collection}, {@code series} or {@code best}, case-insensitive.
     *
     * @param text the name
     * @return the scope
     * @throws IllegalArgumentException naming the accepted names
     */
    public static EnsembleScope parse(String text) {
        for (EnsembleScope s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("ensemble scope must be one of collection, series, best, but was '" + text + "'");
    }
}
