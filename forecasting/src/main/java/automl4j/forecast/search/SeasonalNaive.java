package automl4j.forecast.search;

/** The seasonal naive forecast, the search's stand-in where a candidate cannot forecast. */
public final class SeasonalNaive {
    private SeasonalNaive() {
    }

    /**
     * The last season repeated (the last value when the history is shorter than a season).
     *
     * @param y       the history, at least one value
     * @param period  the seasonal period
     * @param horizon the steps
     * @return the forecasts
     */
    public static double[] forecast(double[] y, int period, int horizon) {
        int n = y.length;
        double[] out = new double[horizon];
        int lag = n >= period ? period : 1;
        for (int j = 0; j < horizon; j++) {
            out[j] = y[n - lag + (j % lag)];
        }
        return out;
    }
}
