package automl4j.explainers;

import automl4j.AutoMlModel;
import automl4j.data.EncodedTarget;
import automl4j.data.TaskData;
import automl4j.explain.Explainer;
import automl4j.explain.Explanation;
import automl4j.internal.Permutations;
import automl4j.learn.Labels;
import automl4j.metric.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Permutation importance of the raw input columns ({@code permutation}; Breiman 2001, as in scikit-learn's
 * {@code permutation_importance}): the drop in the metric when one column's values are shuffled across rows, averaged
 * over {@link #repeats()} shuffles. Works on the whole pipeline, so a column's importance covers every feature made
 * from it. At most {@link #maxRows()} rows are used (a seeded sample) to bound the cost.
 */
public final class PermutationImportance implements Explainer {
    private final int repeats;
    private final int maxRows;

    /** Three repeats on at most 2000 rows. */
    public PermutationImportance() {
        this(3, 2000);
    }

    /**
     * An explainer with the given repeats and row cap.
     *
     * @throws IllegalArgumentException if either is below 1
     */
    public PermutationImportance(int repeats, int maxRows) {
        if (repeats < 1 || maxRows < 1) {
            throw new IllegalArgumentException("repeats and maxRows must be >= 1, but were " + repeats + " and " + maxRows);
        }
        this.repeats = repeats;
        this.maxRows = maxRows;
    }

    /** Number of shuffles per column. */
    public int repeats() {
        return repeats;
    }

    /** Most rows used. */
    public int maxRows() {
        return maxRows;
    }

    @Override
    public String id() {
        return "permutation";
    }

    @Override
    public Explanation explain(AutoMlModel model, TaskData data, Metric metric, long seed) {
        EncodedTarget encoded = EncodedTarget.of(data);
        int[] rows = encoded.rows();
        double[] y = encoded.values();
        SplittableRandom random = new SplittableRandom(seed);
        if (rows.length > maxRows) {
            int[] idx = java.util.Arrays.copyOf(Permutations.of(rows.length, random), maxRows);
            java.util.Arrays.sort(idx);   // the table selection below keeps rows in table order
            int[] r = new int[maxRows];
            double[] v = new double[maxRows];
            for (int i = 0; i < maxRows; i++) {
                r[i] = rows[idx[i]];
                v[i] = y[idx[i]];
            }
            rows = r;
            y = v;
        }
        // Class indexes must refer to the model's classes, which may differ from this data's.
        if (model.target().task().isClassification()) {
            for (int i = 0; i < y.length; i++) {
                y[i] = model.target().indexOf(encoded.target().classes().get((int) y[i]));
            }
        }
        Table sample = data.table().where(tech.tablesaw.selection.Selection.with(rows));
        Labels truth = Labels.of(y);
        double base = metric.score(truth, model.predict(sample));
        List<Explanation.ColumnImportance> out = new ArrayList<>();
        for (String name : model.transform().inputColumns()) {
            double[] drops = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                Table shuffled = sample.copy();
                Column<?> col = shuffled.column(name);
                shuffled.replaceColumn(name, col.subset(Permutations.of(col.size(), random)).setName(name));
                double s = metric.score(truth, model.predict(shuffled));
                drops[r] = metric.higherIsBetter() ? base - s : s - base;
            }
            double mean = 0;
            for (double d : drops) {
                mean += d;
            }
            mean /= repeats;
            double var = 0;
            for (double d : drops) {
                var += (d - mean) * (d - mean);
            }
            out.add(new Explanation.ColumnImportance(name, mean, repeats > 1 ? Math.sqrt(var / (repeats - 1)) : 0));
        }
        out.sort(Comparator.comparingDouble(Explanation.ColumnImportance::importance).reversed()
                .thenComparing(Explanation.ColumnImportance::column));
        return new Explanation(metric.name(), out);
    }
}
