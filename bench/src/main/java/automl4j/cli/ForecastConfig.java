package automl4j.cli;

import automl4j.ConfigException;
import automl4j.datasets.ReadOptions;
import automl4j.forecast.Forecasters;
import automl4j.forecast.search.EnsembleScope;
import automl4j.forecast.search.ForecastMetric;
import automl4j.forecast.search.ForecastSearch;
import automl4j.forecast.series.Frequency;
import automl4j.forecast.series.GapFill;
import automl4j.settings.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A forecasting run as a config file with {@code data.task: forecasting} describes it, every default filled in. The
 * forecasting keys are the {@code forecast} section; of the run settings, {@code budget.seconds}, {@code cores} and
 * {@code search.seed} apply, and every other setting is refused as not used by forecasting.
 *
 * @param train      the history table (data.train)
 * @param target     the column to forecast (data.target)
 * @param read       how the CSV file is read
 * @param timeColumn forecast.time_column
 * @param idColumns  forecast.series_id (none: one series)
 * @param horizon    forecast.horizon
 * @param frequency  forecast.frequency, or null to infer it
 * @param period     forecast.seasonal_period, or 0 for the frequency's
 * @param fill       forecast.gap_fill
 * @param levels     forecast.levels
 * @param quantiles  forecast.quantiles
 * @param models     forecast.models: the candidate ids
 * @param ensemble   forecast.ensemble
 * @param origins    forecast.backtest.origins, or 0 for the default
 * @param step       forecast.backtest.step, or 0 for the default
 * @param budget     budget.seconds, or null for none
 * @param cores      cores, or 0 for all
 * @param seed       search.seed
 * @param output     the output folder
 * @param known      forecast.covariates.known: covariate columns known in advance
 * @param observed   forecast.covariates.observed: covariate columns only observed
 * @param future     forecast.future: the table of the known covariates for the horizon, or null
 * @param metric     forecast.metric: what the search minimises
 */
