package automl4j.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.forecast.Forecasters;
import automl4j.forecast.backtest.BacktestPlan;
import automl4j.forecast.backtest.Window;
import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.series.SeriesHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The backtests never look ahead: rewriting every value at or after a window's origin (and the observed covariates
 * there, and the known ones past the window's horizon) leaves that window's forecast bit for bit the same, for every
 * model, local or global. This is the guarantee that the backtest scores, the ensemble weights and the intervals rest on.
 */
class NoLookAheadTest {
    private static final int HORIZON = 6;
    private static final int PERIOD = 4;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private static List<SeriesHistory> series(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<SeriesHistory> out = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            double[] y = new double[30 + 2 * s];
            double level = 50 + 5 * s;
            for (int t = 0; t < y.length; t++) {
                level += r.nextDouble() - 0.4;
                y[t] = level * (1 + 0.2 * Math.sin(2 * Math.PI * t / PERIOD)) + r.nextDouble();
            }
            out.add(new SeriesHistory("s" + s, y));
        }
        return out;
    }

    private static List<Covariates> covariates(List<SeriesHistory> series, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Covariates> out = new ArrayList<>();
        for (SeriesHistory h : series) {
            double[] known = r.doubles(h.length() + HORIZON).toArray();
            double[] observed = r.doubles(h.length()).toArray();
            out.add(new Covariates(new double[][]{known}, new double[][]{observed}));
        }
        return out;
    }

    /** The series with every value from window rank {@code k}'s origin on replaced by noise of another scale. */
    private static List<SeriesHistory> rewrittenAfter(List<SeriesHistory> series, Backtests b, int k) {
        SplittableRandom r = new SplittableRandom(99);
        List<SeriesHistory> out = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            double[] y = series.get(s).values();
            if (b.windows.get(s).size() > k) {
                for (int t = b.windows.get(s).get(k).origin(); t < y.length; t++) {
                    y[t] = 1000 * r.nextDouble();
                }
            }
            out.add(new SeriesHistory(series.get(s).id(), y));
        }
        return out;
    }

    private static List<Covariates> rewrittenAfter(List<Covariates> covariates, List<SeriesHistory> series, Backtests b, int k) {
        SplittableRandom r = new SplittableRandom(98);
        List<Covariates> out = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Covariates c = covariates.get(s);
            int n = series.get(s).length();
            double[] known = new double[n + HORIZON];
            double[] observed = new double[n];
            for (int t = 0; t < known.length; t++) {
                known[t] = c.known(0, t);
            }
            for (int t = 0; t < n; t++) {
                observed[t] = c.observed(0, t);
            }
            if (b.windows.get(s).size() > k) {
                Window w = b.windows.get(s).get(k);
                for (int t = w.origin() + HORIZON; t < known.length; t++) {
                    known[t] = 1000 * r.nextDouble();
                }
                for (int t = w.origin(); t < n; t++) {
                    observed[t] = 1000 * r.nextDouble();
                }
            }
            out.add(new Covariates(new double[][]{known}, new double[][]{observed}));
        }
        return out;
    }

    private static double[] rank(double[] forecast, Backtests b, int k) {
        List<Double> out = new ArrayList<>();
        for (int s = 0; s + 1 < b.offsets.length; s++) {
            if (b.windows.get(s).size() > k) {
                for (int j = 0; j < HORIZON; j++) {
                    out.add(forecast[b.offsets[s] + k * HORIZON + j]);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void localModelsForecastEachWindowFromItsPastOnly() {
        List<SeriesHistory> series = series(1);
        Backtests b = new Backtests(series, new BacktestPlan(HORIZON, 3, 2, 8), PERIOD);
        Backtester tester = new Backtester(HORIZON, PERIOD, 1, 2);
        for (String id : Forecasters.defaults()) {
            Forecaster f = Forecasters.byId(id);
            double[] before = tester.evaluate(f, new Candidate.Local(f), series, b, false, Long.MAX_VALUE, POOL).forecast;
            for (int k : new int[]{0, 2}) {
                List<SeriesHistory> rewritten = rewrittenAfter(series, b, k);
                double[] after = tester.evaluate(f, new Candidate.Local(f), rewritten, b, false, Long.MAX_VALUE, POOL).forecast;
                assertThat(rank(after, b, k)).as("%s, window rank %d", id, k).containsExactly(rank(before, b, k));
                if (k > 0) {   // the windows after rank k's origin fit on the rewritten values: the test can tell
                    assertThat(Arrays.equals(after, before)).as("%s: later windows see the rewritten values", id).isFalse();
                }
            }
        }
    }

    @Test
    void globalModelsAndTheirCovariatesForecastEachWindowFromItsPastOnly() {
        List<SeriesHistory> series = series(2);
        List<Covariates> covariates = covariates(series, 3);
        Backtests b = new Backtests(series, new BacktestPlan(HORIZON, 3, 2, 8), PERIOD);
        Backtester tester = new Backtester(HORIZON, PERIOD, 1, 2);
        // the learner does not matter to what the features read; the linear one is the quickest to fit
        GlobalForecaster g = Forecasters.globalById("global-linear");
        Candidate c = new Candidate.Global(g);
        double[] before = tester.evaluateGlobal(g, c, series, covariates, b, false, Long.MAX_VALUE).forecast;
        for (int k = 0; k < 3; k++) {
            double[] after = tester.evaluateGlobal(g, c, rewrittenAfter(series, b, k), rewrittenAfter(covariates, series, b, k), b,
                    false, Long.MAX_VALUE).forecast;
            assertThat(rank(after, b, k)).as("window rank %d", k).containsExactly(rank(before, b, k));
            if (k > 0) {
                assertThat(Arrays.equals(after, before)).as("later windows see the rewritten values").isFalse();
            }
        }
    }
}
