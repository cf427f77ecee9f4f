package automl4j.datasets;

import automl4j.data.Cells;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies {@link ReadOptions} to the cells of one CSV file as they are read: missing-value tokens become missing,
 * decimal commas become points (when asked), and infinite numbers in numeric columns are rejected or read as missing.
 * Remembers the line of each data row for messages. One per file read; not thread-safe.
 */
final class CellRules {
    /** Share of numbers among a column's present cells from which an infinite value in it is a number, not a word. */
    static final double NUMERIC_COLUMN_SHARE = 0.5;
    private static final Set<String> INFINITY_WORDS = Set.of("inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");

    private final ReadOptions options;
    private final Set<String> missing;
    private final String source;
    private int[] lines = new int[1024];
    private int rows;

    CellRules(ReadOptions options, String source) {
        this.options = options;
        this.missing = new HashSet<>(options.missingValues());
        this.source = source;
    }

    /** Starts a data row that begins on {@code line}. */
    void startRow(int line) {
        if (rows == lines.length) {
            lines = java.util.Arrays.copyOf(lines, rows * 2);
        }
        lines[rows++] = line;
    }

    /** The cell as stored: null when missing (empty or a missing-value token), a decimal comma turned into a point. */
    String cell(String raw) {
        if (raw == null || (!missing.isEmpty() && missing.contains(raw))) {
            return null;
        }
        if (options.decimal() == ',' && Cells.isDecimalComma(raw)) {
            return raw.replace(',', '.');
        }
        return raw;
    }

    /** True if {@code s} is an infinite number: a word such as {@code Infinity} or {@code -inf}, or one too large. */
    static boolean isInfinite(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(t.length() - 1);
        if (c == 'f' || c == 'F' || c == 'y' || c == 'Y') {
            return INFINITY_WORDS.contains(t.toLowerCase(Locale.ROOT));
        }
        return (t.indexOf('e') >= 0 || t.indexOf('E') >= 0) && Double.isInfinite(Cells.parse(t));
    }

    /**
     * In a numeric column (at least {@value #NUMERIC_COLUMN_SHARE} of its present cells finite numbers), rejects the
     * first infinite value or, with {@link ReadOptions#infinityAsMissing()}, makes every one missing.
     */
    void checkInfinities(String column, List<String> cells) {
        int first = -1;
        for (int r = 0; r < cells.size() && first < 0; r++) {
            String v = cells.get(r);
            if (v != null && isInfinite(v)) {
                first = r;
            }
        }
        if (first < 0) {
            return;
        }
        int present = 0;
        int numbers = 0;
        for (String v : cells) {
            if (v != null) {
                present++;
                if (Double.isFinite(Cells.parse(v))) {
                    numbers++;
                }
            }
        }
        if (numbers < NUMERIC_COLUMN_SHARE * present) {
            return;   // a column of words, where "inf" is a word
        }
        if (!options.infinityAsMissing()) {
            throw new DataFormatException(source + ", row " + (first + 1) + " (line " + lines[first] + "), column '" + column
                    + "': '" + cells.get(first) + "' is an infinite number, but numbers must be finite; to read infinities "
                    + "as missing values, set the config key data.infinity: missing (option --infinity missing for check and "
                    + "predict)");
        }
        for (int r = first; r < cells.size(); r++) {
            String v = cells.get(r);
            if (v != null && isInfinite(v)) {
                cells.set(r, null);
            }
        }
    }
}
