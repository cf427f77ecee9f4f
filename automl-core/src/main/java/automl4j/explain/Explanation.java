package automl4j.explain;

import java.util.List;
import java.util.Locale;

/**
 * Importance of each raw input column, most important first.
 *
 * @param metric  the metric the importances are measured in
 * @param columns one entry per input column
 */
public record Explanation(String metric, List<ColumnImportance> columns) {
    public Explanation {
        columns = List.copyOf(columns);
    }

    /**
     * How much the score drops when one column is shuffled.
     *
     * @param column     the raw column
     * @param importance mean drop in score (positive = the column helps)
     * @param std        standard deviation of the drop over repeats
     */
    public record ColumnImportance(String column, double importance, double std) {
    }

    /** CSV with a header: column, importance, std. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("column,importance,std\n");
        for (ColumnImportance c : columns) {
            sb.append(automl4j.internal.CsvFields.quote(c.column())).append(',').append(String.format(Locale.ROOT, "%.6f,%.6f", c.importance(), c.std())).append('\n');
        }
        return sb.toString();
    }
}