record ForecastConfig(Path train, String target, ReadOptions read, String timeColumn, List<String> idColumns, int horizon,
                      Frequency frequency, int period, GapFill fill, double[] levels, double[] quantiles, List<String> models,
                      EnsembleScope ensemble, int origins, int step, Duration budget, int cores, long seed, Path output,
                      List<String> known, List<String> observed, Path future, ForecastMetric metric) {
    /** The value of data.task that makes a config a forecasting one. */
    static final String TASK = "forecasting";

    /** The forecasting keys and their documentation. */
    static final Map<String, String> KEYS = new LinkedHashMap<>();

    /** The keys of other sections a forecasting config may have. */
    private static final Set<String> SHARED = Set.of("data.train", "data.target", "data.task", "data.separator",
            "data.missing_values", "data.infinity", "data.decimal", Setting.SECONDS.key(), Setting.CORES.key(),
            Setting.SEED.key(), "output", "registry.path", "registry.model");

    static {
        KEYS.put("forecast.time_column", "forecasting: the time column, with whole-number periods, years, quarters (1990-Q1), "
                + "months (1990-01), dates or date-times (required)");
        KEYS.put("forecast.series_id", "forecasting: the series id column, or a list of them; one table then holds many "
                + "series (default: none, the table is one series)");
        KEYS.put("forecast.horizon", "forecasting: periods to forecast after each series' end, >= 1 (required)");
        KEYS.put("forecast.frequency", "forecasting: yearly, quarterly, monthly, weekly, daily, hourly, half-hourly, "
                + "quarter-hourly, minutely or periods (default: inferred from the times)");
        KEYS.put("forecast.seasonal_period", "forecasting: the seasonal period, >= 1 (default: the frequency's: 4 quarterly, "
                + "12 monthly, 7 daily, 24 hourly, 1 yearly and for periods)");
        KEYS.put("forecast.gap_fill", "forecasting: what fills a missing period inside a series: interpolate, previous, zero "
                + "or error (default interpolate)");
        KEYS.put("forecast.levels", "forecasting: levels of the prediction intervals, each in (0, 1) (default [0.8, 0.95])");
        KEYS.put("forecast.quantiles", "forecasting: quantile forecasts written beside the point forecast, each in (0, 1) "
                + "(default [])");
        KEYS.put("forecast.models", "forecasting: the candidate models, of " + Forecasters.ids() + " and the global "
                + Forecasters.globalIds() + " (default: every local one, and global-lightgbm and global-xgboost)");
        KEYS.put("forecast.ensemble", "forecasting: where the ensemble's weights are chosen: collection (one set for all "
                + "series), series (per series) or best (the best single model) (default collection)");
        KEYS.put("forecast.covariates.known", "forecasting: covariate columns known in advance (a promotion flag, a price "
                + "plan): numbers or booleans that the global models read at the time they forecast, so their values for the "
                + "horizon must be given (forecast.future, or predict --future); default none");
        KEYS.put("forecast.covariates.observed", "forecasting: covariate columns only observed (numbers or booleans), which "
                + "the global models read before each forecast origin only (lagged); default none: other columns are ignored");
        KEYS.put("forecast.future", "forecasting: a CSV file with the series id and time columns and the known covariates "
                + "for the horizon after each series' end (relative to the config file); needed with forecast.covariates.known "
                + "unless data.train's rows past each series' last value hold them");
        KEYS.put("forecast.metric", "forecasting: what the ensemble selection minimises and the leaderboard is ranked by on the "
                + "backtests: mase, smape, mae or rmse (default mase; every one is reported)");
        KEYS.put("forecast.backtest.origins", "forecasting: rolling-origin backtest windows per series, >= 1 (default 3, more "
                + "for fewer than ten series)");
        KEYS.put("forecast.backtest.step", "forecasting: periods between backtest origins, >= 1 (default a third of the "
                + "horizon)");
    }

    /**
     * Reads a forecasting config's values.
     *
     * @param file the config file, for resolving paths
     * @param v    its values
     * @return the config
     * @throws UsageException naming the key and what was expected
     */
    static ForecastConfig read(Path file, ConfigValues v) {
        for (String key : ConfigFile.KEYS.keySet()) {
            if (v.has(key) && !KEYS.containsKey(key) && !SHARED.contains(key)) {
                throw new UsageException("config key '" + key + "' is not used by forecasting runs (data.task: forecasting); "
                        + "remove it");
            }
        }
        Path base = file.toAbsolutePath().getParent();
        Path train = base.resolve(v.requiredText("data.train", ConfigFile.KEYS.get("data.train")));
        String target = v.requiredText("data.target", ConfigFile.KEYS.get("data.target"));
        String time = v.requiredText("forecast.time_column", KEYS.get("forecast.time_column"));
        List<String> ids = new ArrayList<>();
        JsonNode idNode = v.node("forecast.series_id");
        if (idNode != null && !idNode.isNull()) {
            if (idNode.isTextual()) {
                ids.add(idNode.asText());
            } else {
                ids.addAll(v.texts("forecast.series_id", "column names"));
            }
        }
        if (!v.has("forecast.horizon")) {
            throw new UsageException("config key 'forecast.horizon' is required: " + KEYS.get("forecast.horizon"));
        }
        int horizon = v.integer("forecast.horizon", 0);
        if (horizon < 1) {
            throw new UsageException("config key 'forecast.horizon' must be >= 1, but was " + horizon);
        }
        Frequency frequency = parse("forecast.frequency", v.text("forecast.frequency", null), Frequency::parse);
        int period = v.integer("forecast.seasonal_period", 0);
        if (v.has("forecast.seasonal_period") && period < 1) {
            throw new UsageException("config key 'forecast.seasonal_period' must be >= 1, but was " + period);
        }
        GapFill fill = parse("forecast.gap_fill", v.text("forecast.gap_fill", "interpolate"), GapFill::parse);
        double[] levels = probabilities(v, "forecast.levels", ForecastSearch.DEFAULT_LEVELS);
        double[] quantiles = probabilities(v, "forecast.quantiles", new double[0]);
        List<String> models = new ArrayList<>();
        if (v.has("forecast.models")) {
            models.addAll(v.texts("forecast.models", "model ids"));
        } else {
            models.addAll(Forecasters.defaults());
            models.addAll(Forecasters.defaultGlobals());
        }
        if (models.isEmpty()) {
            throw new UsageException("config key 'forecast.models' must name at least one model of " + Forecasters.ids()
                    + " or " + Forecasters.globalIds());
        }
        for (String id : models) {
            parse("forecast.models", id, x -> Forecasters.isGlobal(x) ? Forecasters.globalById(x) : Forecasters.byId(x));
        }
        EnsembleScope ensemble = parse("forecast.ensemble", v.text("forecast.ensemble", "collection"), EnsembleScope::parse);
        int origins = positiveOrAbsent(v, "forecast.backtest.origins");
        int step = positiveOrAbsent(v, "forecast.backtest.step");
        Duration budget = v.seconds(Setting.SECONDS.key());
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            throw new UsageException("config key 'budget.seconds' must be > 0, but was " + v.node(Setting.SECONDS.key()));
        }
        int cores = v.integer(Setting.CORES.key(), 0);
        if (v.has(Setting.CORES.key()) && cores < 1) {
            throw new UsageException("config key 'cores' must be >= 1, but was " + cores);
        }
        long seed = v.longInteger(Setting.SEED.key(), 0);
        Path output = base.resolve(v.text("output", "automl-output"));
        return new ForecastConfig(train, target, ConfigFile.readOptions(v), time, List.copyOf(ids), horizon, frequency, period,
                fill, levels, quantiles, List.copyOf(models), ensemble, origins, step, budget, cores, seed, output,
                columns(v, "forecast.covariates.known"), columns(v, "forecast.covariates.observed"),
                v.has("forecast.future") ? base.resolve(v.requiredText("forecast.future", KEYS.get("forecast.future"))) : null,
                parse("forecast.metric", v.text("forecast.metric", "mase"), ForecastMetric::parse));
    }

    /**
     * Where the run is recorded: {@code --registry} or registry.path (relative to the config file), and the name its
     * model is registered under: {@code --register} or registry.model; a name alone records into
     * {@value RegistryOptions#DEFAULT_FILE} in the working folder. Null when neither is given.
     */
    static ForecastRegistration.Target registry(Path file, ConfigValues v, Path db, String name) {
        String model = name != null ? name : v.text("registry.model", null);
        if (model != null && name == null) {
            ConfigFile.checkModelName("config key 'registry.model'", model);
        }
        String configured = v.text("registry.path", null);
        Path path = db != null ? db : configured != null ? file.toAbsolutePath().getParent().resolve(configured)
                : model != null ? Path.of(RegistryOptions.DEFAULT_FILE) : null;
        return path == null ? null : new ForecastRegistration.Target(path, model);
    }

    private static List<String> columns(ConfigValues v, String key) {
        if (!v.has(key)) {
            return List.of();
        }
        JsonNode n = v.node(key);
        return n != null && n.isTextual() ? List.of(n.asText()) : List.copyOf(v.texts(key, "column names"));
    }

    private static int positiveOrAbsent(ConfigValues v, String key) {
        int n = v.integer(key, 0);
        if (v.has(key) && n < 1) {
            throw new UsageException("config key '" + key + "' must be >= 1, but was " + n);
        }
        return n;
    }

    private static <T> T parse(String key, String text, java.util.function.Function<String, T> parser) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | ConfigException e) {
            throw new UsageException("config key '" + key + "': " + e.getMessage());
        }
    }

    private static double[] probabilities(ConfigValues v, String key, double[] fallback) {
        JsonNode n = v.node(key);
        if (n == null || n.isNull()) {
            return fallback.clone();
        }
        if (!n.isArray()) {
            throw new UsageException("config key '" + key + "' must be a list of numbers in (0, 1), but was " + n);
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode x = n.get(i);
            if (!x.isNumber() || !(x.asDouble() > 0 && x.asDouble() < 1)) {
                throw new UsageException("config key '" + key + "' must hold numbers in (0, 1), but had " + x);
            }
            out[i] = x.asDouble();
        }
        return out;
    }
}
