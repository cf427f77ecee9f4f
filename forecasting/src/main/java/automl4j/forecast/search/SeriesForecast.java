package automl4j.forecast.search;

import automl4j.forecast.interval.PredictionInterval;
import java.util.List;
import java.util.Map;

/**
 * The forecast of one series after the end of its history.
 *
 * @param id        the series id
 * @param point     the point forecasts, one per step
 * @param intervals the prediction intervals, one per level asked for (none when there were no backtest errors)
 * @param members   the models combined and their weights (summing to one), by forecaster id
 * @param fitted    the members as fitted on the whole history (empty when the seasonal naive stand-in forecast)
 * @param scale     the series' error scale (the MASE denominator of its history), which the intervals are multiples of
 * @param status    {@code ok}, or what stood in and why (a member that failed on the whole history, a history too
 *                  short for any candidate)
 */
public record SeriesForecast(String id, double[] point, List<PredictionInterval> intervals, Map<String, Double> members,
                             List<FittedMember> fitted, double scale, String status) {
    /** Copies the arrays and collections. */
    public SeriesForecast {
        point = point.clone();
        intervals = List.copyOf(intervals);
        members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        fitted = List.copyOf(fitted);
    }

    /**
     * The point forecasts.
     *
     * @return a copy
     */
    @Override
    public double[] point() {
        return point.clone();
    }
}
