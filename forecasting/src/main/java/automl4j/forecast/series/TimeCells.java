package automl4j.forecast.series;

import automl4j.DataException;
import automl4j.featurizers.DateFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/**
 * The cells of a time column read as numbers: whole numbers as they are, {@code yyyy-Qq} as {@code year x 4 + q - 1},
 * {@code yyyy-mm} as {@code year x 12 + month - 1}, dates and date-times as seconds since 1970 (read as the featurizer
 * reads date columns). Every non-missing cell must be of the one form the column has.
 *
 * @param raw     one number per row; meaningless where {@code missing} is true
 * @param missing whether each row's cell is empty
 * @param form   how the cells are written
 * @param column the column's name
 */
public record TimeCells(long[] raw, boolean[] missing, TimeForm form, String column) {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,12}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    /** The forms a time cell may have, for error messages. */
    public static final String EXPECTED = "whole numbers (1, 2, 3), years (1990), quarters (1990-Q1), months (1990-01), "
            + "ISO dates (1990-01-31) or date-times (1990-01-31T08:00), or dates as " + String.join(", ",
            DateFormats.PATTERNS.subList(1, DateFormats.PATTERNS.size()));

    /**
     * Reads a time column.
     *
     * @param column the column
     * @param source where the table came from, for messages
     * @return the cells as numbers
     * @throws DataException naming the source, row (1-based, as in the file after its header) and column when a cell
     *                       does not have the column's form, or when no form fits
     */
    public static TimeCells read(Column<?> column, String source) {
        int n = column.size();
        long[] raw = new long[n];
        boolean[] missing = new boolean[n];
        if (DateFormats.isTyped(column)) {
            boolean withTime = column.type() != ColumnType.LOCAL_DATE;
            for (int i = 0; i < n; i++) {
                double s = DateFormats.seconds(column, i, null);
                missing[i] = Double.isNaN(s);
                raw[i] = missing[i] ? 0 : (long) s;
            }
            return new TimeCells(raw, missing, withTime ? TimeForm.DATE_TIME : TimeForm.DATE, column.name());
        }
        List<String> sample = new ArrayList<>();
        int firstRow = -1;
        for (int i = 0; i < n && sample.size() < 200; i++) {
            String s = text(column, i);
            if (s != null) {
                sample.add(s);
                firstRow = firstRow < 0 ? i : firstRow;
            }
        }
        if (sample.isEmpty()) {
            throw new DataException("time column '" + column.name() + "' in " + source + " has no values");
        }
        // The form most of the sampled cells have, so that one bad cell is named by its row below, not blamed on all.
        TimeForm form = null;
        String pattern = null;
        int best = 0;
        for (TimeForm f : new TimeForm[]{TimeForm.INTEGER, TimeForm.QUARTER, TimeForm.MONTH}) {
            int fits = (int) sample.stream().filter(v -> parse(v, f, null) != Long.MIN_VALUE).count();
            if (fits > best) {
                best = fits;
                form = f;
            }
        }
        for (String p : DateFormats.PATTERNS) {
            int fits = (int) sample.stream().filter(v -> !Double.isNaN(DateFormats.parse(v, p))).count();
            if (fits > best) {
                best = fits;
                form = TimeForm.DATE;
                pattern = p;
            }
        }
        if (form == null) {
            throw new DataException(source + ", row " + (firstRow + 1) + ", column '" + column.name() + "': cannot read '"
                    + sample.get(0) + "' as a time; expected " + EXPECTED);
        }
        boolean anyTime = false;
        for (int i = 0; i < n; i++) {
            String s = text(column, i);
            if (s == null) {
                missing[i] = true;
                continue;
            }
            long v = parse(s, form, pattern);
            if (v == Long.MIN_VALUE) {
                throw new DataException(source + ", row " + (i + 1) + ", column '" + column.name() + "': '" + s
                        + "' is not a time of the column's form (" + describe(form, pattern) + ", as in its first rows)");
            }
            raw[i] = v;
            if (form != TimeForm.INTEGER && form != TimeForm.QUARTER && form != TimeForm.MONTH && Math.floorMod(v, 86_400L) != 0) {
                anyTime = true;
            }
        }
        if (form == TimeForm.DATE && anyTime) {
            form = TimeForm.DATE_TIME;
        }
        return new TimeCells(raw, missing, form, column.name());
    }

    private static String text(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        String s = column.getUnformattedString(row).strip();
        return s.isEmpty() ? null : s;
    }

    private static String describe(TimeForm form, String pattern) {
        return switch (form) {
            case INTEGER -> "whole numbers";
            case QUARTER -> "quarters like 1990-Q1";
            case MONTH -> "months like 1990-01";
            default -> "iso".equals(pattern) ? "ISO dates like 1990-01-31" : "dates as " + pattern;
        };
    }

    /** The cell as a number, or {@link Long#MIN_VALUE} if it does not have the form. */
    private static long parse(String s, TimeForm form, String pattern) {
        switch (form) {
            case INTEGER -> {
                return INTEGER.matcher(s).matches() ? Long.parseLong(s.startsWith("+") ? s.substring(1) : s) : Long.MIN_VALUE;
            }
            case QUARTER -> {
                var m = QUARTER.matcher(s);
                return m.matches() ? Long.parseLong(m.group(1)) * 4 + Long.parseLong(m.group(2)) - 1 : Long.MIN_VALUE;
            }
            case MONTH -> {
                var m = MONTH.matcher(s);
                if (!m.matches()) {
                    return Long.MIN_VALUE;
                }
                int month = Integer.parseInt(m.group(2));
                return month < 1 || month > 12 ? Long.MIN_VALUE : Long.parseLong(m.group(1)) * 12 + month - 1;
            }
            default -> {
                double v = DateFormats.parse(s, pattern);
                return Double.isNaN(v) ? Long.MIN_VALUE : (long) v;
            }
        }
    }
}
