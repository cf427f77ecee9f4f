package automl4j.forecast.bench;

import automl4j.forecast.metric.ForecastMetrics;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.SeasonalNaiveForecaster;
import automl4j.forecast.pack.Series;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Fits one forecaster to one series' training part and scores its forecasts; a forecaster that fails, or gives
 * forecasts that are not h finite values, is replaced by the seasonal naive forecast and the status says why, as the
 * protocol asks.
 */
final class SeriesRunner {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Forecaster FALLBACK = new SeasonalNaiveForecaster();

    private SeriesRunner() {
    }

    static SeriesOutcome run(String framework, Forecaster forecaster, String collection, Series s, int period,
                             int horizon) {
        double[] train = s.train();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        double[] f;
        String status = "ok";
        try {
            if (train.length < forecaster.minLength(period)) {
                throw new IllegalArgumentException("history of " + train.length + " values is below the minimum "
                        + forecaster.minLength(period));
            }
            f = forecaster.fit(train, period).forecast(horizon);
            if (f.length != horizon || !allFinite(f)) {
                throw new IllegalStateException("non-finite forecast");
            }
        } catch (RuntimeException e) {
            status = "fallback-snaive: " + String.valueOf(e.getMessage()).replaceAll("[\r\n,\"]+", " ");
            f = FALLBACK.fit(train, period).forecast(horizon);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        return score(framework, collection, s, period, f, secs, cpu, status);
    }

    static SeriesOutcome score(String framework, String collection, Series s, int period, double[] f, double secs,
                               double cpu, String status) {
        double[] test = s.test();
        return new SeriesOutcome(framework, collection, s.id(), f, ForecastMetrics.smape(test, f),
                ForecastMetrics.mase(test, f, s.train(), period), secs, cpu, status);
    }

    /** The mean of members' forecasts, its time the sum of theirs, ok only if every member was. */
    static SeriesOutcome combine(String framework, String collection, Series s, int period,
                                 List<SeriesOutcome> members) {
        int h = members.get(0).forecast.length;
        double[] f = new double[h];
        double secs = 0;
        double cpu = 0;
        boolean ok = true;
        for (SeriesOutcome m : members) {
            for (int j = 0; j < h; j++) {
                f[j] += m.forecast[j] / members.size();
            }
            secs += m.fitSeconds;
            cpu += m.cpuSeconds;
            ok &= m.ok();
        }
        return score(framework, collection, s, period, f, secs, cpu, ok ? "ok" : "component-fallback");
    }

    private static boolean allFinite(double[] f) {
        for (double v : f) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
