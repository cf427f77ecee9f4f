package automl4j.forecast;

import java.util.List;

/**
 * One forecast step of one series.
 *
 * @param idValues  the series' id cells, one per id column
 * @param time      the step's time, written as the history writes times
 * @param step      the step, from 1
 * @param forecast  the point forecast
 * @param lower     the lower bound of each interval level, in the model's level order (NaN without intervals)
 * @param upper     the upper bound of each interval level
 * @param quantiles the quantile forecasts, in the model's quantile order
 */
public record ForecastRow(List<String> idValues, String time, int step, double forecast, double[] lower, double[] upper,
                          double[] quantiles) {
    /** Copies the arrays. */
    public ForecastRow {
        idValues = List.copyOf(idValues);
        lower = lower.clone();
        upper = upper.clone();
        quantiles = quantiles.clone();
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

    /**
     * The quantile forecasts.
     *
     * @return a copy
     */
    @Override
    public double[] quantiles() {
        return quantiles.clone();
    }
}
