package automl4j.featurizers;

import automl4j.data.Cells;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * The training rows of one column read once: for text columns an integer code per row into the distinct values (in
 * first-seen order) with their counts, for numeric columns the values. Kind detection, the encoders' fits, the leakage
 * score and the duplicate check all work from it, so a million-row column is read from the table once per fit
 * instead of once per step, and a number written as text is parsed once per distinct value.
 */
final class CodedColumn {
    final Column<?> column;
    final int rows;
    /** The table rows read, in order. */
    final int[] tableRows;
    /** Per training row: index into {@link #levels}, or -1 when missing; null for typed numeric columns. */
    final int[] codes;
    final List<String> levels;
    final int[] counts;
    final int missing;
    /** Per training row: the value as a number (NaN when missing or not a number). */
    private double[] numbers;

    private CodedColumn(Column<?> column, int[] tableRows, int[] codes, List<String> levels, int[] counts, int missing, double[] numbers) {
        this.column = column;
        this.rows = tableRows.length;
        this.tableRows = tableRows;
        this.codes = codes;
        this.levels = levels;
        this.counts = counts;
        this.missing = missing;
        this.numbers = numbers;
    }

    static CodedColumn of(Column<?> column, int[] rows) {
        if (Cells.isNumericType(column)) {
            NumericColumn<?> nc = (NumericColumn<?>) column;
            double[] v = new double[rows.length];
            int missing = 0;
            for (int i = 0; i < rows.length; i++) {
                if (nc.isMissing(rows[i])) {
                    v[i] = Double.NaN;
                    missing++;
                } else {
                    v[i] = nc.getDouble(rows[i]);
                }
            }
            return new CodedColumn(column, rows, null, List.of(), new int[0], missing, v);
        }
        return ofText(column, rows);
    }

    /**
     * This column coded by its cells' text, as a text column is: itself unless it is a typed numeric column, whose
     * numbers are then categories (declared categorical, boolean or a date), read as {@code Cells.text} reads them at
     * prediction time.
     */
    CodedColumn asText() {
        return isTypedNumeric() ? ofText(column, tableRows) : this;
    }

    private static CodedColumn ofText(Column<?> column, int[] rows) {
        // Sized for the distinct values of the whole column, so a column of unique values does not rehash repeatedly.
        int expected = 16;
        if (column instanceof tech.tablesaw.api.StringColumn sc) {
            // A column too diverse for a Tablesaw dictionary has about as many values as rows.
            expected = sc.getDictionary() instanceof tech.tablesaw.columns.strings.NullDictionaryMap ? rows.length
                    : Math.min(rows.length, sc.getDictionary().countUnique());
        }
        Map<String, Integer> index = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
        List<String> levels = new ArrayList<>(expected);
        int[] codes = ColumnCodes.assign(column, rows, index, levels);
        int[] counts = new int[levels.size()];
        int missing = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == ColumnCodes.MISSING) {
                codes[i] = -1;
                missing++;
            } else {
                counts[codes[i]]++;
            }
        }
        return new CodedColumn(column, rows, codes, List.copyOf(levels), counts, missing, null);
    }

    /** True for a typed numeric column (no codes). */
    boolean isTypedNumeric() {
        return codes == null;
    }

    /** Number of distinct present values (of text columns). */
    int distinct() {
        return levels.size();
    }

    /** The value of training row {@code i} as a number; text is parsed once per distinct value. */
    double[] numbers() {
        if (numbers == null) {
            double[] parsed = new double[levels.size()];
            for (int l = 0; l < parsed.length; l++) {
                parsed[l] = Cells.parse(levels.get(l));
            }
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = codes[i] < 0 ? Double.NaN : parsed[codes[i]];
            }
            numbers = v;
        }
        return numbers;
    }

    /** Distinct values with their counts, most frequent first, ties in code-point order. */
    List<Map.Entry<String, Integer>> byCount() {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(levels.size());
        for (int l = 0; l < levels.size(); l++) {
            sorted.add(Map.entry(levels.get(l), counts[l]));
        }
        sorted.sort((a, b) -> {
            int c = Integer.compare(b.getValue(), a.getValue());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        return sorted;
    }

    /** Up to {@code n} present values in row order. */
    List<String> sample(int n) {
        List<String> out = new ArrayList<>();
        if (codes == null) {
            return out;
        }
        for (int i = 0; i < rows && out.size() < n; i++) {
            if (codes[i] >= 0) {
                out.add(levels.get(codes[i]));
            }
        }
        return out;
    }
}
