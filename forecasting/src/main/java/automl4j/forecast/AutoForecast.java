package automl4j.forecast;

import automl4j.ConfigException;
import automl4j.forecast.interval.ConformalIntervals;
import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.ForecasterLookup;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.search.EnsembleScope;
import automl4j.forecast.search.ForecastMetric;
import automl4j.forecast.search.ForecastOutcome;
import automl4j.forecast.search.ForecastSearch;
import automl4j.forecast.search.SeriesForecast;
import automl4j.forecast.series.CovariateColumns;
import automl4j.forecast.series.Frequency;
import automl4j.forecast.series.GapFill;
import automl4j.forecast.series.SeriesHistory;
import automl4j.forecast.series.SeriesInfo;
import automl4j.forecast.series.SeriesTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * Forecasting from a table, the forecasting counterpart of {@code AutoMl}: reads the series of a long table (time
 * column, optional series id columns, the target), runs a {@link ForecastSearch} over the candidate models, and gives
 * the forecasts of every series, the leaderboard and a {@link ForecastModel} to save and to forecast new histories.
 * Build one with {@link #builder()}; immutable and thread-safe.
 *
 * <pre>{@code
 * ForecastRun run = AutoForecast.builder()
 *         .timeColumn("month").seriesId("store").target("sales").horizon(12)
 *         .candidates(Forecasters.defaults(), List.of())
 *         .build().fit(table, "sales.csv");
 * run.forecast().writeCsv(Path.of("forecast.csv"));
 * run.model().save(Path.of("model.automl"));
 * }</pre>
 */
public final class AutoForecast {
    private final Builder b;

    private AutoForecast(Builder b) {
        this.b = b;
    }

    /**
     * A builder; {@code timeColumn}, {@code target}, {@code horizon} and the candidates are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the series of {@code table}, searches, and forecasts the horizon after each series' end.
     *
     * @param table  the training table
     * @param source where it came from, for messages
     * @return the run
     * @throws ConfigException          for a missing column, or a horizon longer than every series' history
     * @throws automl4j.DataException for bad cells (see {@link SeriesTable})
     */
    public ForecastRun fit(Table table, String source) {
        return fit(table, source, null, null);
    }

    /**
     * Reads the series of {@code table} and their covariates, searches, and forecasts the horizon after each series'
     * end, with the future values of the covariates known in advance from {@code future}.
     *
     * @param table        the training table
     * @param source       where it came from, for messages
     * @param future       the known covariates for the horizon after each series' end (the id and time columns and the
     *                     known covariate columns), or null when there are none (or {@code table}'s rows past each
     *                     series' last value hold them)
     * @param futureSource where {@code future} came from, for messages
     * @return the run
     * @throws ConfigException          for a missing column, or a horizon longer than every series' history
     * @throws automl4j.DataException for bad cells (see {@link SeriesTable} and {@link CovariateColumns})
     */
    public ForecastRun fit(Table table, String source, Table future, String futureSource) {
        SeriesTable series = SeriesTable.of(table, source, b.timeColumn, b.idColumns, b.target, b.frequency, b.fill);
        List<Covariates> covariates = b.covariates.read(table, source, future, futureSource, b.timeColumn, b.idColumns,
                b.target, series, b.horizon);
        int period = b.period > 0 ? b.period : series.axis().frequency().defaultPeriod();
        List<String> report = new ArrayList<>(series.report());
        report.addAll(Guardrails.check(series.histories(), period, b.horizon));
        ForecastSearch.Builder sb = ForecastSearch.builder(b.horizon, period).candidates(b.candidates).globals(b.globals).seed(b.seed).ensemble(b.scope)
                .rounds(b.rounds).metric(b.metric).levels(b.levels).threads(b.threads).budget(b.budget).clipAtZero(b.clipAtZero)
                .progress(b.progress);
        if (b.origins > 0) {
            sb.origins(b.origins);
        }
        if (b.step > 0) {
            sb.step(b.step);
        }
        ForecastSearch search = sb.build();
        if (!b.covariates.isEmpty() && b.globals.stream().noneMatch(GlobalForecaster::usesCovariates)) {
            report.add("covariates " + b.covariates.known() + " (known) and " + b.covariates.observed() + " (observed) are "
                    + "read by the global models only, and no candidate is one: they were not used");
        }
        ForecastOutcome outcome = search.run(series.histories(), covariates);
        if (outcome.seriesWithoutWindows() > 0) {
            report.add(outcome.seriesWithoutWindows() + " series too short for a backtest window (the horizon plus "
                    + search.plan(series.histories().size()).minTraining() + " values): forecast by the ensemble, not "
                    + "scored in the backtests");
        }
        outcome.forecasts().stream().filter(f -> !f.status().equals("ok"))
                .forEach(f -> report.add("series '" + f.id() + "': " + f.status()));
        ForecastModel model = model(series, outcome, period);
        return new ForecastRun(outcome, series, model, table(series, outcome, model), report);
    }

    private ForecastModel model(SeriesTable series, ForecastOutcome outcome, int period) {
        ConformalIntervals ci = outcome.intervals();
        int h = b.horizon;
        double[][] lower = new double[b.levels.length][h];
        double[][] upper = new double[b.levels.length][h];
        for (int l = 0; l < b.levels.length; l++) {
            double low = (1 - b.levels[l]) / 2;
            for (int j = 0; j < h; j++) {
                lower[l][j] = ci.quantile(j + 1, low);
                upper[l][j] = ci.quantile(j + 1, 1 - low);
            }
        }
        double[][] quantiles = new double[b.quantiles.length][h];
        for (int k = 0; k < b.quantiles.length; k++) {
            for (int j = 0; j < h; j++) {
                quantiles[k][j] = ci.quantile(j + 1, b.quantiles[k]);
            }
        }
        Map<String, ForecastModel.SavedSeries> saved = new LinkedHashMap<>();
        for (int s = 0; s < series.histories().size(); s++) {
            SeriesInfo info = series.infos().get(s);
            SeriesForecast f = outcome.forecasts().get(s);
            saved.put(info.id(), new ForecastModel.SavedSeries(info.id(), info.idValues(), info.firstPeriod(), info.lastPeriod(),
                    f.fitted()));
        }
        boolean nonNegative = b.clipAtZero && series.histories().stream()
                .allMatch(x -> Arrays.stream(x.values()).allMatch(v -> v >= 0));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("series", Integer.toString(series.histories().size()));
        info.put("frequency", series.axis().frequency().label());
        info.put("ensemble", outcome.weights().toString());
        info.put("backtest_mase", Double.toString(outcome.ensembleMase()));
        info.put("backtest_smape", Double.toString(outcome.ensembleSmape()));
        return new ForecastModel(b.target, b.timeColumn, b.idColumns, series.axis(), h, period, b.fill, b.levels, b.quantiles,
                lower, upper, quantiles, outcome.weights(), nonNegative, saved, info, outcome.globals(), b.covariates,
                b.forecasters);
    }

    private ForecastTable table(SeriesTable series, ForecastOutcome outcome, ForecastModel model) {
        List<ForecastRow> rows = new ArrayList<>();
        double[][] q = model.quantileErrors;
        for (int s = 0; s < series.histories().size(); s++) {
            SeriesInfo info = series.infos().get(s);
            SeriesForecast f = outcome.forecasts().get(s);
            double[] point = f.point();
            for (int j = 0; j < point.length; j++) {
                double[] lower = new double[b.levels.length];
                double[] upper = new double[b.levels.length];
                for (int l = 0; l < b.levels.length; l++) {
                    lower[l] = f.intervals().isEmpty() ? Double.NaN : f.intervals().get(l).lower()[j];
                    upper[l] = f.intervals().isEmpty() ? Double.NaN : f.intervals().get(l).upper()[j];
                }
                double[] quant = new double[b.quantiles.length];
                for (int k = 0; k < quant.length; k++) {
                    double v = point[j] + q[k][j] * f.scale();
                    quant[k] = model.nonNegative && v < 0 ? 0 : v;
                }
                rows.add(new ForecastRow(info.idValues(), series.axis().label(info.lastPeriod() + 1 + j), j + 1, point[j],
                        lower, upper, quant));
            }
        }
        List<String> notes = new ArrayList<>();
        outcome.forecasts().stream().filter(f -> !f.status().equals("ok")).forEach(f -> notes.add("series '" + f.id() + "': "
                + f.status()));
        return new ForecastTable(b.idColumns, b.timeColumn, b.levels, b.quantiles, rows, notes);
    }

    /** Builds an {@link AutoForecast}; every setter returns this builder. */
    public static final class Builder {
        private String timeColumn;
        private List<String> idColumns = List.of();
        private String target;
        private int horizon;
        private Frequency frequency;
        private int period;
        private GapFill fill = GapFill.INTERPOLATE;
        private double[] levels = ForecastSearch.DEFAULT_LEVELS.clone();
        private double[] quantiles = new double[0];
        private List<Forecaster> candidates = List.of();
        private List<GlobalForecaster> globals = List.of();
        private ForecasterLookup forecasters;
        private long seed = 1;
        private EnsembleScope scope = EnsembleScope.COLLECTION;
        private int rounds = ForecastSearch.DEFAULT_ROUNDS;
        private int origins;
        private int step;
        private Duration budget;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean clipAtZero = true;
        private Consumer<String> progress = m -> { };
        private CovariateColumns covariates = CovariateColumns.NONE;
        private ForecastMetric metric = ForecastMetric.MASE;

        private Builder() {
        }

        /**
         * The time column (config {@code forecast.time_column}): whole-number periods, years, quarters ({@code 1990-Q1}),
         * months ({@code 1990-01}), dates or date-times.
         *
         * @param column its name
         * @return this builder
         */
        public Builder timeColumn(String column) {
            this.timeColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * The series id columns (config {@code forecast.series_id}); none for a table of one series.
         *
         * @param columns their names
         * @return this builder
         */
        public Builder seriesId(String... columns) {
            this.idColumns = List.of(columns);
            return this;
        }

        /**
         * The covariate columns (config {@code forecast.covariates.known} and {@code forecast.covariates.observed}):
         * numbers or booleans that the global models read, the known ones at the time they forecast (so their values
         * for the horizon must be given, in a future table), the observed ones before each forecast origin only. None by
         * default: other columns of the table are ignored. The per-series statistical models do not read covariates.
         *
         * @param covariates the columns by role
         * @return this builder
         */
        public Builder covariates(CovariateColumns covariates) {
            this.covariates = Objects.requireNonNull(covariates, "covariates");
            return this;
        }

        /**
         * What the search minimises on the backtests (config {@code forecast.metric}; default MASE).
         *
         * @param metric the metric
         * @return this builder
         */
        public Builder metric(ForecastMetric metric) {
            this.metric = Objects.requireNonNull(metric, "metric");
            return this;
        }

        /**
         * The column to forecast (config {@code data.target}).
         *
         * @param column its name
         * @return this builder
         */
        public Builder target(String column) {
            this.target = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Periods to forecast after each series' end (config {@code forecast.horizon}).
         *
         * @param horizon at least 1
         * @return this builder
         * @throws ConfigException if it is under 1
         */
        public Builder horizon(int horizon) {
            if (horizon < 1) {
                throw new ConfigException("forecast.horizon", "forecast.horizon must be >= 1, but was " + horizon);
            }
            this.horizon = horizon;
            return this;
        }

        /**
         * The frequency (config {@code forecast.frequency}; default: inferred from the times).
         *
         * @param frequency the frequency, or null to infer it
         * @return this builder
         */
        public Builder frequency(Frequency frequency) {
            this.frequency = frequency;
            return this;
        }

        /**
         * The seasonal period (config {@code forecast.seasonal_period}; default: the frequency's, such as 12 for monthly).
         *
         * @param period at least 1 (1: no season)
         * @return this builder
         * @throws ConfigException if it is under 1
         */
        public Builder seasonalPeriod(int period) {
            if (period < 1) {
                throw new ConfigException("forecast.seasonal_period", "forecast.seasonal_period must be >= 1, but was " + period);
            }
            this.period = period;
            return this;
        }

        /**
         * What fills gaps inside a series (config {@code forecast.gap_fill}; default interpolate).
         *
         * @param fill the policy
         * @return this builder
         */
        public Builder gapFill(GapFill fill) {
            this.fill = Objects.requireNonNull(fill, "fill");
            return this;
        }

        /**
         * Levels of the prediction intervals (config {@code forecast.levels}; default 0.8 and 0.95).
         *
         * @param levels each in (0, 1)
         * @return this builder
         * @throws ConfigException if one is outside (0, 1)
         */
        public Builder levels(double... levels) {
            for (double l : levels) {
                if (!(l > 0 && l < 1)) {
                    throw new ConfigException("forecast.levels", "forecast.levels must be in (0, 1), but one was " + l);
                }
            }
            this.levels = levels.clone();
            return this;
        }

        /**
         * Quantile forecasts to give beside the point forecast (config {@code forecast.quantiles}; default none).
         *
         * @param quantiles each in (0, 1)
         * @return this builder
         * @throws ConfigException if one is outside (0, 1)
         */
        public Builder quantiles(double... quantiles) {
            for (double q : quantiles) {
                if (!(q > 0 && q < 1)) {
                    throw new ConfigException("forecast.quantiles", "forecast.quantiles must be in (0, 1), but one was " + q);
                }
            }
            this.quantiles = quantiles.clone();
            return this;
        }

        /**
         * The candidate models (config {@code forecast.models}): local ones, evaluated in this order, then global ones; a
         * saved model finds them again by id with a lookup over the same forecasters.
         *
         * @param locals  local candidates
         * @param globals global candidates (one model across all series)
         * @return this builder
         */
        public Builder candidates(List<? extends Forecaster> locals, List<? extends GlobalForecaster> globals) {
            this.candidates = List.copyOf(locals);
            this.globals = List.copyOf(globals);
            if (forecasters == null) {
                forecasters = ForecasterLookup.of(locals, globals);
            }
            return this;
        }

        /**
         * How a saved model finds its forecasters by id (default: a lookup over the candidates).
         *
         * @param lookup the lookup
         * @return this builder
         */
        public Builder lookup(ForecasterLookup lookup) {
            this.forecasters = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * The seed of the global models' randomness (config {@code search.seed}; default 1).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Where the ensemble's weights are chosen (config {@code forecast.ensemble}; default collection).
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder ensemble(EnsembleScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Rounds of ensemble selection (default {@value ForecastSearch#DEFAULT_ROUNDS}).
         *
         * @param rounds at least 1
         * @return this builder
         */
        public Builder rounds(int rounds) {
            this.rounds = rounds;
            return this;
        }

        /**
         * Backtest windows per series (config {@code forecast.backtest.origins}; default 3, more for few series).
         *
         * @param origins at least 1
         * @return this builder
         */
        public Builder origins(int origins) {
            if (origins < 1) {
                throw new ConfigException("forecast.backtest.origins", "must be >= 1, but was " + origins);
            }
            this.origins = origins;
            return this;
        }

        /**
         * Periods between backtest origins (config {@code forecast.backtest.step}; default a third of the horizon).
         *
         * @param step at least 1
         * @return this builder
         */
        public Builder step(int step) {
            if (step < 1) {
                throw new ConfigException("forecast.backtest.step", "must be >= 1, but was " + step);
            }
            this.step = step;
            return this;
        }

        /**
         * Time for the backtests (default: none).
         *
         * @param budget positive, or null
         * @return this builder
         */
        public Builder budget(Duration budget) {
            this.budget = budget;
            return this;
        }

        /**
         * Threads fitting series at once (default: the processors).
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Whether forecasts of series that are never negative are clipped at 0 (default true).
         *
         * @param clip whether to clip
         * @return this builder
         */
        public Builder clipAtZero(boolean clip) {
            this.clipAtZero = clip;
            return this;
        }

        /**
         * Where progress lines go (default: nowhere).
         *
         * @param progress the consumer
         * @return this builder
         */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * The forecaster.
         *
         * @return the forecaster
         * @throws ConfigException if the time column, target, horizon or candidates are missing
         */
        public AutoForecast build() {
            if (timeColumn == null) {
                throw new ConfigException("forecast.time_column", "forecasting needs the time column (forecast.time_column)");
            }
            if (target == null) {
                throw new ConfigException("data.target", "forecasting needs the column to forecast (data.target)");
            }
            if (horizon < 1) {
                throw new ConfigException("forecast.horizon", "forecasting needs the horizon (forecast.horizon), >= 1");
            }
            if (candidates.isEmpty() && globals.isEmpty()) {
                throw new ConfigException("forecast.models", "forecasting needs at least one candidate model");
            }
            return new AutoForecast(this);
        }
    }
}
