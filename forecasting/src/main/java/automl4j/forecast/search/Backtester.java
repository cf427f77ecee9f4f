package automl4j.forecast.search;

import automl4j.forecast.backtest.Window;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.model.SeasonalNaiveForecaster;
import automl4j.forecast.series.SeriesHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backtests one candidate on every window of every series (a local one fitted per series and window, in parallel over
 * series; a global one learned once per window rank), with the seasonal naive forecast standing in where it cannot
 * forecast.
 */
final class Backtester {
    /** The stand-in where no model can forecast. */
    static final SeasonalNaiveForecaster STANDIN = new SeasonalNaiveForecaster();

    private final int horizon;
    private final int period;
    private final long seed;
    private final int threads;

    Backtester(int horizon, int period, long seed, int threads) {
        this.horizon = horizon;
        this.period = period;
        this.seed = seed;
        this.threads = threads;
    }

    Evaluation evaluate(Forecaster c, Candidate candidate, List<SeriesHistory> series, Backtests b, boolean nonNegative,
                                long deadline, ExecutorService pool) {
        double[] forecast = new double[b.points()];
        AtomicInteger windows = new AtomicInteger();
        AtomicInteger fallbacks = new AtomicInteger();
        String[] firstFailure = new String[1];
        double[] seconds = new double[series.size()];
        boolean[] stopped = new boolean[1];
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            int si = s;
            tasks.add(() -> {
                if (System.nanoTime() - deadline >= 0) {
                    synchronized (stopped) {
                        stopped[0] = true;
                    }
                    return null;
                }
                long t0 = System.nanoTime();
                double[] y = series.get(si).values();
                List<Window> ws = b.windows.get(si);
                for (int k = 0; k < ws.size(); k++) {
                    Window w = ws.get(k);
                    double[] f;
                    try {
                        f = w.origin() < c.minLength(period) ? null : finite(c.fit(w.training(y), period).forecast(horizon));
                    } catch (RuntimeException e) {
                        f = null;
                        synchronized (firstFailure) {
                            if (firstFailure[0] == null) {
                                firstFailure[0] = "series '" + series.get(si).id() + "', origin " + w.origin() + ": " + e;
                            }
                        }
                    }
                    if (f == null) {
                        f = STANDIN.fit(w.training(y), period).forecast(horizon);
                        fallbacks.incrementAndGet();
                    }
                    windows.incrementAndGet();
                    int base = b.offsets[si] + k * horizon;
                    for (int j = 0; j < horizon; j++) {
                        forecast[base + j] = nonNegative ? Math.max(0, f[j]) : f[j];
                    }
                }
                seconds[si] = (System.nanoTime() - t0) / 1e9;
                return null;
            });
        }
        invokeAll(pool, tasks);
        String status = stopped[0] ? "stopped: budget" : "ok";
        return new Evaluation(candidate, stopped[0] ? null : forecast, status, windows.get(), fallbacks.get(), firstFailure[0],
                Arrays.stream(seconds).sum());
    }

    /**
     * Backtests a global forecaster: for each window rank, one model learned on every series cut at its window of that
     * rank, then each of those series forecast from its cut.
     */
    Evaluation evaluateGlobal(GlobalForecaster g, Candidate candidate, List<SeriesHistory> series, List<Covariates> covariates,
                              Backtests b, boolean nonNegative, long deadline) {
        boolean reads = g.usesCovariates();
        long t0 = System.nanoTime();
        double[] forecast = new double[b.points()];
        int windows = 0;
        int fallbacks = 0;
        String firstFailure = null;
        int ranks = b.windows.stream().mapToInt(List::size).max().orElse(0);
        for (int k = 0; k < ranks; k++) {
            if (System.nanoTime() - deadline >= 0) {
                return new Evaluation(candidate, null, "stopped: budget", windows, fallbacks, firstFailure,
                        (System.nanoTime() - t0) / 1e9);
            }
            List<Integer> members = new ArrayList<>();
            List<double[]> cuts = new ArrayList<>();
            List<Covariates> seen = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                if (b.windows.get(s).size() > k) {
                    members.add(s);
                    Window w = b.windows.get(s).get(k);
                    cuts.add(w.training(series.get(s).values()));
                    seen.add(reads ? covariates.get(s).cut(w.origin(), horizon) : Covariates.NONE);
                }
            }
            GlobalForecaster.FittedGlobal model = null;
            try {
                model = g.fit(cuts, seen, period, horizon, seed + k, threads);
            } catch (RuntimeException e) {
                firstFailure = firstFailure != null ? firstFailure : "window rank " + (k + 1) + ": " + e;
            }
            for (int i = 0; i < members.size(); i++) {
                int s = members.get(i);
                double[] cut = cuts.get(i);
                double[] f = null;
                if (model != null && cut.length >= g.minLength(period)) {
                    try {
                        f = finite(model.forecast(cut, seen.get(i), horizon));
                    } catch (RuntimeException e) {
                        firstFailure = firstFailure != null ? firstFailure : "series '" + series.get(s).id() + "': " + e;
                    }
                }
                if (f == null) {
                    f = STANDIN.fit(cut, period).forecast(horizon);
                    fallbacks++;
                }
                windows++;
                int base = b.offsets[s] + k * horizon;
                for (int j = 0; j < horizon; j++) {
                    forecast[base + j] = nonNegative ? Math.max(0, f[j]) : f[j];
                }
            }
        }
        return new Evaluation(candidate, forecast, "ok", windows, fallbacks, firstFailure, (System.nanoTime() - t0) / 1e9);
    }

    /** {@code f} if every value is finite; otherwise a failure. */
    static double[] finite(double[] f) {
        for (double v : f) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("forecast is not finite: " + Arrays.toString(f));
            }
        }
        return f;
    }

    static void invokeAll(ExecutorService pool, List<Callable<Void>> tasks) {
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("forecast search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("forecast search task failed: " + e.getCause(), e.getCause());
        }
    }

}
