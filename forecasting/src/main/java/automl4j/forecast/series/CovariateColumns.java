package automl4j.forecast.series;

import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.data.Cells;
import automl4j.forecast.model.Covariates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads the covariates of the series of a {@link SeriesTable} from the same table, and the future values of the
 * covariates known in advance from a second table (or from rows of the first past a series' last value). Covariate
 * cells are numbers or booleans ({@code true}/{@code false}, read as 1 and 0).
 *
 * <p>Gaps inside the history are filled with the last value before them (and leading ones with the first value): a
 * covariate is a state, such as a price, that holds until it changes. The horizon's known values are never filled: a
 * missing one is an error naming the series, the time and the column, as is a series without any value of a covariate.
 *
 * @param known    the columns known in advance, in order
 * @param observed the columns only observed, in order
 */
public record CovariateColumns(List<String> known, List<String> observed) {
    /** Config key of the known covariates, named in errors. */
    public static final String KNOWN_KEY = "forecast.covariates.known";
    /** Config key of the observed covariates, named in errors. */
    public static final String OBSERVED_KEY = "forecast.covariates.observed";
    /** No covariates. */
    public static final CovariateColumns NONE = new CovariateColumns(List.of(), List.of());

    /** Copies the lists and checks that no column is named twice. */
    public CovariateColumns {
        known = List.copyOf(known);
        observed = List.copyOf(observed);
        Set<String> seen = new HashSet<>();
        for (String c : known) {
            if (!seen.add(c)) {
                throw new ConfigException(KNOWN_KEY, "column '" + c + "' is named twice");
            }
        }
        for (String c : observed) {
            if (!seen.add(c)) {
                throw new ConfigException(OBSERVED_KEY, "column '" + c + (known.contains(c) ? "' is also a known covariate"
                        : "' is named twice"));
            }
        }
    }

    /**
     * Whether no column is named.
     *
     * @return true if there are no covariates
     */
    public boolean isEmpty() {
        return known.isEmpty() && observed.isEmpty();
    }

    /**
     * The covariates of every series of {@code series}, in its order.
     *
     * @param history      the table {@code series} was read from
     * @param source       where it came from, for messages
     * @param future       the future values of the known covariates (id columns, time column, the known columns), or
     *                     null when they are all in {@code history}
     * @param futureSource where {@code future} came from, for messages
     * @param timeColumn   the time column
     * @param idColumns    the series id columns
     * @param target       the target column, which cannot be a covariate
     * @param series       the series read from {@code history}
     * @param horizon      the steps whose known covariates are needed after each series' end
     * @return each series' covariates
     * @throws ConfigException if a covariate column is missing or is the time, an id or the target column
     * @throws DataException   for a cell that is not a number or boolean, a series without a value of a covariate, or a
     *                         known value missing in the horizon
     */
    public List<Covariates> read(Table history, String source, Table future, String futureSource, String timeColumn,
                                 List<String> idColumns, String target, SeriesTable series, int horizon) {
        if (isEmpty()) {
            return java.util.Collections.nCopies(series.histories().size(), Covariates.NONE);
        }
        checkColumns(history, source, timeColumn, idColumns, target);
        Map<String, Integer> index = new HashMap<>();
        for (int s = 0; s < series.infos().size(); s++) {
            index.put(series.infos().get(s).id(), s);
        }
        int count = series.histories().size();
        double[][][] knownValues = new double[count][known.size()][];
        double[][][] observedValues = new double[count][observed.size()][];
        for (int s = 0; s < count; s++) {
            int n = series.histories().get(s).length();
            for (int c = 0; c < known.size(); c++) {
                knownValues[s][c] = nans(n + horizon);
            }
            for (int c = 0; c < observed.size(); c++) {
                observedValues[s][c] = nans(n);
            }
        }
        place(history, source, timeColumn, idColumns, target, series, index, knownValues, observedValues, false);
        if (future != null) {
            for (String c : known) {
                require(future, futureSource, c, KNOWN_KEY);
            }
            place(future, futureSource, timeColumn, idColumns, target, series, index, knownValues, null, true);
        }
        List<Covariates> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            SeriesInfo info = series.infos().get(s);
            int n = series.histories().get(s).length();
            for (int c = 0; c < known.size(); c++) {
                fill(knownValues[s][c], n, info.id(), known.get(c), source);
                for (int t = n; t < n + horizon; t++) {
                    if (Double.isNaN(knownValues[s][c][t])) {
                        throw new DataException((future != null ? futureSource : source) + ": series '" + info.id()
                                + "' has no value of the known covariate '" + known.get(c) + "' for time "
                                + series.axis().label(info.firstPeriod() + t) + ", which the horizon needs (give the "
                                + horizon + " periods after each series' end in the future table)");
                    }
                }
            }
            for (int c = 0; c < observed.size(); c++) {
                fill(observedValues[s][c], n, info.id(), observed.get(c), source);
            }
            out.add(new Covariates(knownValues[s], observedValues[s]));
        }
        return out;
    }

    private void checkColumns(Table table, String source, String timeColumn, List<String> idColumns, String target) {
        for (String c : known) {
            require(table, source, c, KNOWN_KEY);
            notSpecial(c, timeColumn, idColumns, target, KNOWN_KEY);
        }
        for (String c : observed) {
            require(table, source, c, OBSERVED_KEY);
            notSpecial(c, timeColumn, idColumns, target, OBSERVED_KEY);
        }
    }

    private static void require(Table table, String source, String column, String key) {
        if (!table.columnNames().contains(column)) {
            throw new ConfigException(key, "the covariate column '" + column + "' is not in " + source + "; its columns are "
                    + table.columnNames());
        }
    }

    private static void notSpecial(String column, String timeColumn, List<String> idColumns, String target, String key) {
        if (column.equals(timeColumn) || idColumns.contains(column) || column.equals(target)) {
            throw new ConfigException(key, "'" + column + "' is the time, a series id or the target column, not a covariate");
        }
    }

    /**
     * Writes the covariate cells of {@code table} into the arrays by series and period; in a future table only the
     * known covariates after each series' end (rows of series that are not in {@code series} are ignored).
     */
    private void place(Table table, String source, String timeColumn, List<String> idColumns, String target,
                               SeriesTable series, Map<String, Integer> index, double[][][] knownValues,
                               double[][][] observedValues, boolean isFuture) {
        Column<?> time = table.columnNames().contains(timeColumn) ? table.column(timeColumn) : null;
        if (time == null) {
            throw new ConfigException("forecast.time_column", "the time column '" + timeColumn + "' is not in " + source);
        }
        List<Column<?>> ids = new ArrayList<>();
        for (String id : idColumns) {
            if (!table.columnNames().contains(id)) {
                throw new ConfigException("forecast.series_id", "the series id column '" + id + "' is not in " + source);
            }
            ids.add(table.column(id));
        }
        TimeCells cells = TimeCells.read(time, source);
        series.axis().checkForm(cells, source);
        List<Column<?>> knownColumns = known.stream().<Column<?>>map(table::column).toList();
        List<Column<?>> observedColumns = isFuture ? List.of() : observed.stream().<Column<?>>map(table::column).toList();
        for (int r = 0; r < table.rowCount(); r++) {
            String id = rowId(ids, r, target, source);
            Integer s = index.get(id);
            if (s == null || cells.missing()[r]) {
                continue;
            }
            SeriesInfo info = series.infos().get(s);
            long t;
            try {
                t = series.axis().period(cells.raw()[r]) - info.firstPeriod();
            } catch (IllegalArgumentException e) {
                throw new DataException(source + ", row " + (r + 1) + ", column '" + timeColumn + "': the time is " + e.getMessage());
            }
            int n = series.histories().get(s).length();
            for (int c = 0; c < knownColumns.size(); c++) {
                double[] v = knownValues[s][c];
                if (t >= (isFuture ? n : 0) && t < v.length) {
                    v[(int) t] = value(knownColumns.get(c), r, source);
                }
            }
            for (int c = 0; c < observedColumns.size(); c++) {
                double[] v = observedValues[s][c];
                if (t >= 0 && t < v.length) {
                    v[(int) t] = value(observedColumns.get(c), r, source);
                }
            }
        }
    }

    private static String rowId(List<Column<?>> ids, int r, String target, String source) {
        if (ids.isEmpty()) {
            return target;
        }
        return String.join("/", SeriesTable.idCells(ids, r, source));
    }

    /** A covariate cell: a number, true/false as 1/0, NaN when empty. */
    static double value(Column<?> column, int row, String source) {
        String text = Cells.text(column, row);
        if (text == null) {
            return Double.NaN;
        }
        double v = Cells.number(column, row);
        if (Double.isFinite(v)) {
            return v;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return 1;
        }
        if (t.equals("false")) {
            return 0;
        }
        throw new DataException(source + ", row " + (row + 1) + ", column '" + column.name() + "': '" + text
                + "' is not a number or true/false (covariates must be numbers or booleans)");
    }

    /** Fills the history part {@code [0, n)}: the last value before a gap, the first value before it. */
    private static void fill(double[] v, int n, String id, String column, String source) {
        int first = 0;
        while (first < n && Double.isNaN(v[first])) {
            first++;
        }
        if (first == n) {
            throw new DataException(source + ": series '" + id + "' has no value of the covariate '" + column + "'");
        }
        Arrays.fill(v, 0, first, v[first]);
        for (int t = first + 1; t < n; t++) {
            if (Double.isNaN(v[t])) {
                v[t] = v[t - 1];
            }
        }
    }

    private static double[] nans(int length) {
        double[] a = new double[length];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /**
     * The covariates of a model's description: both lists by name.
     *
     * @return a JSON-able map
     */
    public Map<String, Object> describe() {
        return Map.of("known", known, "observed", observed);
    }
}
