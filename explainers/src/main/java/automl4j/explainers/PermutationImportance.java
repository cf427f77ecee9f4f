package automl4j.explainers;

import automl4j.AutoMlModel;
import automl4j.data.Classification;
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
import java.util.Objects;
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
        return explainWithin(model, data, metric, seed, Long.MAX_VALUE).explanation();
    }

    /**
     * What {@link #explainWithin} computed and what it cut to stay within its time.
     *
     * @param explanation the importances of the columns it reached, most important first
     * @param repeats     shuffles per column it used ({@link #repeats()} unless cut)
     * @param rows        rows it used ({@link #maxRows()} or all rows, unless cut)
     * @param leftOut     input columns not measured because the time ran out (not in {@code explanation})
     * @param cut         whether repeats, rows or columns were cut for time
     */
    public record Outcome(Explanation explanation, int repeats, int rows, List<String> leftOut, boolean cut) {
        public Outcome {
            Objects.requireNonNull(explanation, "explanation");
            leftOut = List.copyOf(leftOut);
        }

        /** One line saying what was cut for time, or empty when nothing was. */
        public String describe() {
            if (!cut) {
                return "";
            }
            return "permutation importance was cut to fit the time budget: " + repeats + " repeat" + (repeats == 1 ? "" : "s")
                    + " on " + rows + " rows" + (leftOut.isEmpty() ? "" : "; columns not measured: " + leftOut);
        }
    }

    /**
     * Like {@link #explain}, but finishing by {@code deadlineNanos} ({@link System#nanoTime()}): it times a prediction
     * of {@value #MIN_ROWS} rows, and if shuffling every column {@link #repeats()} times would take longer than the
     * time left it uses fewer repeats, then fewer rows (at least {@value #MIN_ROWS}), and stops measuring columns at
     * the deadline (the first column is always measured). The outcome says what was cut; an outcome that was not cut
     * equals {@link #explain}'s.
     */
    public Outcome explainWithin(AutoMlModel model, TaskData data, Metric metric, long seed, long deadlineNanos) {
        EncodedTarget encoded = EncodedTarget.of(data);
        int[] rows = encoded.rows();
        double[] y = encoded.values();
        SplittableRandom random = new SplittableRandom(seed);
        // Drawn as before the time limit existed, so an explanation that is not cut is the same as it was.
        int[] order = rows.length > maxRows ? Permutations.of(rows.length, random) : null;
        int used = Math.min(rows.length, maxRows);
        // Class indexes must refer to the model's classes, which may differ from this data's.
        if (model.target().task() instanceof Classification) {
            for (int i = 0; i < y.length; i++) {
                y[i] = model.target().indexOf(encoded.target().classes().get((int) y[i]));
            }
        }
        List<String> columns = model.transform().inputColumns();
        int reps = repeats;
        boolean cut = false;
        Sample sample;
        double base;
        if (deadlineNanos == Long.MAX_VALUE) {
            sample = sample(data.table(), rows, y, order, used);
            base = metric.score(sample.truth(), model.predict(sample.table()));
        } else {
            // Time a prediction of a small probe first: predicting the whole sample may itself not fit in the time left
            // (a text pipeline tokenizes every row it predicts).
            int[] probeOrder = order != null ? order : Permutations.of(rows.length, new SplittableRandom(~seed));
            int probeRows = Math.min(used, MIN_ROWS);
            Sample probe = sample(data.table(), rows, y, probeOrder, probeRows);
            long t0 = System.nanoTime();
            double probeBase = metric.score(probe.truth(), model.predict(probe.table()));
            double perRow = Math.max(1e-7, (System.nanoTime() - t0) / 1e9 / probeRows);
            double left = (deadlineNanos - System.nanoTime()) / 1e9;
            double predictions = left / (perRow * used);   // predictions of the whole sample that fit in the time left
            if (predictions >= 1 + (double) columns.size() * reps) {
                sample = sample(data.table(), rows, y, order, used);
                base = metric.score(sample.truth(), model.predict(sample.table()));
            } else {
                cut = true;
                reps = (int) Math.max(1, Math.min(reps, Math.floor((predictions - 1) / Math.max(1, columns.size()))));
                if (predictions < 1 + columns.size()) {
                    used = (int) Math.min(used, Math.max(probeRows, Math.floor(left / perRow / (1 + columns.size()))));
                }
                if (used == probeRows) {
                    sample = probe;
                    base = probeBase;
                } else {
                    sample = sample(data.table(), rows, y, probeOrder, used);
                    base = metric.score(sample.truth(), model.predict(sample.table()));
                }
            }
        }
        List<Explanation.ColumnImportance> out = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String name : columns) {
            if (!out.isEmpty() && System.nanoTime() - deadlineNanos > 0) {
                leftOut.add(name);
                continue;
            }
            double[] drops = new double[reps];
            for (int r = 0; r < reps; r++) {
                Table shuffled = sample.table().copy();
                Column<?> col = shuffled.column(name);
                shuffled.replaceColumn(name, col.subset(Permutations.of(col.size(), random)).setName(name));
                double s = metric.score(sample.truth(), model.predict(shuffled));
                drops[r] = metric.higherIsBetter() ? base - s : s - base;
            }
            double mean = 0;
            for (double d : drops) {
                mean += d;
            }
            mean /= reps;
            double var = 0;
            for (double d : drops) {
                var += (d - mean) * (d - mean);
            }
            out.add(new Explanation.ColumnImportance(name, mean, reps > 1 ? Math.sqrt(var / (reps - 1)) : 0));
        }
        out.sort(Comparator.comparingDouble(Explanation.ColumnImportance::importance).reversed()
                .thenComparing(Explanation.ColumnImportance::column));
        return new Outcome(new Explanation(metric.name(), out), reps, used, leftOut, cut || !leftOut.isEmpty());
    }

    /** Fewest rows a time-cut explanation uses. */
    static final int MIN_ROWS = 200;

    private record Sample(Table table, Labels truth) {
    }

    /** The first {@code n} rows of {@code order} (a seeded permutation), in table order. */
    private static Sample sample(Table table, int[] rows, double[] y, int[] order, int n) {
        int[] r = rows;
        double[] v = y;
        if (n < rows.length) {
            int[] idx = java.util.Arrays.copyOf(order, n);
            java.util.Arrays.sort(idx);   // the table selection below keeps rows in table order
            r = new int[n];
            v = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = rows[idx[i]];
                v[i] = y[idx[i]];
            }
        }
        return new Sample(table.where(tech.tablesaw.selection.Selection.with(r)), Labels.of(v));
    }
}
