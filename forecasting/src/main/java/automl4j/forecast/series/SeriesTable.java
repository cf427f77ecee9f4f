package automl4j.forecast.series;

import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.data.Cells;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The series of a long table (one row per series and time): rows grouped by their id columns, ordered by time, on one
 * {@link TimeAxis}, gaps filled by a {@link GapFill} policy, with a report of what was found and done. Series keep the
 * order in which their first row appears.
 *
 * <p>Refused, naming source, row and column: a missing time, id or target column; a time cell that cannot be read; an
 * empty id or time cell; a target cell that is not a number; two rows of one series at the same time; a series whose
 * target is empty throughout; a gap under {@link GapFill#ERROR}.
 */
public final class SeriesTable {
    private final TimeAxis axis;
    private final List<SeriesHistory> histories;
    private final List<SeriesInfo> infos;
    private final List<String> report;

    private SeriesTable(TimeAxis axis, List<SeriesHistory> histories, List<SeriesInfo> infos, List<String> report) {
        this.axis = axis;
        this.histories = List.copyOf(histories);
        this.infos = List.copyOf(infos);
        this.report = List.copyOf(report);
    }

    /**
     * Reads the series of {@code table}.
     *
     * @param table      the table
     * @param source     where it came from, for messages
     * @param timeColumn the time column
     * @param idColumns  the series id columns, possibly none (one series)
     * @param target     the column to forecast
     * @param frequency  the frequency, or null to infer it
     * @param fill       what fills gaps
     * @return the series
     * @throws ConfigException if a named column is not in the table (key {@code forecast.time_column},
     *                         {@code forecast.series_id} or {@code data.target})
     * @throws DataException   for bad cells, as the class comment lists
     */
    public static SeriesTable of(Table table, String source, String timeColumn, List<String> idColumns, String target,
                                 Frequency frequency, GapFill fill) {
        return of(table, source, timeColumn, idColumns, target, null, frequency, fill);
    }

    /**
     * Reads the series of {@code table} on a given time axis (a saved model's), so that its period numbers are the
     * model's.
     *
     * @param table      the table
     * @param source     where it came from, for messages
     * @param timeColumn the time column
     * @param idColumns  the series id columns, possibly none (one series)
     * @param target     the column with the values
     * @param axis       the time axis
     * @param fill       what fills gaps
     * @return the series
     * @throws ConfigException if a named column is not in the table
     * @throws DataException   for bad cells, as the class comment lists, and for times not of the axis's form
     */
    public static SeriesTable on(Table table, String source, String timeColumn, List<String> idColumns, String target,
                                 TimeAxis axis, GapFill fill) {
        return of(table, source, timeColumn, idColumns, target, Objects.requireNonNull(axis, "axis"), null, fill);
    }

    private static SeriesTable of(Table table, String source, String timeColumn, List<String> idColumns, String target,
                                  TimeAxis given, Frequency frequency, GapFill fill) {
        Objects.requireNonNull(fill, "fill");
        Column<?> time = column(table, source, timeColumn, "forecast.time_column", "time");
        Column<?> y = column(table, source, target, "data.target", "target");
        List<Column<?>> ids = new ArrayList<>();
        for (String id : idColumns) {
            ids.add(column(table, source, id, "forecast.series_id", "series id"));
        }
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            groups.computeIfAbsent(idCells(ids, r, source), k -> new ArrayList<>()).add(r);
        }
        TimeCells cells = TimeCells.read(time, source);
        List<int[]> rowsBySeries = new ArrayList<>();
        groups.values().forEach(rows -> rowsBySeries.add(rows.stream().mapToInt(Integer::intValue).toArray()));
        TimeAxis axis = given != null ? given.checkForm(cells, source) : TimeAxis.of(cells, rowsBySeries, frequency, source);
        List<SeriesHistory> histories = new ArrayList<>();
        List<SeriesInfo> infos = new ArrayList<>();
        List<String> report = new ArrayList<>();
        Map<String, List<String>> seen = new LinkedHashMap<>();
        int s = 0;
        int totalFilled = 0;
        for (Map.Entry<List<String>, List<Integer>> g : groups.entrySet()) {
            String id = ids.isEmpty() ? target : String.join("/", g.getKey());
            List<String> before = seen.put(id, g.getKey());
            if (before != null) {
                throw new DataException(source + ": series " + before + " and " + g.getKey() + " have the same id '" + id
                        + "' once their id cells are joined with '/'");
            }
            Built b = build(id, g.getKey(), rowsBySeries.get(s++), cells, axis, y, fill, source, time.name());
            histories.add(b.history);
            infos.add(b.info);
            totalFilled += b.info.filled();
            if (b.info.dropped() > 0) {
                report.add("series '" + id + "': " + b.info.dropped() + " row(s) at its start or end have no " + target
                        + " value and were left out");
            }
        }
        if (totalFilled > 0) {
            long series = infos.stream().filter(i -> i.filled() > 0).count();
            report.add(0, totalFilled + " missing period(s) in " + series + " series filled (" + fill.label() + ")");
        }
        return new SeriesTable(axis, histories, infos, report);
    }

    /**
     * The id cells of row {@code r}, one per id column.
     *
     * @throws DataException naming the row and column of an empty id cell
     */
    static List<String> idCells(List<Column<?>> ids, int r, String source) {
        List<String> key = new ArrayList<>(ids.size());
        for (Column<?> c : ids) {
            String v = Cells.text(c, r);
            if (v == null) {
                throw new DataException(source + ", row " + (r + 1) + ", column '" + c.name() + "': the series id is empty");
            }
            key.add(v);
        }
        return key;
    }

    private static Column<?> column(Table table, String source, String name, String key, String what) {
        if (name == null || name.isBlank()) {
            throw new ConfigException(key, "the " + what + " column must be named");
        }
        if (!table.columnNames().contains(name)) {
            throw new ConfigException(key, "the " + what + " column '" + name + "' is not in " + source + "; its columns are "
                    + table.columnNames());
        }
        return table.column(name);
    }

    private record Built(SeriesHistory history, SeriesInfo info) {
    }

    private static Built build(String id, List<String> idValues, int[] rows, TimeCells cells, TimeAxis axis, Column<?> y,
                               GapFill fill, String source, String timeName) {
        long[] raw = cells.raw();
        boolean[] missing = cells.missing();
        long[] periods = new long[rows.length];
        Integer[] order = new Integer[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            if (missing[r]) {
                throw new DataException(source + ", row " + (r + 1) + ", column '" + timeName + "': the time is empty (series '"
                        + id + "')");
            }
            try {
                periods[k] = axis.period(raw[r]);
            } catch (IllegalArgumentException e) {
                throw new DataException(source + ", row " + (r + 1) + ", column '" + timeName + "': the time of series '" + id
                        + "' is " + e.getMessage());
            }
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(periods[a], periods[b]));
        for (int k = 1; k < order.length; k++) {
            if (periods[order[k]] == periods[order[k - 1]]) {
                throw new DataException(source + ": series '" + id + "' has two rows for time " + axis.label(periods[order[k]])
                        + " (rows " + (rows[order[k - 1]] + 1) + " and " + (rows[order[k]] + 1) + " of column '" + timeName + "')");
            }
        }
        // the values by period, NaN where the target is empty
        List<double[]> observed = new ArrayList<>();
        for (Integer k : order) {
            int r = rows[k];
            double v = Cells.number(y, r);
            if (Double.isNaN(v) && Cells.text(y, r) != null || Double.isInfinite(v)) {
                throw new DataException(source + ", row " + (r + 1) + ", column '" + y.name() + "': '" + Cells.text(y, r)
                        + "' is not a number (series '" + id + "')");
            }
            observed.add(new double[]{periods[k], v});
        }
        int firstValue = 0;
        while (firstValue < observed.size() && Double.isNaN(observed.get(firstValue)[1])) {
            firstValue++;
        }
        if (firstValue == observed.size()) {
            throw new DataException(source + ": series '" + id + "' has no " + y.name() + " value in any of its " + rows.length
                    + " rows");
        }
        int lastValue = observed.size() - 1;
        while (Double.isNaN(observed.get(lastValue)[1])) {
            lastValue--;
        }
        long first = (long) observed.get(firstValue)[0];
        long last = (long) observed.get(lastValue)[0];
        double[] values = new double[Math.toIntExact(last - first + 1)];
        Arrays.fill(values, Double.NaN);
        for (int k = firstValue; k <= lastValue; k++) {
            values[(int) ((long) observed.get(k)[0] - first)] = observed.get(k)[1];
        }
        int filled = fill(values, fill, id, first, axis, source);
        SeriesInfo info = new SeriesInfo(id, idValues, first, last, filled, firstValue + (observed.size() - 1 - lastValue));
        return new Built(new SeriesHistory(id, values), info);
    }

    private static int fill(double[] v, GapFill fill, String id, long first, TimeAxis axis, String source) {
        int filled = 0;
        for (int t = 0; t < v.length; t++) {
            if (!Double.isNaN(v[t])) {
                continue;
            }
            if (fill == GapFill.ERROR) {
                throw new DataException(source + ": series '" + id + "' has no value for time " + axis.label(first + t)
                        + " (gap fill: error; use interpolate, previous or zero to fill gaps)");
            }
            int next = t;
            while (Double.isNaN(v[next])) {
                next++;
            }
            for (int k = t; k < next; k++) {
                v[k] = switch (fill) {
                    case PREVIOUS -> v[t - 1];
                    case ZERO -> 0;
                    default -> v[t - 1] + (v[next] - v[t - 1]) * (k - t + 1) / (next - t + 1);
                };
                filled++;
            }
            t = next;
        }
        return filled;
    }

    /**
     * The time axis of the table.
     *
     * @return the axis
     */
    public TimeAxis axis() {
        return axis;
    }

    /**
     * The series, gaps filled, in the order of their first rows.
     *
     * @return the histories
     */
    public List<SeriesHistory> histories() {
        return histories;
    }

    /**
     * Where each series lies in time, in the order of {@link #histories()}.
     *
     * @return the infos
     */
    public List<SeriesInfo> infos() {
        return infos;
    }

    /**
     * What was found and done, for people: gaps filled, rows left out.
     *
     * @return the lines, possibly none
     */
    public List<String> report() {
        return Collections.unmodifiableList(report);
    }
}
