package automl4j.featurizers;

import automl4j.DataException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A date or date-time column expanded into calendar parts: year, month, day of month, day of week (1 = Monday),
 * day of year, hour (only when the training values have a time of day), days elapsed since the earliest training
 * value, and sine/cosine pairs of month, day of week and hour so that December sits next to January. A missing
 * value takes the training median date and sets a missing indicator (present when the training rows had missing
 * values). Text cells are read with the pattern found at fit time; a cell that does not fit it is an error naming the
 * row.
 */
record DateEncoder(String column, String pattern, double fill, double reference, boolean withTime, boolean indicator)
        implements ColumnEncoder {

    // Sine and cosine of every month, weekday and minute of the day, computed once: six trigonometric calls a row
    // were a large part of featurizing a million dates.
    private static final float[][] MONTH = circle(12, 1);
    private static final float[][] WEEKDAY = circle(7, 1);
    private static final float[][] MINUTE = circle(24, 60);

    private static float[][] circle(int period, int steps) {
        float[][] table = new float[2][period * steps];
        for (int i = 0; i < period * steps; i++) {
            double angle = 2 * Math.PI * (i / (double) steps) / period;
            table[0][i] = (float) Math.sin(angle);
            table[1][i] = (float) Math.cos(angle);
        }
        return table;
    }

    /** The encoder of {@code coded}, whose text (if any) reads with {@code pattern} ({@link KindDetector#datePattern}). */
    static DateEncoder fit(CodedColumn coded, String pattern) {
        Column<?> column = coded.column;
        int[] rows = coded.tableRows;
        double[] parsed = new double[coded.distinct()];
        for (int l = 0; l < parsed.length; l++) {
            parsed[l] = Double.NaN;
        }
        double[] values = new double[rows.length];
        int n = 0;
        double min = Double.POSITIVE_INFINITY;
        boolean time = false;
        for (int i = 0; i < rows.length; i++) {
            int code = coded.codes[i];
            if (code >= 0 && Double.isNaN(parsed[code])) {
                parsed[code] = read(column, rows[i], pattern);
            }
            double s = code < 0 ? Double.NaN : parsed[code];
            if (!Double.isNaN(s)) {
                values[n++] = s;
                min = Math.min(min, s);
                time |= Math.floorMod((long) s, 86400L) != 0;
            }
        }
        double median = n == 0 ? 0 : new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                .evaluate(java.util.Arrays.copyOf(values, n), 50);
        return new DateEncoder(column.name(), pattern, median, n == 0 ? 0 : min, time, n < rows.length);
    }

    private static double read(Column<?> column, int row, String pattern) {
        double s = DateFormats.seconds(column, row, pattern);
        if (Double.isNaN(s) && !column.isMissing(row) && !column.getUnformattedString(row).isEmpty()) {
            throw new DataException("column '" + column.name() + "' row " + (row + 1) + " must be a date"
                    + (pattern == null ? "" : " like the others (pattern " + pattern + ")") + ", but was '"
                    + column.getUnformattedString(row) + "'");
        }
        return s;
    }

    @Override
    public List<String> featureNames() {
        List<String> parts = new ArrayList<>(List.of("year", "month", "day", "day_of_week", "day_of_year"));
        if (withTime) {
            parts.add("hour");
        }
        parts.addAll(List.of("elapsed_days", "month_sin", "month_cos", "day_of_week_sin", "day_of_week_cos"));
        if (withTime) {
            parts.addAll(List.of("hour_sin", "hour_cos"));
        }
        List<String> names = new ArrayList<>();
        parts.forEach(p -> names.add(column + ":" + p));
        if (indicator) {
            names.add(column + "=missing");
        }
        return names;
    }

    @Override
    public void encode(Table table, Column<?> col, int[] rows, int n, float[] out, int stride, int offset) {
        for (int i = 0; i < n; i++) {
            double s = read(col, ColumnEncoder.row(rows, i), pattern);
            boolean missing = Double.isNaN(s);
            long secs = (long) (missing ? fill : s);
            LocalDateTime t = LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.UTC);
            int at = i * stride + offset;
            int k = 0;
            out[at + k++] = t.getYear();
            out[at + k++] = t.getMonthValue();
            out[at + k++] = t.getDayOfMonth();
            out[at + k++] = t.getDayOfWeek().getValue();
            out[at + k++] = t.getDayOfYear();
            if (withTime) {
                out[at + k++] = t.getHour();
            }
            out[at + k++] = (float) ((secs - reference) / 86400.0);
            out[at + k++] = MONTH[0][t.getMonthValue() - 1];
            out[at + k++] = MONTH[1][t.getMonthValue() - 1];
            out[at + k++] = WEEKDAY[0][t.getDayOfWeek().getValue() - 1];
            out[at + k++] = WEEKDAY[1][t.getDayOfWeek().getValue() - 1];
            if (withTime) {
                int minute = t.getHour() * 60 + t.getMinute();
                out[at + k++] = MINUTE[0][minute];
                out[at + k++] = MINUTE[1][minute];
            }
            if (indicator && missing) {
                out[at + k] = 1f;
            }
        }
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "date");
        n.put("column", column);
        if (pattern != null) {
            n.put("pattern", pattern);
        }
        n.put("fill", fill);
        n.put("reference", reference);
        n.put("with_time", withTime);
        n.put("indicator", indicator);
        return n;
    }

    static DateEncoder fromJson(JsonNode n) {
        return new DateEncoder(n.get("column").asText(), n.hasNonNull("pattern") ? n.get("pattern").asText() : null,
                n.get("fill").asDouble(), n.get("reference").asDouble(), n.get("with_time").asBoolean(),
                n.get("indicator").asBoolean());
    }
}
