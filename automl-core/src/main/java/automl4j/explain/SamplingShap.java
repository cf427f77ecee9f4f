package automl4j.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * SHAP values of any model over the columns of a table, estimated by sampling permutations (Strumbelj and Kononenko,
 * "Explaining prediction models and individual predictions with feature contributions", 2014): for a row and a random
 * order of the columns, start from a background row and put in the row's values one column at a time, crediting each
 * column with the change of the output it caused. Each order is drawn with its reverse (antithetic pairs), which
 * cancels much of the noise of the columns' positions.
 *
 * <p>The values of a row add up exactly to its output minus the base value, the mean output over the background rows
 * drawn (the same ones for every row; the changes along one order telescope to the output minus that background row's
 * output); what is estimated is how that total is shared. The standard error of each value falls as one over the square root of the
 * number of orders. The features are taken as independent (interventional values): a column is set to the row's
 * value whatever the others are.
 */
public final class SamplingShap {
    private final int pairs;
    private final long seed;

    /**
     * An estimator drawing {@code pairs} antithetic pairs of orders per row, seeded by {@code seed}.
     *
     * @throws IllegalArgumentException if {@code pairs < 1}
     */
    public SamplingShap(int pairs, long seed) {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be >= 1, but was " + pairs);
        }
        this.pairs = pairs;
        this.seed = seed;
    }

    /**
     * SHAP values of each row of {@code rows} over {@code columns}.
     *
     * @param model      outputs of a table's rows: {@code [row][output]}
     * @param outputs    names of the outputs
     * @param space      what the outputs are ({@link ShapValues#space()})
     * @param rows       the rows to explain
     * @param background rows drawn from the training data; at least one
     * @param columns    the columns explained: every column the model reads, present in both tables with the same types
     * @throws IllegalArgumentException if {@code background} or {@code columns} is empty, or a column is missing
     */
    public ShapValues explain(Function<Table, double[][]> model, List<String> outputs, String space, Table rows, Table background,
                              List<String> columns) {
        Objects.requireNonNull(model, "model");
        if (background.rowCount() == 0 || columns.isEmpty()) {
            throw new IllegalArgumentException("the background needs at least one row and there must be columns to explain, but there were "
                    + background.rowCount() + " rows and " + columns.size() + " columns");
        }
        for (String c : columns) {
            if (!rows.containsColumn(c) || !background.containsColumn(c)) {
                throw new IllegalArgumentException("column '" + c + "' is missing from the rows or the background");
            }
        }
        int m = columns.size();
        int k = outputs.size();
        int orders = 2 * pairs;
        int steps = m + 1;   // the background row, then one more of the row's columns at each step
        double[][][] values = new double[rows.rowCount()][m][k];
        SplittableRandom random = new SplittableRandom(seed);
        // The same background rows for every explained row, so that all rows share one base value: the mean output
        // over those background rows.
        int[] from = new int[orders];
        for (int o = 0; o < orders; o += 2) {
            from[o] = random.nextInt(background.rowCount());
            from[o + 1] = from[o];
        }
        double[] base = null;
        for (int r = 0; r < rows.rowCount(); r++) {
            int[][] order = new int[orders][];
            for (int o = 0; o < orders; o += 2) {
                order[o] = automl4j.internal.Permutations.of(m, random);
                order[o + 1] = reversed(order[o]);
            }
            double[][] out = model.apply(hybrids(rows, r, background, from, order, columns));
            if (out.length != orders * steps) {
                throw new IllegalStateException("the model returned " + out.length + " rows of outputs for " + orders * steps + " rows");
            }
            if (base == null) {
                base = new double[k];
                for (int o = 0; o < orders; o++) {
                    for (int c = 0; c < k; c++) {
                        base[c] += out[o * steps][c] / orders;
                    }
                }
            }
            for (int o = 0; o < orders; o++) {
                int at = o * steps;
                for (int s = 0; s < m; s++) {
                    for (int c = 0; c < k; c++) {
                        values[r][order[o][s]][c] += (out[at + s + 1][c] - out[at + s][c]) / orders;
                    }
                }
            }
        }
        if (base == null) {   // no rows to explain: the base value still describes the model
            double[][] out = model.apply(background.rows(from));
            base = new double[k];
            for (double[] row : out) {
                for (int c = 0; c < k; c++) {
                    base[c] += row[c] / out.length;
                }
            }
        }
        return new ShapValues(columns, outputs, space, base, values);
    }

    private static int[] reversed(int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = order[order.length - 1 - i];
        }
        return out;
    }

    /** For each order: the background row, then the row's values put in one column at a time in that order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Table hybrids(Table rows, int r, Table background, int[] from, int[][] order, List<String> columns) {
        int m = columns.size();
        int[][] position = new int[order.length][m];   // the step at which each column takes the row's value
        for (int o = 0; o < order.length; o++) {
            for (int s = 0; s < m; s++) {
                position[o][order[o][s]] = s;
            }
        }
        List<Column<?>> out = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            Column row = rows.column(columns.get(c));
            Column bg = background.column(columns.get(c));
            Column target = bg.emptyCopy(0);
            for (int o = 0; o < order.length; o++) {
                for (int s = 0; s <= m; s++) {
                    if (s > position[o][c]) {
                        target.append(row, r);
                    } else {
                        target.append(bg, from[o]);
                    }
                }
            }
            out.add(target);
        }
        return Table.create("hybrids", out);
    }
}
