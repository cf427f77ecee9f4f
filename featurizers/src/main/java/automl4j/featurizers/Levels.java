package automl4j.featurizers;

import automl4j.data.Cells;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.columns.Column;

/** Counts the categories of a column on training rows; orders them by count (descending), ties in code-point order. */
final class Levels {
    private Levels() {
    }

    /** Category counts of the present values, most frequent first. */
    static List<Map.Entry<String, Integer>> count(Column<?> column, int[] rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r : rows) {
            String s = Cells.text(column, r);
            if (s != null) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> {
            int c = Integer.compare(b.getValue(), a.getValue());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        return sorted;
    }

    /** Number of rows where the column is missing. */
    static int missing(Column<?> column, int[] rows) {
        int n = 0;
        for (int r : rows) {
            if (Cells.text(column, r) == null) {
                n++;
            }
        }
        return n;
    }
}
