package automl4j.forecast;

import automl4j.DataException;
import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.ForecasterLookup;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.SeasonalNaiveForecaster;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.search.ErrorScale;
import automl4j.forecast.search.FittedMember;
import automl4j.forecast.series.CovariateColumns;
import automl4j.forecast.series.GapFill;
import automl4j.forecast.series.SeriesHistory;
import automl4j.forecast.series.SeriesInfo;
import automl4j.forecast.series.SeriesTable;
import automl4j.forecast.series.TimeAxis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A fitted forecasting pipeline: for every series of the training table, the models of its ensemble with their fitted
 * parameters; the ensemble's weights for series it has not seen; the time axis; the error quantiles of the intervals.
 * It forecasts the horizon after the end of each series of a history table ({@link #forecast(Table, String)}), and is
 * saved to and loaded from one file ({@link ForecastModelFile}). Immutable and thread-safe.
 *
 * <p>A series the model was fitted on is forecast with its fitted models run over the history given (the parameters
 * kept, the states brought up to the history's end), so the history may run past the training data but must reach
 * its end. A history that starts elsewhere than the training data has its models fitted again on it, as does a series
 * the model has never seen (with the ensemble's weights); each such series is named in {@link ForecastTable#notes()}.
 */
public final class ForecastModel {
    /** The stand-in where no model can forecast. */
    private static final SeasonalNaiveForecaster STANDIN = new SeasonalNaiveForecaster();
    /** A series as the model keeps it. */
    record SavedSeries(String id, List<String> idValues, long firstPeriod, long lastPeriod, List<FittedMember> members) {
    }

    final String target;
    final String timeColumn;
    final List<String> idColumns;
    final TimeAxis axis;
    final int horizon;
    final int period;
    final GapFill fill;
    final double[] levels;
    final double[] quantiles;
    /** [level][step]: the scaled lower and upper error bounds of each interval level. */
    final double[][] lowerErrors;
    final double[][] upperErrors;
    /** [quantile][step]: the scaled error quantiles. */
    final double[][] quantileErrors;
    final Map<String, Double> weights;
    final boolean nonNegative;
    final Map<String, SavedSeries> series;
    final Map<String, String> info;
    /** The global models of the ensembles, by id, as learned at training. */
    final Map<String, GlobalForecaster.FittedGlobal> globals;
    /** The covariate columns the global models read. */
    final CovariateColumns covariates;
    private final ForecasterLookup forecasters;

    ForecastModel(String target, String timeColumn, List<String> idColumns, TimeAxis axis, int horizon, int period,
                  GapFill fill, double[] levels, double[] quantiles, double[][] lowerErrors, double[][] upperErrors,
                  double[][] quantileErrors, Map<String, Double> weights, boolean nonNegative, Map<String, SavedSeries> series,
                  Map<String, String> info, Map<String, GlobalForecaster.FittedGlobal> globals, CovariateColumns covariates,
                  ForecasterLookup forecasters) {
        this.covariates = Objects.requireNonNull(covariates, "covariates");
        this.target = target;
        this.timeColumn = timeColumn;
        this.idColumns = List.copyOf(idColumns);
        this.axis = axis;
        this.horizon = horizon;
        this.period = period;
        this.fill = fill;
        this.levels = levels.clone();
        this.quantiles = quantiles.clone();
        this.lowerErrors = lowerErrors;
        this.upperErrors = upperErrors;
        this.quantileErrors = quantileErrors;
        this.weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.nonNegative = nonNegative;
        this.series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
        this.info = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
        this.globals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(globals));
        this.forecasters = Objects.requireNonNull(forecasters, "forecasters");
    }

    /**
     * Loads a model file.
     *
     * @param file        the file
     * @param forecasters finds the forecasters the file names ({@code Forecasters.lookup()} for the built-in ones)
     * @return the model
     * @throws automl4j.export.ModelFileException naming the file, the entry and what is wrong
     */
    public static ForecastModel load(Path file, ForecasterLookup forecasters) {
        return ForecastModelFile.read(file, forecasters);
    }

    /**
     * Whether {@code file} is a forecast model's file (rather than a tabular model's): its manifest says so. Reads only
     * the manifest; a file that is not a readable zip with a manifest is not one.
     *
     * @param file the file
     * @return true for a forecast model file
     */
    public static boolean isForecastModel(Path file) {
        return ForecastModelFile.isForecastModel(file);
    }

    /**
     * Saves the model to {@code file} atomically.
     *
     * @param file the file (by convention {@code model.automl})
     * @throws IOException if it cannot be written
     */
    public void save(Path file) throws IOException {
        ForecastModelFile.write(this, file);
    }

    /**
     * The steps forecast.
     *
     * @return the horizon
     */
    public int horizon() {
        return horizon;
    }

    /**
     * The column forecast.
     *
     * @return the target column's name
     */
    public String target() {
        return target;
    }

    /**
     * The time column's name.
     *
     * @return the name
     */
    public String timeColumn() {
        return timeColumn;
    }

    /**
     * The series id columns' names.
     *
     * @return the names, possibly none
     */
    public List<String> idColumns() {
        return idColumns;
    }

    /**
     * The ensemble's weights by forecaster id, as used for series the model has not seen.
     *
     * @return the weights
     */
    public Map<String, Double> weights() {
        return weights;
    }

    /**
     * The seasonal period the models were fitted with.
     *
     * @return the period, at least 1
     */
    public int seasonalPeriod() {
        return period;
    }

    /**
     * The levels of its prediction intervals.
     *
     * @return a copy of the levels, each in (0, 1)
     */
    public double[] levels() {
        return levels.clone();
    }

    /**
     * The covariate columns its global models read: the known ones must be given for the horizon when it forecasts.
     *
     * @return the columns, possibly none
     */
    public CovariateColumns covariates() {
        return covariates;
    }

    /**
     * Facts about the run that fitted the model, for people (writer version, leaderboard, chosen models).
     *
     * @return the facts, by name
     */
    public Map<String, String> info() {
        return info;
    }

    /**
     * Forecasts the {@link #horizon()} periods after the end of each series in {@code history} (a table with the
     * model's time, id and target columns; gaps filled as at training).
     *
     * @param history the history table
     * @param source  where it came from, for messages
     * @return the forecasts
     * @throws automl4j.ConfigException if a column of the model is missing
     * @throws DataException            for bad cells, and for a series the model knows whose history ends before the
     *                                  training data did
     */
    public ForecastTable forecast(Table history, String source) {
        return forecast(history, source, null, null);
    }

    /**
     * Forecasts as {@link #forecast(Table, String)}, with the future values of the covariates known in advance taken
     * from {@code future} (the id and time columns and the known covariate columns for the horizon after each series'
     * end; rows of other series or times are ignored). The history must hold the covariate columns too.
     *
     * @param history      the history table
     * @param source       where it came from, for messages
     * @param future       the future covariates, or null when the model has no known covariates (or the history's rows
     *                     past each series' last value hold them)
     * @param futureSource where {@code future} came from, for messages
     * @return the forecasts
     * @throws automl4j.ConfigException if a column of the model is missing
     * @throws DataException            as {@link #forecast(Table, String)}, and for a known covariate missing in the
     *                                  horizon
     */
    public ForecastTable forecast(Table history, String source, Table future, String futureSource) {
        SeriesTable table = SeriesTable.on(history, source, timeColumn, idColumns, target, axis, fill);
        List<Covariates> read = covariates.read(history, source, future, futureSource, timeColumn, idColumns, target, table,
                horizon);
        List<ForecastRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>(table.report());
        for (int s = 0; s < table.histories().size(); s++) {
            SeriesHistory h = table.histories().get(s);
            SeriesInfo where = table.infos().get(s);
            SavedSeries saved = series.get(h.id());
            if (saved != null && where.lastPeriod() < saved.lastPeriod()) {
                throw new DataException(source + ": the history of series '" + h.id() + "' ends at " + axis.label(where.lastPeriod())
                        + ", before the end of the data the model was fitted on (" + axis.label(saved.lastPeriod())
                        + "); give its history up to at least then");
            }
            double[] y = h.values();
            boolean restore = saved != null && saved.firstPeriod() == where.firstPeriod();
            List<FittedMember> members = saved != null ? saved.members() : unseenMembers();
            if (saved == null) {
                notes.add("series '" + h.id() + "': not in the training data; its models were fitted on the history given");
            } else if (!restore) {
                notes.add("series '" + h.id() + "': the history starts at " + axis.label(where.firstPeriod()) + ", not at "
                        + axis.label(saved.firstPeriod()) + " as at training; its models were fitted again on it");
            }
            double[] point = combine(h.id(), y, read.get(s), members, restore, notes);
            double scale = ErrorScale.of(y, y.length, period);
            for (int j = 0; j < horizon; j++) {
                double[] lower = new double[levels.length];
                double[] upper = new double[levels.length];
                for (int l = 0; l < levels.length; l++) {
                    lower[l] = bound(point[j] + lowerErrors[l][j] * scale);
                    upper[l] = bound(point[j] + upperErrors[l][j] * scale);
                }
                double[] q = new double[quantiles.length];
                for (int k = 0; k < quantiles.length; k++) {
                    q[k] = bound(point[j] + quantileErrors[k][j] * scale);
                }
                rows.add(new ForecastRow(where.idValues(), axis.label(where.lastPeriod() + 1 + j), j + 1, point[j], lower,
                        upper, q));
            }
        }
        return new ForecastTable(idColumns, timeColumn, levels, quantiles, rows, notes);
    }

    private double bound(double v) {
        return nonNegative && v < 0 ? 0 : v;
    }

    private List<FittedMember> unseenMembers() {
        List<FittedMember> out = new ArrayList<>();
        weights.forEach((id, w) -> out.add(new FittedMember(id, w, id, Map.of())));
        return out;
    }

    private double[] combine(String id, double[] y, Covariates covariates, List<FittedMember> members, boolean restore,
                             List<String> notes) {
        double[] point = new double[horizon];
        double used = 0;
        List<String> problems = new ArrayList<>();
        for (FittedMember m : members) {
            double[] f;
            try {
                GlobalForecaster.FittedGlobal global = globals.get(m.id());
                if (global != null) {
                    GlobalForecaster forecaster = forecasters.global(m.id()).orElseThrow();
                    int min = forecaster.minLength(period);
                    if (y.length < min) {
                        problems.add(m.id() + " needs " + min + " values");
                        continue;
                    }
                    f = global.forecast(y, forecaster.usesCovariates() ? covariates : Covariates.NONE, horizon);
                } else {
                    Forecaster forecaster = forecasters.local(m.id()).orElseThrow(() -> new IllegalStateException("unknown"));
                    if (!restore && y.length < forecaster.minLength(period)) {
                        problems.add(m.id() + " needs " + forecaster.minLength(period) + " values");
                        continue;
                    }
                    FittedForecaster fitted = restore ? forecaster.restore(m.parameters(), y, period) : forecaster.fit(y, period);
                    f = fitted.forecast(horizon);
                }
                if (Arrays.stream(f).anyMatch(v -> !Double.isFinite(v))) {
                    throw new IllegalStateException("forecast is not finite");
                }
            } catch (RuntimeException e) {
                problems.add(m.id() + " failed: " + e.getMessage());
                continue;
            }
            for (int j = 0; j < horizon; j++) {
                point[j] += m.weight() * f[j];
            }
            used += m.weight();
        }
        if (used <= 0) {
            notes.add("series '" + id + "': seasonal naive forecast, because " + String.join("; ", problems));
            point = STANDIN.fit(y, period).forecast(horizon);
        } else {
            for (int j = 0; j < horizon; j++) {
                point[j] /= used;
            }
            if (!problems.isEmpty()) {
                notes.add("series '" + id + "': left out of its ensemble: " + String.join("; ", problems));
            }
        }
        for (int j = 0; j < horizon; j++) {
            point[j] = bound(point[j]);
        }
        return point;
    }
}
