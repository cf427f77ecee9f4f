package automl4j.scoring;

/**
 * Reads the cells of a row given as {@code Map<String, Object>} the way the engine's {@code automl4j.data.Cells} reads
 * the cells of a Tablesaw column: a {@code String} is a text cell (a CSV cell), a {@code Double}, {@code Float},
 * {@code Integer}, {@code Long}, {@code Short} or {@code Byte} a cell of a typed numeric column, a {@code Boolean} a
 * cell of a boolean column; null, an absent key, an empty string and NaN are missing. Text of a typed cell is what
 * Tablesaw writes for it ({@code String.valueOf}), so {@code 3.0} and {@code "3"} are different categories, as they are
 * to the engine.
 *
 * <p>A date column (one the model encodes as a date) also takes a {@code java.time.LocalDate}, {@code LocalDateTime} or
 * {@code Instant}: the cells of a Tablesaw date, date-time and instant column, read whatever text pattern the column
 * had in training (a date-time as UTC, a date at midnight; below the second is ignored, as the engine does). Other
 * {@code java.time} types ({@code ZonedDateTime}, {@code OffsetDateTime}...) and {@code java.util.Date} are refused,
 * since a Tablesaw table cannot hold them: convert them to an {@code Instant} or a {@code LocalDateTime}. Text in a
 * date column is read with the column's training pattern and is an error if it does not fit, as in the engine; in a
 * column that was a typed date column in training, only the typed cells are dates. Other columns refuse the
 * {@code java.time} types: the engine would read them through Tablesaw's own date text ({@code -5-01-05},
 * {@code 2020-01-05T03:04:00.000}), which is not {@code toString}; give such cells as that text instead.
 */
final class RowCells {
    private RowCells() {
    }

    /** Throws unless {@code value} is one of the types above or null; {@code date}: the column is a date column. */
    static void check(String column, Object value, boolean date) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Double
                || value instanceof Float || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || (date && DateCells.isTyped(value))) {
            return;
        }
        throw new IllegalArgumentException("column '" + column + "' must be a String, a number (Double, Float, Integer, Long, "
                + "Short, Byte), a Boolean" + (date ? ", a LocalDate, a LocalDateTime, an Instant" : "") + " or null, but was a "
                + value.getClass().getName());
    }

    /** True if {@code value} is a number of a typed column (not a Boolean, not text). */
    static boolean isTypedNumber(Object value) {
        return value instanceof Number;
    }

    /** The cell as text exactly as Tablesaw stores it, or null if it is missing. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        if (value instanceof Double d) {
            return d.isNaN() ? null : Double.toString(d);
        }
        if (value instanceof Float f) {
            return f.isNaN() ? null : Float.toString(f);
        }
        return value.toString();
    }

    /** The cell as a number: NaN if missing; for text and booleans, the strict parse of the text or NaN. */
    static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return parse(text(value));
    }

    /** The engine's {@code Cells.parse}: a decimal number, strictly (no thousands separators, no locale), or NaN. */
    static double parse(String s) {
        if (s == null) {
            return Double.NaN;
        }
        String t = s.trim();
        if (t.isEmpty() || !looksNumeric(t)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    // Double.parseDouble accepts "NaN", "Infinity", hex floats and a trailing 'd'/'f'; a data cell that says so is text.
    private static boolean looksNumeric(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
