package automl4j.forecast.search;

import automl4j.forecast.interval.ConformalIntervals;
import automl4j.forecast.interval.PredictionInterval;
import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.series.SeriesHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The final fits: the chosen candidates refitted on each whole history (a global one learned once on all of them) and
 * combined with the ensemble's weights, a member that fails left out and the others reweighted, the intervals around
 * each forecast.
 */
final class FinalFits {
    private final int horizon;
    private final int period;
    private final double[] levels;
    private final long seed;
    private final int threads;
    private final Consumer<String> progress;

    FinalFits(int horizon, int period, double[] levels, long seed, int threads, Consumer<String> progress) {
        this.horizon = horizon;
        this.period = period;
        this.levels = levels;
        this.seed = seed;
        this.threads = threads;
        this.progress = progress;
    }

    /** The global candidates with a weight anywhere, each learned once on the whole histories; failures left out. */
    Map<String, GlobalForecaster.FittedGlobal> fitGlobals(List<SeriesHistory> series, List<Covariates> covariates,
                                                          List<Evaluation> complete, Selection selection) {
        Map<String, GlobalForecaster.FittedGlobal> out = new LinkedHashMap<>();
        for (int c = 0; c < complete.size(); c++) {
            if (!(complete.get(c).forecaster instanceof Candidate.Global g)) {
                continue;
            }
            boolean used = selection.collection().length > c && selection.collection()[c] > 0;
            for (int s = 0; !used && s < series.size(); s++) {
                used = selection.weightsOf(s)[c] > 0;
            }
            if (!used) {
                continue;
            }
            List<double[]> all = series.stream().map(SeriesHistory::values).toList();
            try {
                List<Covariates> seen = g.forecaster().usesCovariates() ? covariates
                        : java.util.Collections.nCopies(series.size(), Covariates.NONE);
                out.put(g.id(), g.forecaster().fit(all, seen, period, horizon, seed, threads));
            } catch (RuntimeException e) {
                progress.accept(g.id() + ": could not be fitted on the whole histories (" + e.getMessage() + "); left out");
            }
        }
        return out;
    }

    List<SeriesForecast> finalForecasts(List<SeriesHistory> series, List<Covariates> covariates, List<Evaluation> complete,
                                        Selection selection,
                                                ConformalIntervals intervals, boolean nonNegative,
                                                Map<String, GlobalForecaster.FittedGlobal> globals, ExecutorService pool) {
        SeriesForecast[] out = new SeriesForecast[series.size()];
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            int si = s;
            tasks.add(() -> {
                out[si] = finalForecast(series.get(si), covariates.get(si), complete, selection.weightsOf(si), intervals,
                        nonNegative, globals);
                return null;
            });
        }
        Backtester.invokeAll(pool, tasks);
        return Arrays.asList(out);
    }

    private SeriesForecast finalForecast(SeriesHistory h, Covariates covariates, List<Evaluation> complete, double[] weights,
                                         ConformalIntervals intervals, boolean nonNegative,
                                         Map<String, GlobalForecaster.FittedGlobal> globals) {
        double[] y = h.values();
        double[] point = new double[horizon];
        Map<String, Double> members = new LinkedHashMap<>();
        List<FittedMember> fitted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        double used = 0;
        for (int c = 0; c < complete.size(); c++) {
            if (weights[c] <= 0) {
                continue;
            }
            Candidate f = complete.get(c).forecaster;
            double[] forecast;
            FittedMember member;
            try {
                if (y.length < f.minLength(period)) {
                    problems.add(f.id() + " needs " + f.minLength(period) + " values");
                    continue;
                }
                if (f instanceof Candidate.Local local) {
                    FittedForecaster model = local.forecaster().fit(y, period);
                    forecast = Backtester.finite(model.forecast(horizon));
                    member = new FittedMember(f.id(), weights[c], model.description(), model.parameters());
                } else {
                    GlobalForecaster.FittedGlobal model = globals.get(f.id());
                    if (model == null) {
                        problems.add(f.id() + " could not be fitted on the whole histories");
                        continue;
                    }
                    Covariates read = ((Candidate.Global) f).forecaster().usesCovariates() ? covariates : Covariates.NONE;
                    forecast = Backtester.finite(model.forecast(y, read, horizon));
                    member = new FittedMember(f.id(), weights[c], model.description(), Map.of());
                }
            } catch (RuntimeException e) {
                problems.add(f.id() + " failed: " + e.getMessage());
                continue;
            }
            for (int j = 0; j < horizon; j++) {
                point[j] += weights[c] * forecast[j];
            }
            members.merge(f.id(), weights[c], Double::sum);
            fitted.add(member);
            used += weights[c];
        }
        String status;
        if (used > 0) {
            for (int j = 0; j < horizon; j++) {
                point[j] /= used;
            }
            double u = used;
            members.replaceAll((k, v) -> v / u);
            fitted.replaceAll(m -> new FittedMember(m.id(), m.weight() / u, m.description(), m.parameters()));
            status = problems.isEmpty() ? "ok" : "left out: " + String.join("; ", problems);
        } else {
            point = Backtester.STANDIN.fit(y, period).forecast(horizon);
            members.put("snaive", 1.0);
            status = complete.isEmpty() ? "fallback-snaive: no candidate finished its backtests"
                    : "fallback-snaive: " + String.join("; ", problems);
        }
        if (nonNegative) {
            for (int j = 0; j < horizon; j++) {
                point[j] = Math.max(0, point[j]);
            }
        }
        double scale = ErrorScale.of(y, y.length, period);
        List<PredictionInterval> bands = new ArrayList<>();
        if (intervals.errors(1) > 0) {
            for (double level : levels) {
                PredictionInterval p = intervals.interval(point, scale, level);
                bands.add(nonNegative ? clip(p) : p);
            }
        }
        return new SeriesForecast(h.id(), point, bands, members, fitted, scale, status);
    }

    private static PredictionInterval clip(PredictionInterval p) {
        double[] lower = p.lower();
        double[] upper = p.upper();
        for (int j = 0; j < lower.length; j++) {
            lower[j] = Math.max(0, lower[j]);
            upper[j] = Math.max(0, upper[j]);
        }
        return new PredictionInterval(p.level(), lower, upper);
    }

}
