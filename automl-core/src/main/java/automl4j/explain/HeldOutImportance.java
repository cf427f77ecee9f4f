package automl4j.explain;

import automl4j.internal.Permutations;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import automl4j.metric.Metric;
import automl4j.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * Permutation importance on held-out rows (Breiman 2001; as AutoGluon's {@code feature_importance(test_data)}): the
 * chosen pipeline is refitted on the training part of each validation split ({@link HeldOutFits}), and each raw column is
 * shuffled among that split's held-out rows, {@link #repeats()} times; the importance is the mean worsening of the
 * metric over all splits and repeats.
 *
 * <p>Why held out: on the rows a model was fitted on, a model that recalls its training rows (k-NN, deep trees) loses
 * accuracy when any column is shuffled, noise included, so training-row importance makes noise look important.
 *
 * <p>The interval is a 95% t-interval of the mean worsening, and the p-value that of a one-sided t-test that it is
 * above zero; with three splits or more both are over the splits' mean worsenings (the split, its refit and its held-out
 * rows, is the unit that varies), else over the repeats of the one split ({@link #summarize}).
 */
public final class HeldOutImportance {
    /** Rows of one split shuffled at most unless told otherwise. */
    public static final int DEFAULT_MAX_ROWS = 1000;
    /** Shuffles per column and split unless told otherwise, with three splits or more. */
    public static final int DEFAULT_REPEATS = 3;
    /** Shuffles per column unless told otherwise, with fewer than three splits (a holdout). */
    public static final int DEFAULT_HOLDOUT_REPEATS = 10;

    private final int repeats;
    private final int holdoutRepeats;
    private final int maxRows;

    /**
     * {@value #DEFAULT_REPEATS} repeats per split (with three splits or more: the splits' means are then the unit of the
     * interval), else {@value #DEFAULT_HOLDOUT_REPEATS}, on at most {@value #DEFAULT_MAX_ROWS} held-out rows per split.
     */
    public HeldOutImportance() {
        this(DEFAULT_REPEATS, DEFAULT_HOLDOUT_REPEATS, DEFAULT_MAX_ROWS);
    }

    private HeldOutImportance(int repeats, int holdoutRepeats, int maxRows) {
        if (repeats < 1 || holdoutRepeats < 1 || maxRows < 1) {
            throw new IllegalArgumentException("repeats and maxRows must be >= 1, but were " + repeats + " and " + maxRows);
        }
        this.repeats = repeats;
        this.holdoutRepeats = holdoutRepeats;
        this.maxRows = maxRows;
    }

    /**
     * An importance with {@code repeats} shuffles per column and split, on at most {@code maxRows} held-out rows per split.
     *
     * @throws IllegalArgumentException if either is below 1
     */
    public HeldOutImportance(int repeats, int maxRows) {
        this(repeats, repeats, maxRows);
    }

    /** Shuffles per column and split, with three splits or more. */
    public int repeats() {
        return repeats;
    }

    /** Most held-out rows per split that are shuffled. */
    public int maxRows() {
        return maxRows;
    }

    /**
     * One column's importance.
     *
     * @param column  the raw input column
     * @param mean    the mean worsening of the metric when it is shuffled (positive: the column helps)
     * @param std     standard deviation of the worsenings
     * @param lo      lower end of the 95% interval of the mean (NaN with a single worsening)
     * @param hi      upper end of the 95% interval of the mean (NaN with a single worsening)
     * @param pValue  one-sided p-value that the mean worsening is above zero (NaN with a single worsening)
     * @param samples how many worsenings the mean is over
     */
    public record ColumnImportance(String column, double mean, double std, double lo, double hi, double pValue, int samples) {
    }

    /**
     * The chosen pipeline's predictions of one split's held-out rows, by its refit on that split's training rows.
     *
     * @param split       the split's index
     * @param rows        the held-out rows
     * @param tableRows   their row numbers in the training table
     * @param truth       their target values, encoded as the run's target encodes them
     * @param predictions the predictions
     */
    public record HeldOutPredictions(int split, Table rows, int[] tableRows, Labels truth, Predictions predictions) {
    }

    /**
     * What {@link #compute} measured.
     *
     * @param metric      the metric the worsenings are in
     * @param higherIsBetter whether the metric is a score (a worsening is a drop) or a loss (a rise)
     * @param validation  the validation the splits come from
     * @param columns     the columns measured, most important first
     * @param splits      splits used (the rest were left out for time)
     * @param splitsAvailable splits there were
     * @param repeats     shuffles per column and split
     * @param rowsPerSplit most held-out rows shuffled per split
     * @param predictions the held-out predictions of each split used, on all its held-out rows
     * @param note        what was cut for time or why nothing was measured, or empty
     */
    public record Result(String metric, boolean higherIsBetter, String validation, List<ColumnImportance> columns, int splits,
                         int splitsAvailable, int repeats, int rowsPerSplit, List<HeldOutPredictions> predictions, String note) {
        public Result {
            Objects.requireNonNull(metric, "metric");
            columns = List.copyOf(columns);
            predictions = List.copyOf(predictions);
            Objects.requireNonNull(note, "note");
        }

        /** As the older, training-row {@link Explanation}: mean and standard deviation per column. */
        public Explanation toExplanation() {
            return new Explanation(metric, columns.stream().map(c -> new Explanation.ColumnImportance(c.column(), c.mean(), c.std())).toList());
        }

        /** CSV with a header: column, importance, std, ci_low, ci_high, p_value, samples. */
        public String toCsv() {
            StringBuilder sb = new StringBuilder("column,importance,std,ci_low,ci_high,p_value,samples\n");
            for (ColumnImportance c : columns) {
                sb.append(automl4j.internal.CsvFields.quote(c.column())).append(String.format(java.util.Locale.ROOT,
                        ",%.6f,%.6f,%.6f,%.6f,%.6g,%d%n", c.mean(), c.std(), c.lo(), c.hi(), c.pValue(), c.samples()));
            }
            return sb.toString();
        }
    }

    /**
     * Measures every input column of {@code fits}' pipeline on as many splits as finish by {@code deadlineNanos}
     * ({@link System#nanoTime()}; {@link Long#MAX_VALUE} for no limit). The first split is always measured, with fewer
     * repeats if the time is short, and its columns until the deadline (the first column always; the others are left out
     * and named in the note); a later split is started only if, at the pace of the earlier ones, it ends in time.
     *
     * @param inputColumns the pipeline's raw input columns
     */
    public Result compute(HeldOutFits fits, List<String> inputColumns, long seed, long deadlineNanos) {
        if (fits.splits() == 0) {
            return new Result("", true, fits.validation(), List.of(), 0, 0, 0, 0, List.of(),
                    "no held-out importance: the model was not chosen by a search (a fallback has no validation refits)");
        }
        Metric metric = fits.metric();
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> worse = new ArrayList<>();   // per column, the worsenings over splits and repeats
        for (int c = 0; c < inputColumns.size(); c++) {
            worse.add(new double[0]);
        }
        List<HeldOutPredictions> predictions = new ArrayList<>();
        java.util.Set<String> leftOut = new java.util.LinkedHashSet<>();
        int reps = fits.splits() >= 3 ? repeats : holdoutRepeats;
        int rowsUsed = 0;
        double secondsPerSplit = 0;
        String note = "";
        for (int s = 0; s < fits.splits(); s++) {
            long start = System.nanoTime();
            if (s > 0 && start + (long) (secondsPerSplit * 1e9) - deadlineNanos > 0) {
                note = (note.isEmpty() ? "" : note + "; ") + String.format(java.util.Locale.ROOT,
                        "held-out importance used %d of %d splits to fit the time budget", s, fits.splits());
                break;
            }
            HeldOutFits.Split split = fits.split(s);
            Pipeline model = fits.fit(s, deadlineNanos);
            double fitSeconds = (System.nanoTime() - start) / 1e9;
            // Also the warm-up of the refitted model: its first prediction is the slowest.
            Predictions all = model.predict(split.rows());
            predictions.add(new HeldOutPredictions(s, split.rows(), split.tableRows(), split.truth(), all));
            SplittableRandom splitRandom = random.split();
            Table rows = split.rows();
            Labels truth = split.truth();
            if (rows.rowCount() > maxRows) {
                int[] pick = Permutations.sample(rows.rowCount(), maxRows, splitRandom);
                rows = rows.where(Selection.with(pick));
                double[] t = new double[maxRows];
                for (int i = 0; i < maxRows; i++) {
                    t[i] = truth.get(pick[i]);
                }
                truth = Labels.of(t);
            }
            rowsUsed = Math.max(rowsUsed, rows.rowCount());
            long t0 = System.nanoTime();
            double base = metric.score(truth, model.predict(rows));
            if (s == 0 && deadlineNanos != Long.MAX_VALUE) {
                double perPrediction = (System.nanoTime() - t0) / 1e9;
                double left = (deadlineNanos - System.nanoTime()) / 1e9;
                int affordable = (int) Math.floor(left / Math.max(1e-6, perPrediction * Math.max(1, inputColumns.size())));
                if (affordable < reps) {
                    reps = Math.max(1, affordable);
                    note = "held-out importance was cut to " + reps + " repeat" + (reps == 1 ? "" : "s") + " to fit the time budget";
                }
            }
            // One working copy per split: each column is shuffled in it and put back, instead of copying every column
            // of the table for every shuffle of one.
            Table shuffled = rows.copy();
            for (int c = 0; c < inputColumns.size(); c++) {
                if (s == 0 && c > 0 && System.nanoTime() - deadlineNanos > 0) {
                    // Out of time in the first split: the columns not reached are left out (and named), not guessed.
                    leftOut.add(inputColumns.get(c));
                }
                if (leftOut.contains(inputColumns.get(c))) {
                    continue;
                }
                String name = inputColumns.get(c);
                double[] d = Arrays.copyOf(worse.get(c), worse.get(c).length + reps);
                Column<?> col = rows.column(name);
                for (int r = 0; r < reps; r++) {
                    shuffled.replaceColumn(name, col.subset(Permutations.of(col.size(), splitRandom)).setName(name));
                    double score = metric.score(truth, model.predict(shuffled));
                    d[d.length - reps + r] = metric.higherIsBetter() ? base - score : score - base;
                }
                shuffled.replaceColumn(name, col.copy());
                worse.set(c, d);
            }
            // The next split costs a fit and the shuffles at the pace of this one (its warm-up left out).
            secondsPerSplit = fitSeconds + (System.nanoTime() - t0) / 1e9;
        }
        List<ColumnImportance> columns = new ArrayList<>();
        for (int c = 0; c < inputColumns.size(); c++) {
            if (!leftOut.contains(inputColumns.get(c))) {
                columns.add(summarize(inputColumns.get(c), worse.get(c), reps));
            }
        }
        if (!leftOut.isEmpty()) {
            note = (note.isEmpty() ? "" : note + "; ") + "columns not measured for lack of time: " + leftOut;
        }
        columns.sort(Comparator.comparingDouble(ColumnImportance::mean).reversed().thenComparing(ColumnImportance::column));
        return new Result(metric.name(), metric.higherIsBetter(), fits.validation(), columns, predictions.size(), fits.splits(),
                reps, rowsUsed, predictions, note);
    }

    /**
     * Mean, standard deviation, 95% t-interval and one-sided p-value of a column's worsenings, {@code repeats} per split
     * in split order. With three splits or more the interval and the test are over the splits' mean worsenings: the
     * repeats of one split share its refit and its held-out rows, so their spread understates how much the worsening
     * varies (with the repeats as the unit, 7 of 27 planted noise columns had p < 0.05 in the noise test). With fewer
     * splits (a holdout) they are over the repeats, which then only say how stable the shuffles are.
     */
    static ColumnImportance summarize(String name, double[] d, int repeats) {
        int n = d.length;
        double mean = Arrays.stream(d).average().orElse(Double.NaN);
        double std = n < 2 ? 0 : Math.sqrt(Arrays.stream(d).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        double[] units = d;
        int splits = repeats > 0 ? n / repeats : 0;
        if (splits >= 3) {
            units = new double[splits];
            for (int s = 0; s < splits; s++) {
                units[s] = Arrays.stream(d, s * repeats, (s + 1) * repeats).average().orElseThrow();
            }
        }
        int k = units.length;
        if (k < 2) {
            return new ColumnImportance(name, mean, std, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double[] u = units;
        double unitStd = Math.sqrt(Arrays.stream(u).map(v -> (v - mean) * (v - mean)).sum() / (k - 1));
        double se = unitStd / Math.sqrt(k);
        if (!(se > 1e-15 * Math.max(1, Math.abs(mean)))) {
            // Every shuffle changed the score by the same amount (often zero: a column the model never uses).
            return new ColumnImportance(name, mean, std, mean, mean, mean > 0 ? 0 : 1, n);
        }
        TDistribution t = new TDistribution(k - 1);
        double half = t.inverseCumulativeProbability(0.975) * se;
        double p = 1 - t.cumulativeProbability(mean / se);
        return new ColumnImportance(name, mean, std, mean - half, mean + half, p, n);
    }
}
