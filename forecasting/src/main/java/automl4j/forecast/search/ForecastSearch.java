package automl4j.forecast.search;

import automl4j.ensemble.EnsembleSelection;
import automl4j.forecast.backtest.BacktestPlan;
import automl4j.forecast.backtest.Window;
import automl4j.forecast.interval.ConformalIntervals;
import automl4j.forecast.interval.PredictionInterval;
import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.SeasonalNaiveForecaster;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.series.SeriesHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Forecasts a collection of series: backtests every candidate on rolling origins inside each history, selects an
 * ensemble on the backtest forecasts (Caruana's greedy selection with replacement, minimising the mean MASE over
 * series), refits the chosen candidates on each whole history and combines their forecasts, and gives intervals from
 * the ensemble's backtest errors ({@link ConformalIntervals}).
 *
 * <p>Nothing fitted in a window sees a value after its origin; the scale of each window's errors comes from its own
 * training values. Candidates are evaluated in the order given, each over all series in parallel; when the time budget
 * runs out, the candidate under way stops and is left out, later ones are skipped, and the ensemble is chosen from
 * those that finished. A candidate that cannot fit a window (too short, or it fails) gets the seasonal naive forecast
 * there, counted on its leaderboard row, so its score says what using it would have cost. Immutable and thread-safe;
 * build one with {@link #builder(int, int)}.
 */
public final class ForecastSearch {
    /** The stand-in where no model can forecast. */
    private static final SeasonalNaiveForecaster STANDIN = new SeasonalNaiveForecaster();
    /** Rounds of ensemble selection by default. */
    public static final int DEFAULT_ROUNDS = 25;
    /** Interval levels by default. */
    public static final double[] DEFAULT_LEVELS = {0.8, 0.95};

    private final List<Candidate> candidates;
    private final long seed;
    private final int horizon;
    private final int period;
    private final int origins;
    private final int step;
    private final EnsembleScope scope;
    private final int rounds;
    private final double[] levels;
    private final int threads;
    private final Duration budget;
    private final boolean clipAtZero;
    private final Consumer<String> progress;

    private ForecastSearch(Builder b) {
        this.candidates = List.copyOf(b.candidates);
        this.seed = b.seed;
        this.horizon = b.horizon;
        this.period = b.period;
        this.origins = b.origins;
        this.step = b.step;
        this.scope = b.scope;
        this.rounds = b.rounds;
        this.levels = b.levels.clone();
        this.threads = b.threads;
        this.budget = b.budget;
        this.clipAtZero = b.clipAtZero;
        this.progress = b.progress;
    }

    /**
     * A builder for series of seasonal period {@code period}, forecast {@code horizon} steps ahead.
     *
     * @param horizon steps to forecast, at least 1
     * @param period  the seasonal period, at least 1
     * @return the builder
     */
    public static Builder builder(int horizon, int period) {
        return new Builder(horizon, period);
    }

    /**
     * The backtest plan for {@code seriesCount} series: the origins asked for, or by default 3 for ten series or more
     * and up to 20 for fewer (a single series needs more windows for its intervals); consecutive origins a third of
     * the horizon apart unless a step was given; each window fitting at least {@code max(4, 2 x period)} values.
     *
     * @param seriesCount how many series
     * @return the plan
     */
    public BacktestPlan plan(int seriesCount) {
        int k = origins > 0 ? origins : Math.max(3, Math.min(20, (int) Math.ceil(30.0 / Math.max(1, seriesCount))));
        int s = step > 0 ? step : Math.max(1, horizon / 3);
        return new BacktestPlan(horizon, k, s, Math.max(4, 2 * period));
    }

    /**
     * Runs the search.
     *
     * @param series the histories, ids unique, at least one
     * @return the leaderboard, the ensemble and every series' forecast
     * @throws IllegalArgumentException if there is no series, an id repeats, or a history is empty
     */
    public ForecastOutcome run(List<SeriesHistory> series) {
        long start = System.nanoTime();
        long deadline = budget == null ? Long.MAX_VALUE : start + budget.toNanos();
        check(series);
        Backtests backtests = new Backtests(series, plan(series.size()), period);
        boolean nonNegative = clipAtZero && series.stream().allMatch(h -> Arrays.stream(h.values()).allMatch(v -> v >= 0));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "forecast-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Evaluation> evaluations = new ArrayList<>();
            for (Candidate c : candidates) {
                if (System.nanoTime() - deadline >= 0) {
                    evaluations.add(Evaluation.skipped(c));
                    continue;
                }
                Evaluation e = c instanceof Candidate.Local local
                        ? evaluate(local.forecaster(), c, series, backtests, nonNegative, deadline, pool)
                        : evaluateGlobal(((Candidate.Global) c).forecaster(), c, series, backtests, nonNegative, deadline);
                evaluations.add(e);
                progress.accept(String.format(java.util.Locale.ROOT, "%s: %s on %d backtest windows in %.1f s, MASE %.4f, sMAPE %.2f",
                        c.id(), e.status, e.windows, e.seconds, e.mase(backtests), e.smape(backtests)));
            }
            List<Evaluation> complete = evaluations.stream().filter(e -> e.status.equals("ok")).toList();
            Selection selection = select(complete, series.size(), backtests);
            double[] blend = selection.blend(complete, backtests);
            ConformalIntervals intervals = ConformalIntervals.fromErrors(errorsByStep(blend, backtests));
            Map<String, GlobalForecaster.FittedGlobal> globals = fitGlobals(series, complete, selection);
            List<SeriesForecast> forecasts = finalForecasts(series, complete, selection, intervals, nonNegative, globals, pool);
            List<CandidateScore> board = leaderboard(evaluations, complete, selection, backtests, series.size());
            return new ForecastOutcome(board, scope, selection.collectionWeights(complete), backtests.mase(blend, 0,
                    backtests.points()), backtests.smape(blend, 0, backtests.points()), forecasts, globals, intervals,
                    series.size() - backtests.seriesWithWindows, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(List<SeriesHistory> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no series to forecast");
        }
        Set<String> ids = new HashSet<>();
        for (SeriesHistory h : series) {
            if (!ids.add(h.id())) {
                throw new IllegalArgumentException("series id '" + h.id() + "' appears twice");
            }
            if (h.length() == 0) {
                throw new IllegalArgumentException("series '" + h.id() + "' has no values");
            }
        }
    }

    /** A candidate's forecasts of every backtest point, or why it has none. */
    private static final class Evaluation {
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

        double mase(Backtests b) {
            return forecast == null ? Double.NaN : b.mase(forecast, 0, b.points());
        }

        double smape(Backtests b) {
            return forecast == null ? Double.NaN : b.smape(forecast, 0, b.points());
        }
    }

    private Evaluation evaluate(Forecaster c, Candidate candidate, List<SeriesHistory> series, Backtests b, boolean nonNegative,
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
    private Evaluation evaluateGlobal(GlobalForecaster g, Candidate candidate, List<SeriesHistory> series, Backtests b,
                                      boolean nonNegative, long deadline) {
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
            for (int s = 0; s < series.size(); s++) {
                if (b.windows.get(s).size() > k) {
                    members.add(s);
                    cuts.add(b.windows.get(s).get(k).training(series.get(s).values()));
                }
            }
            GlobalForecaster.FittedGlobal model = null;
            try {
                model = g.fit(cuts, period, horizon, seed + k, threads);
            } catch (RuntimeException e) {
                firstFailure = firstFailure != null ? firstFailure : "window rank " + (k + 1) + ": " + e;
            }
            for (int i = 0; i < members.size(); i++) {
                int s = members.get(i);
                double[] cut = cuts.get(i);
                double[] f = null;
                if (model != null && cut.length >= g.minLength(period)) {
                    try {
                        f = finite(model.forecast(cut, horizon));
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
    private static double[] finite(double[] f) {
        for (double v : f) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("forecast is not finite: " + Arrays.toString(f));
            }
        }
        return f;
    }

    private static void invokeAll(ExecutorService pool, List<Callable<Void>> tasks) {
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

    /** The ensemble's weights: per candidate of {@code complete}, for the collection and (scope SERIES) per series. */
    private record Selection(double[] collection, double[][] perSeries) {
        double[] weightsOf(int series) {
            return perSeries == null || perSeries[series] == null ? collection : perSeries[series];
        }

        Map<String, Double> collectionWeights(List<Evaluation> complete) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (int c = 0; c < complete.size(); c++) {
                if (collection[c] > 0) {
                    out.put(complete.get(c).forecaster.id(), collection[c]);
                }
            }
            return out;
        }

        double[] blend(List<Evaluation> complete, Backtests b) {
            double[] out = new double[b.points()];
            for (int s = 0; s + 1 < b.offsets.length; s++) {
                double[] w = weightsOf(s);
                for (int c = 0; c < complete.size(); c++) {
                    if (w[c] > 0) {
                        double[] f = complete.get(c).forecast;
                        for (int i = b.offsets[s]; i < b.offsets[s + 1]; i++) {
                            out[i] += w[c] * f[i];
                        }
                    }
                }
            }
            return out;
        }
    }

    private Selection select(List<Evaluation> complete, int seriesCount, Backtests b) {
        if (complete.isEmpty()) {
            return new Selection(new double[0], null);
        }
        double[] collection = b.points() == 0 ? first(complete.size())
                : selectOn(complete, b, 0, b.points(), scope == EnsembleScope.BEST ? 1 : rounds);
        double[][] perSeries = null;
        if (scope == EnsembleScope.SERIES) {
            perSeries = new double[seriesCount][];
            for (int s = 0; s < seriesCount; s++) {
                if (b.offsets[s + 1] > b.offsets[s]) {
                    perSeries[s] = selectOn(complete, b, b.offsets[s], b.offsets[s + 1], rounds);
                }
            }
        }
        return new Selection(collection, perSeries);
    }

    private static double[] first(int n) {
        double[] w = new double[n];
        w[0] = 1;
        return w;
    }

    /** Caruana's selection on the scaled forecasts of points {@code [from, to)}. */
    private static double[] selectOn(List<Evaluation> complete, Backtests b, int from, int to, int rounds) {
        int n = to - from;
        List<float[]> scaled = new ArrayList<>(complete.size());
        for (Evaluation e : complete) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) (e.forecast[from + i] / b.scale[from + i]);
            }
            scaled.add(f);
        }
        double[] target = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = b.actual[from + i] / b.scale[from + i];
            weight[i] = b.weight[from + i];
        }
        return new EnsembleSelection(rounds).select(scaled, blend -> {
            double loss = 0;
            for (int i = 0; i < n; i++) {
                loss += weight[i] * Math.abs(blend[i] - target[i]);
            }
            return loss;
        }).weights();
    }

    private double[][] errorsByStep(double[] blend, Backtests b) {
        int windows = b.points() / horizon;
        double[][] out = new double[horizon][windows];
        for (int k = 0; k < windows; k++) {
            for (int j = 0; j < horizon; j++) {
                int i = k * horizon + j;
                out[j][k] = (b.actual[i] - blend[i]) / b.scale[i];
            }
        }
        return out;
    }

    /** The global candidates with a weight anywhere, each learned once on the whole histories; failures left out. */
    private Map<String, GlobalForecaster.FittedGlobal> fitGlobals(List<SeriesHistory> series, List<Evaluation> complete,
                                                                  Selection selection) {
        Map<String, GlobalForecaster.FittedGlobal> out = new LinkedHashMap<>();
        for (int c = 0; c < complete.size(); c++) {
            if (!(complete.get(c).forecaster instanceof Candidate.Global g)) {
                continue;
            }
            boolean used = selection.collection.length > c && selection.collection[c] > 0;
            for (int s = 0; !used && s < series.size(); s++) {
                used = selection.weightsOf(s)[c] > 0;
            }
            if (!used) {
                continue;
            }
            List<double[]> all = series.stream().map(SeriesHistory::values).toList();
            try {
                out.put(g.id(), g.forecaster().fit(all, period, horizon, seed, threads));
            } catch (RuntimeException e) {
                progress.accept(g.id() + ": could not be fitted on the whole histories (" + e.getMessage() + "); left out");
            }
        }
        return out;
    }

    private List<SeriesForecast> finalForecasts(List<SeriesHistory> series, List<Evaluation> complete, Selection selection,
                                                ConformalIntervals intervals, boolean nonNegative,
                                                Map<String, GlobalForecaster.FittedGlobal> globals, ExecutorService pool) {
        SeriesForecast[] out = new SeriesForecast[series.size()];
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            int si = s;
            tasks.add(() -> {
                out[si] = finalForecast(series.get(si), complete, selection.weightsOf(si), intervals, nonNegative, globals);
                return null;
            });
        }
        invokeAll(pool, tasks);
        return Arrays.asList(out);
    }

    private SeriesForecast finalForecast(SeriesHistory h, List<Evaluation> complete, double[] weights,
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
                    forecast = finite(model.forecast(horizon));
                    member = new FittedMember(f.id(), weights[c], model.description(), model.parameters());
                } else {
                    GlobalForecaster.FittedGlobal model = globals.get(f.id());
                    if (model == null) {
                        problems.add(f.id() + " could not be fitted on the whole histories");
                        continue;
                    }
                    forecast = finite(model.forecast(y, horizon));
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
            point = STANDIN.fit(y, period).forecast(horizon);
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

    private List<CandidateScore> leaderboard(List<Evaluation> evaluations, List<Evaluation> complete, Selection selection,
                                             Backtests b, int seriesCount) {
        List<CandidateScore> rows = new ArrayList<>();
        for (Evaluation e : evaluations) {
            int c = complete.indexOf(e);
            double weight = 0;
            if (c >= 0) {
                if (selection.perSeries == null) {
                    weight = selection.collection[c];
                } else {
                    for (int s = 0; s < seriesCount; s++) {
                        weight += selection.weightsOf(s)[c] / seriesCount;
                    }
                }
            }
            rows.add(new CandidateScore(e.forecaster.id(), e.mase(b), e.smape(b), e.windows, e.fallbacks, e.firstFailure,
                    e.seconds, e.status, weight));
        }
        rows.sort(Comparator.comparing((CandidateScore r) -> !r.complete())
                .thenComparingDouble(r -> Double.isNaN(r.mase()) ? Double.POSITIVE_INFINITY : r.mase()));
        return rows;
    }

    /** Builds a {@link ForecastSearch}; every setter returns this builder. */
    public static final class Builder {
        private final int horizon;
        private final int period;
        private final List<Candidate> candidates = new ArrayList<>();
        private long seed = 1;
        private int origins;
        private int step;
        private EnsembleScope scope = EnsembleScope.COLLECTION;
        private int rounds = DEFAULT_ROUNDS;
        private double[] levels = DEFAULT_LEVELS.clone();
        private int threads = Runtime.getRuntime().availableProcessors();
        private Duration budget;
        private boolean clipAtZero = true;
        private Consumer<String> progress = m -> { };

        private Builder(int horizon, int period) {
            if (horizon < 1 || period < 1) {
                throw new IllegalArgumentException("horizon and period must be >= 1, but were " + horizon + " and " + period);
            }
            this.horizon = horizon;
            this.period = period;
        }

        /**
         * Adds candidates; they are evaluated in this order (put the cheap ones first, so a short budget still has
         * them), and the first wins ties.
         *
         * @param forecasters the candidates
         * @return this builder
         */
        public Builder candidates(List<? extends Forecaster> forecasters) {
            forecasters.forEach(f -> candidates.add(new Candidate.Local(Objects.requireNonNull(f, "forecaster"))));
            return this;
        }

        /**
         * Adds global candidates (one model across all series), evaluated after the local ones added before.
         *
         * @param forecasters the candidates
         * @return this builder
         */
        public Builder globals(List<? extends GlobalForecaster> forecasters) {
            forecasters.forEach(f -> candidates.add(new Candidate.Global(Objects.requireNonNull(f, "forecaster"))));
            return this;
        }

        /**
         * The seed of the global models' randomness (default 1).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Backtest windows per series (default: 3 for ten series or more, up to 20 for fewer).
         *
         * @param origins the number, at least 1
         * @return this builder
         */
        public Builder origins(int origins) {
            if (origins < 1) {
                throw new IllegalArgumentException("origins must be >= 1, but was " + origins);
            }
            this.origins = origins;
            return this;
        }

        /**
         * Values between consecutive backtest origins (default: a third of the horizon, at least 1).
         *
         * @param step the step, at least 1
         * @return this builder
         */
        public Builder step(int step) {
            if (step < 1) {
                throw new IllegalArgumentException("step must be >= 1, but was " + step);
            }
            this.step = step;
            return this;
        }

        /**
         * Where the ensemble's weights are chosen (default {@link EnsembleScope#COLLECTION}).
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder ensemble(EnsembleScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Rounds of ensemble selection (default {@value ForecastSearch#DEFAULT_ROUNDS}); 1 picks the best single
         * candidate.
         *
         * @param rounds the rounds, at least 1
         * @return this builder
         */
        public Builder rounds(int rounds) {
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be >= 1, but was " + rounds);
            }
            this.rounds = rounds;
            return this;
        }

        /**
         * Levels of the prediction intervals (default 0.8 and 0.95).
         *
         * @param levels each in (0, 1)
         * @return this builder
         */
        public Builder levels(double... levels) {
            for (double l : levels) {
                if (!(l > 0 && l < 1)) {
                    throw new IllegalArgumentException("interval levels must be in (0, 1), but one was " + l);
                }
            }
            this.levels = levels.clone();
            return this;
        }

        /**
         * Threads fitting series at once (default: the processors).
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Time for the backtests (default: none); the final fits of the chosen models run after it.
         *
         * @param budget a positive duration, or null for none
         * @return this builder
         */
        public Builder budget(Duration budget) {
            if (budget != null && (budget.isNegative() || budget.isZero())) {
                throw new IllegalArgumentException("budget must be positive, but was " + budget);
            }
            this.budget = budget;
            return this;
        }

        /**
         * Whether forecasts and interval bounds are clipped at 0 when every history value is at least 0 (default
         * true: a forecast below 0 of a quantity that cannot be negative is always wrong).
         *
         * @param clip whether to clip
         * @return this builder
         */
        public Builder clipAtZero(boolean clip) {
            this.clipAtZero = clip;
            return this;
        }

        /**
         * Where progress lines go, one per candidate (default: nowhere).
         *
         * @param progress the consumer
         * @return this builder
         */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * The search.
         *
         * @return the search
         * @throws IllegalArgumentException if there is no candidate
         */
        public ForecastSearch build() {
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("a forecast search needs at least one candidate");
            }
            return new ForecastSearch(this);
        }
    }
}
