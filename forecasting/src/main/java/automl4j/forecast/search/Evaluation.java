package automl4j.forecast.search;

/** A candidate's forecasts of every backtest point, or why it has none. */
final class Evaluation {
    final Candidate forecaster;
    final double[] forecast;
    final String status;
    final int windows;
    final int fallbacks;
    final String firstFailure;
    final double seconds;

    Evaluation(Candidate forecaster, double[] forecast, String status, int windows, int fallbacks, String firstFailure,
               double seconds) {
        this.forecaster = forecaster;
        this.forecast = forecast;
        this.status = status;
        this.windows = windows;
        this.fallbacks = fallbacks;
        this.firstFailure = firstFailure;
        this.seconds = seconds;
    }

    static Evaluation skipped(Candidate c) {
        return new Evaluation(c, null, "skipped: budget", 0, 0, null, 0);
    }

    double score(Backtests b, ForecastMetric metric) {
        return forecast == null ? Double.NaN : metric.of(b, forecast, 0, b.points());
    }
}
