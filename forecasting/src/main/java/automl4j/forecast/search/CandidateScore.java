package automl4j.forecast.search;

/**
 * One candidate's row of the forecasting leaderboard: how its backtest forecasts scored over all series.
 *
 * @param id              the forecaster's id
 * @param mase            mean over series of the mean MASE of its backtest windows (NaN if none was scored)
 * @param smape           the same for sMAPE, in percent
 * @param mae             its backtest mean absolute error ({@link ForecastMetric#MAE})
 * @param rmse            its backtest root mean squared error ({@link ForecastMetric#RMSE})
 * @param windows         backtest windows it forecast
 * @param fallbacks       windows where it could not fit (too short, or it failed) and the seasonal naive forecast
 *                        stood in
 * @param firstFailure    the first failure's message, or null
 * @param seconds         time spent fitting and forecasting, summed over threads
 * @param status          {@code ok}, {@code skipped: budget} (not started before the budget ran out) or
 *                        {@code stopped: budget} (started, not finished; left out of the ensemble)
 * @param weight          its weight in the collection's ensemble (for {@link EnsembleScope#SERIES}: the mean of the
 *                        series' weights)
 */
public record CandidateScore(String id, double mase, double smape, double mae, double rmse, int windows, int fallbacks, String firstFailure,
                             double seconds, String status, double weight) {
    /**
     * Whether the candidate was evaluated on every window and can be part of the ensemble.
     *
     * @return true for status {@code ok}
     */
    public boolean complete() {
        return "ok".equals(status);
    }

    /**
     * Its backtest score in {@code metric}.
     *
     * @param metric the metric
     * @return the score, NaN if none was scored
     */
    public double score(ForecastMetric metric) {
        return switch (metric) {
            case MASE -> mase;
            case SMAPE -> smape;
            case MAE -> mae;
            case RMSE -> rmse;
        };
    }
}
