package automl4j.forecast.search;

import automl4j.forecast.interval.ConformalIntervals;
import automl4j.forecast.model.GlobalForecaster;
import java.util.List;
import java.util.Map;

/**
 * What a forecasting search gives: the leaderboard of candidates on the backtests, the ensemble, its own backtest
 * score, the forecast of every series and the intervals' calibration.
 *
 * @param leaderboard      one row per candidate, best backtest score in {@code metric} first (unfinished ones last)
 * @param scope            where the ensemble's weights were chosen
 * @param weights          the collection's ensemble, by forecaster id (for {@link EnsembleScope#SERIES}: the weights
 *                         used for series without backtest windows)
 * @param ensembleMase     the ensemble's mean backtest MASE (optimistic: the weights were chosen on the same windows)
 * @param ensembleSmape    its mean backtest sMAPE
 * @param metric           what the search minimised
 * @param ensembleScore    the ensemble's backtest score in {@code metric} (optimistic, as {@code ensembleMase})
 * @param forecasts        one per series, in the order given
 * @param globals          the global models of the ensemble as learned on the whole histories, by id
 * @param intervals        the per-step error quantiles the intervals come from
 * @param seriesWithoutWindows series too short for any backtest window (their forecasts still use the ensemble)
 * @param backtestCoverage the share of backtest values inside each level's interval when the intervals are calibrated
 *                         on other series' (or, with fewer than five series, other windows') errors: an estimate of
 *                         the coverage to expect; empty when there were too few windows
 * @param seconds          wall-clock seconds of the whole search
 */
public record ForecastOutcome(List<CandidateScore> leaderboard, EnsembleScope scope, Map<String, Double> weights,
                              double ensembleMase, double ensembleSmape, ForecastMetric metric, double ensembleScore,
                              List<SeriesForecast> forecasts,
                              Map<String, GlobalForecaster.FittedGlobal> globals, ConformalIntervals intervals, int seriesWithoutWindows,
                              Map<Double, Double> backtestCoverage, double seconds) {
    /** Copies the collections. */
    public ForecastOutcome {
        leaderboard = List.copyOf(leaderboard);
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        forecasts = List.copyOf(forecasts);
        globals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(globals));
        backtestCoverage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(backtestCoverage));
    }
}
