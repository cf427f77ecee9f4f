package automl4j.forecast;

import automl4j.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Forecasts of many series as one long table: one row per series and step, with the id columns, the time column, the
 * step, the point forecast, the interval bounds ({@code lower_80}, {@code upper_80}, ...) and the quantile forecasts
 * ({@code q0.1}, ...); and, per series, how it was forecast.
 *
 * @param idColumns  the id columns' names
 * @param timeColumn the time column's name
 * @param levels     the interval levels
 * @param quantiles  the quantile probabilities
 * @param rows       the rows, series after series, step by step
 * @param notes      per series that was not forecast the usual way: its id and what was done
 */
public record ForecastTable(List<String> idColumns, String timeColumn, double[] levels, double[] quantiles,
                            List<ForecastRow> rows, List<String> notes) {
    /** Copies the lists and arrays. */
    public ForecastTable {
        idColumns = List.copyOf(idColumns);
        levels = levels.clone();
        quantiles = quantiles.clone();
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /**
     * The column names, in order.
     *
     * @return the header
     */
    public List<String> header() {
        List<String> h = new ArrayList<>(idColumns);
        h.add(timeColumn);
        h.add("step");
        h.add("forecast");
        for (double l : levels) {
            h.add("lower_" + percent(l));
            h.add("upper_" + percent(l));
        }
        for (double q : quantiles) {
            h.add("q" + number(q));
        }
        return h;
    }

    private static String percent(double level) {
        return number(level * 100);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * The table as CSV text (RFC 4180 quoting, {@code .} as the decimal point, numbers as Java writes doubles).
     *
     * @return the text, header first
     */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        line(b, header());
        for (ForecastRow r : rows) {
            List<String> cells = new ArrayList<>(r.idValues());
            cells.add(r.time());
            cells.add(Integer.toString(r.step()));
            cells.add(value(r.forecast()));
            for (int i = 0; i < levels.length; i++) {
                cells.add(value(r.lower()[i]));
                cells.add(value(r.upper()[i]));
            }
            for (double q : r.quantiles()) {
                cells.add(value(q));
            }
            line(b, cells);
        }
        return b.toString();
    }

    private static String value(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%s", v);
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                b.append(',');
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append('\n');
    }

    /**
     * Writes {@link #toCsv()} to {@code file} atomically.
     *
     * @param file the file
     * @throws IOException if it cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv());
    }
}
