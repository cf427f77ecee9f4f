package automl4j.data;

import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * Reads cells of any Tablesaw column uniformly, as text or as numbers, with missing values as {@code null}
 * or NaN. Loaders in AutoML4J read every CSV cell as text (so {@code 007} stays {@code 007}), while tables built
 * in code may have typed columns; featurizers and targets see both the same way.
 */
public final class Cells {
    private Cells() {
    }

    /** The cell as text exactly as stored, or {@code null} if it is missing. */
    public static String text(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        String s = column.getUnformattedString(row);
        return s == null || s.isEmpty() ? null : s;
    }

    /** True if the column holds numbers natively (not text that may parse as numbers). */
    public static boolean isNumericType(Column<?> column) {
        return column instanceof NumericColumn<?> && column.type() != ColumnType.BOOLEAN;
    }

    /** The cell as a number: NaN if missing; for text columns, the parse of the text or NaN if it is not a number. */
    public static double number(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return Double.NaN;
        }
        if (column instanceof NumericColumn<?> numeric && column.type() != ColumnType.BOOLEAN) {
            return numeric.getDouble(row);
        }
        return parse(text(column, row));
    }

    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]*,[0-9]+([eE][+-]?[0-9]+)?");

    /**
     * True if {@code s} is a number written with a decimal comma ({@code 0,1}, {@code -2,5e3}): what
     * {@code data.decimal: ","} reads as a number and the {@code decimal-comma} guardrail looks for. Null is not.
     */
    public static boolean isDecimalComma(String s) {
        return s != null && s.indexOf(',') >= 0 && DECIMAL_COMMA.matcher(s).matches();
    }

    /** Parses a decimal number strictly (no thousands separators, no locale); NaN when {@code s} is null or not a number. */
    public static double parse(String s) {
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
