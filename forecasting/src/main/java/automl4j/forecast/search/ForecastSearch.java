package automl4j.forecast.search;

import automl4j.forecast.backtest.BacktestPlan;
import automl4j.forecast.interval.ConformalIntervals;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.series.SeriesHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final ForecastMetric metric;
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
        this.metric = b.metric;
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
        return run(series, java.util.Collections.nCopies(series.size(), Covariates.NONE));
    }

    /**
     * Runs the search with covariates, which the global candidates that {@link GlobalForecaster#usesCovariates() use
     * them} read (the local ones forecast from the values alone, and global ones that do not are fitted without them).
     * In a backtest window a model sees the observed covariates before the window's origin and the known ones up to
     * the end of its horizon.
     *
     * @param series     the histories, ids unique, at least one
     * @param covariates each series' covariates, in the order of {@code series}: the same ones for every series, the
     *                   observed ones reaching its end, the known ones its end plus the horizon
     * @return the leaderboard, the ensemble and every series' forecast
     * @throws IllegalArgumentException if there is no series, an id repeats, a history is empty, or the covariates do
     *                                  not match the series
     */
    public ForecastOutcome run(List<SeriesHistory> series, List<Covariates> covariates) {
        checkCovariates(series, covariates);
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
            Backtester tester = new Backtester(horizon, period, seed, threads);
            List<Evaluation> evaluations = new ArrayList<>();
            for (Candidate c : candidates) {
                if (System.nanoTime() - deadline >= 0) {
                    evaluations.add(Evaluation.skipped(c));
                    continue;
                }
                Evaluation e = c instanceof Candidate.Local local
                        ? tester.evaluate(local.forecaster(), c, series, backtests, nonNegative, deadline, pool)
                        : tester.evaluateGlobal(((Candidate.Global) c).forecaster(), c, series, covariates, backtests, nonNegative,
                        deadline);
                evaluations.add(e);
                progress.accept(String.format(java.util.Locale.ROOT, "%s: %s on %d backtest windows in %.1f s, MASE %.4f, sMAPE %.2f",
                        c.id(), e.status, e.windows, e.seconds, e.score(backtests, ForecastMetric.MASE),
                        e.score(backtests, ForecastMetric.SMAPE)));
            }
            List<Evaluation> complete = evaluations.stream().filter(e -> e.status.equals("ok")).toList();
            Selection selection = Selection.choose(complete, series.size(), backtests, scope, rounds, metric);
            double[] blend = selection.blend(complete, backtests);
            double[][] errors = errorsByStep(blend, backtests);
            ConformalIntervals intervals = ConformalIntervals.fromErrors(errors);
            FinalFits fits = new FinalFits(horizon, period, levels, seed, threads, progress);
            Map<String, GlobalForecaster.FittedGlobal> globals = fits.fitGlobals(series, covariates, complete, selection);
            List<SeriesForecast> forecasts = fits.finalForecasts(series, covariates, complete, selection, intervals, nonNegative,
                    globals, pool);
            List<CandidateScore> board = leaderboard(evaluations, complete, selection, backtests, series.size());
            return new ForecastOutcome(board, scope, selection.collectionWeights(complete),
                    ForecastMetric.MASE.of(backtests, blend, 0, backtests.points()),
                    ForecastMetric.SMAPE.of(backtests, blend, 0, backtests.points()), metric,
                    metric.of(backtests, blend, 0, backtests.points()), forecasts, globals, intervals,
                    series.size() - backtests.seriesWithWindows, BacktestCoverage.of(errors, backtests, levels),
                    (System.nanoTime() - start) / 1e9);
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

    private List<CandidateScore> leaderboard(List<Evaluation> evaluations, List<Evaluation> complete, Selection selection,
                                             Backtests b, int seriesCount) {
        List<CandidateScore> rows = new ArrayList<>();
        for (Evaluation e : evaluations) {
            int c = complete.indexOf(e);
            double weight = 0;
            if (c >= 0) {
                if (selection.perSeries() == null) {
                    weight = selection.collection()[c];
                } else {
                    for (int s = 0; s < seriesCount; s++) {
                        weight += selection.weightsOf(s)[c] / seriesCount;
                    }
                }
            }
            rows.add(new CandidateScore(e.forecaster.id(), e.score(b, ForecastMetric.MASE),
                    e.score(b, ForecastMetric.SMAPE), e.score(b, ForecastMetric.MAE),
                    e.score(b, ForecastMetric.RMSE), e.windows, e.fallbacks, e.firstFailure, e.seconds, e.status, weight));
        }
        rows.sort(Comparator.comparing((CandidateScore r) -> !r.complete())
                .thenComparingDouble(r -> Double.isNaN(r.score(metric)) ? Double.POSITIVE_INFINITY : r.score(metric)));
        return rows;
    }

    private void checkCovariates(List<SeriesHistory> series, List<Covariates> covariates) {
        if (covariates.size() != series.size()) {
            throw new IllegalArgumentException(series.size() + " series but " + covariates.size() + " covariate sets");
        }
        for (int s = 0; s < series.size(); s++) {
            Covariates c = covariates.get(s);
            Covariates first = covariates.get(0);
            if (c.knownCount() != first.knownCount() || c.observedCount() != first.observedCount()) {
                throw new IllegalArgumentException("series '" + series.get(s).id() + "' has " + c.knownCount() + " known and "
                        + c.observedCount() + " observed covariates, series '" + series.get(0).id() + "' " + first.knownCount()
                        + " and " + first.observedCount());
            }
            int n = series.get(s).length();
            if (c.knownCount() > 0 && c.knownLength() < n + horizon || c.observedCount() > 0 && c.observedLength() < n) {
                throw new IllegalArgumentException("series '" + series.get(s).id() + "': its known covariates must reach "
                        + (n + horizon) + " periods (its history and the horizon) and its observed ones " + n
                        + ", but they reach " + c.knownLength() + " and " + c.observedLength());
            }
        }
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
        private ForecastMetric metric = ForecastMetric.MASE;
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
         * What the ensemble selection minimises and the leaderboard is ranked by (default {@link ForecastMetric#MASE}).
         *
         * @param metric the metric
         * @return this builder
         */
        public Builder metric(ForecastMetric metric) {
            this.metric = Objects.requireNonNull(metric, "metric");
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
