package automl4j.forecast.bench;

/**
 * One framework's result on one series: its forecasts and scores, as the protocol's results file has them.
 */
final class SeriesOutcome {
    final String framework;
    final String collection;
    final String seriesId;
    final double[] forecast;
    final double smape;
    final double mase;
    final double fitSeconds;
    final double cpuSeconds;
    final String status;

    SeriesOutcome(String framework, String collection, String seriesId, double[] forecast, double smape, double mase,
                  double fitSeconds, double cpuSeconds, String status) {
        this.framework = framework;
        this.collection = collection;
        this.seriesId = seriesId;
        this.forecast = forecast.clone();
        this.smape = smape;
        this.mase = mase;
        this.fitSeconds = fitSeconds;
        this.cpuSeconds = cpuSeconds;
        this.status = status;
    }

    boolean ok() {
        return status.equals("ok");
    }
}
