package automl4j.featurizers;

import automl4j.data.Cells;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.columns.Column;

/**
 * Infers a column's kind from the training rows. The rules (documented in the README):
 * no value → all-missing; every value a finite number → numeric, unless the values are exactly the row numbers
 * (consecutive integers in row order) → ID-like; one distinct value → constant; text with more than 5 words on
 * average, or more than half distinct with more than 2 words → text; every value distinct (and more than 20 rows) →
 * ID-like; at most {@value #ONE_HOT_MAX} distinct values → categorical; otherwise high-cardinality.
 */
final class KindDetector {
    static final int ONE_HOT_MAX = 16;

    private KindDetector() {
    }

    /**
     * The kind of {@code column} on {@code rows}.
     *
     * @throws IllegalArgumentException if a numeric column holds an infinite value (naming the column and row)
     */
    static ColumnKind detect(Column<?> column, int[] rows) {
        int present = 0;
        boolean numeric = true;
        Map<String, Integer> counts = new HashMap<>();
        double tokens = 0;
        for (int r : rows) {
            String s = Cells.text(column, r);
            if (s == null) {
                continue;
            }
            present++;
            counts.merge(s, 1, Integer::sum);
            if (numeric) {
                double v = Cells.number(column, r);
                if (Double.isNaN(v)) {
                    numeric = false;
                } else if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("column '" + column.name() + "' row " + (r + 1)
                            + " must be a finite number, but was " + s);
                }
            }
            tokens += s.isBlank() ? 0 : s.strip().split("\\s+").length;
        }
        if (present == 0) {
            return ColumnKind.ALL_MISSING;
        }
        if (counts.size() == 1) {
            return ColumnKind.CONSTANT;
        }
        if (numeric) {
            return isRowNumber(column, rows) ? ColumnKind.ID_LIKE : ColumnKind.NUMERIC;
        }
        double meanTokens = tokens / present;
        if (meanTokens > 5 || (counts.size() > 0.5 * present && meanTokens > 2)) {
            return ColumnKind.TEXT;
        }
        if (counts.size() == present && present > 20) {
            return ColumnKind.ID_LIKE;
        }
        return counts.size() <= ONE_HOT_MAX ? ColumnKind.CATEGORICAL : ColumnKind.HIGH_CARDINALITY;
    }

    private static boolean isRowNumber(Column<?> column, int[] rows) {
        if (rows.length < 20) {
            return false;
        }
        for (int i = 0; i < rows.length; i++) {
            double v = Cells.number(column, rows[i]);
            if (Double.isNaN(v) || v != rows[i] + (Cells.number(column, rows[0]) - rows[0])) {
                return false;
            }
        }
        return true;
    }
}
