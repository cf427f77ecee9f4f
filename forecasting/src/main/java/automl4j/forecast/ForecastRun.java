package automl4j.forecast;

import automl4j.forecast.search.ForecastOutcome;
import automl4j.forecast.series.SeriesTable;
import java.util.List;

/**
 * What {@link AutoForecast#fit} gives: the search's outcome (leaderboard, ensemble, forecasts and intervals of every
 * series after the end of the training data), the series as read, and the fitted model.
 *
 * @param outcome  the search's outcome
 * @param series   the training table's series, with the report of what was found and done
 * @param model    the fitted model, to save or to forecast new histories
 * @param forecast the forecasts after the training data's end, as a table
 * @param report   what the run found and did, for people: data problems, series too short for backtests, fallbacks
 */
public record ForecastRun(ForecastOutcome outcome, SeriesTable series, ForecastModel model, ForecastTable forecast,
                          List<String> report) {
    /** Copies the report. */
    public ForecastRun {
        report = List.copyOf(report);
    }
}
