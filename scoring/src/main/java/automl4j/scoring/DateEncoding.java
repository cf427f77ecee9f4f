package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine: {@code DateEncoder}. A date or date-time cell as calendar parts (year, month, day, day of week, day of year,
 * hour when the training values had a time of day), days since the earliest training value, and sine/cosine pairs of
 * month, weekday and time of day; a missing cell takes the training median and sets the missing indicator. Text is read
 * with the training column's {@code pattern} ({@link DateCells}); a typed cell ({@code LocalDate},
 * {@code LocalDateTime}, {@code Instant}) is read whatever the pattern, as the engine reads a Tablesaw date column.
 *
 * @param pattern null when the training column was a typed date column
 */
record DateEncoding(String column, String pattern, double fill, double reference, boolean withTime, boolean indicator)
        implements ColumnEncoding {
    // The engine's tables, computed the same way (so the same floats): sine and cosine of each month, weekday and minute.
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

    static DateEncoding fromJson(JsonNode n) {
        String column = Json.text(n, "column");
        String pattern = n.hasNonNull("pattern") ? Json.text(n, "pattern") : null;
        // Only the engine's own patterns: any other DateTimeFormatter pattern would be a file the engine never writes.
        if (pattern != null && !DateCells.PATTERNS.contains(pattern)) {
            throw new IllegalArgumentException("date encoder of '" + column + "' has pattern '" + pattern + "', which is none of "
                    + DateCells.PATTERNS);
        }
        return new DateEncoding(column, pattern, Json.number(n, "fill"), Json.number(n, "reference"), Json.bool(n, "with_time"),
                Json.bool(n, "indicator"));
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
    public void encode(Object value, float[] out, int offset) {
        double s = seconds(value);
        boolean missing = Double.isNaN(s);
        long secs = (long) (missing ? fill : s);
        LocalDateTime t;
        try {
            t = LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.UTC);
        } catch (DateTimeException e) {   // an Instant past year 999,999,999; the engine fails on it too
            throw new IllegalArgumentException("column '" + column + "' holds a date out of range: " + value, e);
        }
        int k = offset;
        out[k++] = t.getYear();
        out[k++] = t.getMonthValue();
        out[k++] = t.getDayOfMonth();
        out[k++] = t.getDayOfWeek().getValue();
        out[k++] = t.getDayOfYear();
        if (withTime) {
            out[k++] = t.getHour();
        }
        out[k++] = (float) ((secs - reference) / 86400.0);
        out[k++] = MONTH[0][t.getMonthValue() - 1];
        out[k++] = MONTH[1][t.getMonthValue() - 1];
        out[k++] = WEEKDAY[0][t.getDayOfWeek().getValue() - 1];
        out[k++] = WEEKDAY[1][t.getDayOfWeek().getValue() - 1];
        if (withTime) {
            int minute = t.getHour() * 60 + t.getMinute();
            out[k++] = MINUTE[0][minute];
            out[k++] = MINUTE[1][minute];
        }
        if (indicator && missing) {
            out[k] = 1f;
        }
    }

    /** The cell's epoch seconds, NaN when missing; text that is not a date of the pattern is an error, as in the engine. */
    private double seconds(Object value) {
        if (DateCells.isTyped(value)) {
            return DateCells.seconds(value);
        }
        String text = RowCells.text(value);
        if (text == null) {
            return Double.NaN;
        }
        if (pattern == null) {
            // The engine has no pattern for text here and fails (a NullPointerException in DateFormats.formatter).
            throw new IllegalArgumentException("column '" + column + "' was a typed date column in training and must be a "
                    + "LocalDate, LocalDateTime or Instant (or missing), but was '" + text + "'");
        }
        double s = DateCells.parse(text, pattern);
        if (Double.isNaN(s)) {
            throw new IllegalArgumentException("column '" + column + "' must be a date like the others (pattern " + pattern
                    + "), but was '" + text + "'");
        }
        return s;
    }
}
