package automl4j.report;

import automl4j.data.Cells;
import automl4j.explain.PipelineShap;
import automl4j.explain.ShapValues;
import automl4j.internal.Permutations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The SHAP summary of a report: a model's SHAP values per raw input column ({@link PipelineShap.Explained#columns()})
 * for one output, the columns ranked by mean absolute value, with each cell's value as a number to colour the beeswarm
 * by.
 *
 * <ul>
 *   <li>The output: the class given to {@link #of(PipelineShap.Explained, Table, long, String)}; when none is given, the
 *       only one (the value; a binary model's log-odds of its positive class); of two, the second (the
 *       positive class's probability); of more, the class most often predicted for the explained rows (the largest
 *       output of a row, which in probability or softmax-margin space is its most probable class), named in the
 *       note.</li>
 *   <li>At most {@value #MAX_COLUMNS} columns, by mean absolute value over all explained rows, ties by name; and at most
 *       {@value #MAX_ROWS} rows, a seeded sample, kept to draw.</li>
 *   <li>Cells: a column whose present cells are all numbers (typed, or text that parses) gives the numbers; any other
 *       gives each value's rank among the column's distinct values in sorted order ({@link String#compareTo}, 0 for the first), so that the
 *       colour tells the levels apart; the note says which columns are coloured by rank. A missing cell is NaN.</li>
 * </ul>
 */
public final class ShapSummary {
    /** Most columns kept. */
    public static final int MAX_COLUMNS = 20;
    /** Most rows kept. */
    public static final int MAX_ROWS = 1000;

    private ShapSummary() {
    }

    /**
     * The summary of {@code explained}, whose row {@code i} is row {@code i} of {@code rows}.
     *
     * @param explained the SHAP values
     * @param rows      the rows explained (the target column may be present)
     * @param seed      the seed of the sample of rows kept when there are more than {@value #MAX_ROWS}
     * @throws IllegalArgumentException if the number of rows differs
     */
    public static ReportData.Shap of(PipelineShap.Explained explained, Table rows, long seed) {
        return of(explained, rows, seed, null);
    }

    /**
     * The summary of {@code explained} for the output of {@code outputClass}, whose row {@code i} is row {@code i} of
     * {@code rows}. Pass the class that the report's other parts explain, so that one page explains one class.
     *
     * @param explained   the SHAP values
     * @param rows        the rows explained (the target column may be present)
     * @param seed        the seed of the sample of rows kept when there are more than {@value #MAX_ROWS}
     * @param outputClass the output explained, one of {@code explained.columns().outputs()} (a class; a binary model's
     *                    log-odds have only the positive class's output); null chooses by the rule of the class comment
     * @throws IllegalArgumentException if the number of rows differs, or {@code outputClass} is not an output
     */
    public static ReportData.Shap of(PipelineShap.Explained explained, Table rows, long seed, String outputClass) {
        ShapValues v = explained.columns();
        if (v.rows() != rows.rowCount()) {
            throw new IllegalArgumentException("SHAP values of " + v.rows() + " rows, but " + rows.rowCount() + " rows were given");
        }
        if (outputClass != null && !v.outputs().contains(outputClass)) {
            throw new IllegalArgumentException("output class '" + outputClass + "' must be an output of the SHAP values, but the outputs are "
                    + v.outputs() + " (" + v.space() + ")" + (v.outputs().size() == 1 && v.space().equals("log-odds")
                    ? "; a binary model's log-odds explain only its positive class" : ""));
        }
        List<String> notes = new ArrayList<>();
        int output = outputClass != null ? v.outputs().indexOf(outputClass) : output(v, notes);
        double[] importance = v.meanAbsolute(output);
        Integer[] order = new Integer[v.features().size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer f) -> -importance[f]).thenComparing(f -> v.features().get(f)));
        int[] columns = Arrays.stream(order).limit(MAX_COLUMNS).mapToInt(Integer::intValue).toArray();
        if (order.length > MAX_COLUMNS) {
            notes.add("the " + MAX_COLUMNS + " columns of largest mean |SHAP value| of " + order.length);
        }
        int[] kept = sample(v.rows(), seed);
        if (kept.length < v.rows()) {
            notes.add(String.format(Locale.ROOT, "%,d of the %,d explained rows drawn at random", kept.length, v.rows()));
        }
        double[][] values = new double[kept.length][columns.length];
        double[][] cells = new double[kept.length][columns.length];
        List<String> names = new ArrayList<>();
        List<String> ranked = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            String name = v.features().get(columns[c]);
            names.add(name);
            double[] numbers = rows.columnNames().contains(name) ? numbers(rows.column(name), ranked) : null;
            for (int r = 0; r < kept.length; r++) {
                values[r][c] = v.value(kept[r], columns[c], output);
                cells[r][c] = numbers == null ? Double.NaN : numbers[kept[r]];
            }
        }
        if (!ranked.isEmpty()) {
            String which = ranked.size() <= 3 ? String.join(", ", ranked)
                    : String.join(", ", ranked.subList(0, 3)) + " and " + (ranked.size() - 3) + " more columns";
            notes.add("colour of " + which + ": each value's rank in sorted order (first blue, last red)");
        }
        return new ReportData.Shap(v.space(), explained.method(), v.outputs().get(output), names, values, cells, String.join("; ", notes));
    }

    private static int output(ShapValues v, List<String> notes) {
        int k = v.outputs().size();
        if (k <= 2) {
            return k - 1;
        }
        long[] count = new long[k];
        for (int r = 0; r < v.rows(); r++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (v.output(r, j) > v.output(r, best)) {
                    best = j;
                }
            }
            count[best]++;
        }
        int top = 0;
        for (int j = 1; j < k; j++) {
            if (count[j] > count[top]) {
                top = j;
            }
        }
        notes.add("values of '" + v.outputs().get(top) + "', the class predicted most often (" + count[top] + " of " + v.rows()
                + " rows)");
        return top;
    }

    private static int[] sample(int n, long seed) {
        if (n <= MAX_ROWS) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return Permutations.sample(n, MAX_ROWS, new SplittableRandom(seed));
    }

    /** Each cell as a number, or as its value's rank (adding the column's name to {@code ranked}); NaN when missing. */
    private static double[] numbers(Column<?> column, List<String> ranked) {
        int n = column.size();
        double[] out = new double[n];
        boolean numeric = true;
        for (int r = 0; r < n; r++) {
            out[r] = Cells.number(column, r);
            numeric &= column.isMissing(r) || Cells.text(column, r) == null || !Double.isNaN(out[r]);
        }
        if (numeric) {
            return out;
        }
        TreeMap<String, Integer> rank = new TreeMap<>();
        for (int r = 0; r < n; r++) {
            String s = Cells.text(column, r);
            if (s != null) {
                rank.put(s, 0);
            }
        }
        int i = 0;
        for (var e : rank.entrySet()) {
            e.setValue(i++);
        }
        for (int r = 0; r < n; r++) {
            String s = Cells.text(column, r);
            out[r] = s == null ? Double.NaN : rank.get(s);
        }
        ranked.add("'" + column.name() + "'");
        return out;
    }
}
