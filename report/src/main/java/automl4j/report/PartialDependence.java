package automl4j.report;

import automl4j.AutoMlModel;
import automl4j.data.Cells;
import automl4j.data.Classification;
import automl4j.internal.Permutations;
import automl4j.learn.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Partial dependence and ICE curves (Friedman 2001; Goldstein et al. 2015) of a model's top columns: for each value of
 * a grid, every row of a seeded sample gets that value in the column and the model predicts them all in one call; the
 * mean over the rows is the partial dependence, and a few rows' own predictions are their ICE curves.
 *
 * <ul>
 *   <li>Grid of a numeric column (its featurizer's kind {@code numeric}, or, when the model does not say, a column
 *       whose present cells are all numbers): the distinct quantiles of its present values over the sample, at most
 *       {@value #MAX_GRID}, each the value of one sample row. Of any other column: its {@value #MAX_LEVELS} most frequent
 *       values in the sample; the rest are left out, and the result's note says how many and how many rows they hold.
 *       The values kept are then ordered by their partial dependence, lowest first (ties in code-point order), which
 *       the note says: categories have no order of their own, and frequency says nothing of their effect. A missing
 *       value is never a grid value.</li>
 *   <li>The output: the value for regression; the probability of the class given to {@code compute}; when none is
 *       given, for two classes the probability of the second (the positive class, as the metrics rank it), and for more
 *       the probability of the class the model predicts most often on the sample, named in the note.</li>
 * </ul>
 *
 * <p>Cost: one prediction of at most {@code maxRows} rows per grid value, so at most {@value #MAX_GRID} predictions
 * per column. Columns are computed in the order given until the deadline passes; the first is always computed.
 * Immutable and thread-safe.
 */
public final class PartialDependence {
    /** Rows sampled by default. */
    public static final int DEFAULT_ROWS = 500;
    /** Most grid values of a numeric column. */
    public static final int MAX_GRID = 20;
    /** Most levels of a non-numeric column. */
    public static final int MAX_LEVELS = 12;
    /** Most ICE curves per column. */
    public static final int MAX_ICE = 20;

    private final int maxRows;
    private final long seed;

    /**
     * Curves over a seeded sample of at most {@code maxRows} rows.
     *
     * @throws IllegalArgumentException if {@code maxRows < 1}
     */
    public PartialDependence(int maxRows, long seed) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, but was " + maxRows);
        }
        this.maxRows = maxRows;
        this.seed = seed;
    }

    /** Curves over a seeded sample of at most {@value #DEFAULT_ROWS} rows. */
    public PartialDependence(long seed) {
        this(DEFAULT_ROWS, seed);
    }

    /**
     * The curves of every column of {@code columns}, in that order (no deadline).
     *
     * @throws IllegalArgumentException if {@code rows} is empty or lacks a column
     */
    public List<ReportData.Dependence> compute(AutoMlModel model, Table rows, List<String> columns) {
        return compute(model, rows, columns, 0, false, null);
    }

    /**
     * The curves of every column of {@code columns}, in that order (no deadline), of the probability of
     * {@code outputClass}.
     *
     * @param outputClass a class of the model, whose probability the curves show; null for the value of a regression
     *                    or the class chosen by the rule of the class comment
     * @throws IllegalArgumentException if {@code rows} is empty or lacks a column, or {@code outputClass} is not a class
     *                                  of the model
     */
    public List<ReportData.Dependence> compute(AutoMlModel model, Table rows, List<String> columns, String outputClass) {
        return compute(model, rows, columns, 0, false, outputClass);
    }

    /**
     * The curves of the columns of {@code columns}, in that order, until {@link System#nanoTime()} passes
     * {@code deadlineNanos}: the first column is always computed, no later one is started after the deadline.
     *
     * @param model         the model explained
     * @param rows          rows standing for the data (training or held-out rows; the target column may be present)
     * @param columns       raw input columns, most important first
     * @param deadlineNanos a value of {@link System#nanoTime()}
     * @throws IllegalArgumentException if {@code rows} is empty or lacks a column
     */
    public List<ReportData.Dependence> compute(AutoMlModel model, Table rows, List<String> columns, long deadlineNanos) {
        return compute(model, rows, columns, deadlineNanos, true, null);
    }

    /**
     * The curves of the columns of {@code columns}, in that order, of the probability of {@code outputClass}, until
     * {@link System#nanoTime()} passes {@code deadlineNanos}: the first column is always computed, no later one is
     * started after the deadline. Pass the class that the report's other parts explain, so that one page explains one
     * class.
     *
     * @param model         the model explained
     * @param rows          rows standing for the data (training or held-out rows; the target column may be present)
     * @param columns       raw input columns, most important first
     * @param deadlineNanos a value of {@link System#nanoTime()}
     * @param outputClass   a class of the model, whose probability the curves show; null for the value of a regression
     *                      or the class chosen by the rule of the class comment
     * @throws IllegalArgumentException if {@code rows} is empty or lacks a column, or {@code outputClass} is not a class
     *                                  of the model (or is given for a regression)
     */
    public List<ReportData.Dependence> compute(AutoMlModel model, Table rows, List<String> columns, long deadlineNanos, String outputClass) {
        return compute(model, rows, columns, deadlineNanos, true, outputClass);
    }

    private List<ReportData.Dependence> compute(AutoMlModel model, Table rows, List<String> columns, long deadline, boolean timed,
                                                String outputClass) {
        if (rows.rowCount() == 0) {
            throw new IllegalArgumentException("partial dependence needs at least one row");
        }
        for (String c : columns) {
            if (!rows.columnNames().contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' not found in the rows; columns are " + rows.columnNames());
            }
        }
        Output.check(model, outputClass);
        Sample sample = sample(rows);
        Output output = Output.of(model, model.predict(sample.table()), outputClass);
        Map<String, String> kinds = model.transform().report().kinds();
        List<ReportData.Dependence> out = new ArrayList<>();
        for (String name : columns) {
            if (!out.isEmpty() && timed && System.nanoTime() - deadline >= 0) {
                break;
            }
            Grid grid = Grid.of(sample.table().column(name), kinds.get(name));
            if (grid.rows().length == 0) {
                continue;   // no present value in the sample: nothing to set the column to
            }
            out.add(curves(model, sample, name, grid, output));
        }
        return out;
    }

    /** The sample and the positions in it of the rows whose ICE curves are kept. */
    private record Sample(Table table, int[] ice) {
    }

    /**
     * A seeded sample of at most {@code maxRows} rows (kept in table order), and the first {@value #MAX_ICE} rows drawn
     * as the ICE rows, so that neither depends on how the table is sorted.
     */
    private Sample sample(Table rows) {
        int n = rows.rowCount();
        int[] drawn = Permutations.of(n, new SplittableRandom(seed));
        int m = Math.min(n, maxRows);
        int[] chosen = Arrays.copyOf(drawn, m);
        Arrays.sort(chosen);
        int[] ice = new int[Math.min(m, MAX_ICE)];
        for (int i = 0; i < ice.length; i++) {
            ice[i] = Arrays.binarySearch(chosen, drawn[i]);
        }
        Arrays.sort(ice);
        return new Sample(m == n ? rows : rows.rows(chosen), ice);
    }

    /** Which output of the predictions the curves show. */
    private record Output(int index, String name, String note) {
        /** Fails before any prediction if {@code outputClass} (when not null) is not a class of {@code model}. */
        static void check(AutoMlModel model, String outputClass) {
            if (outputClass == null) {
                return;
            }
            if (!(model.target().task() instanceof Classification)) {
                throw new IllegalArgumentException("output class '" + outputClass + "' was given, but the model predicts values of '"
                        + model.target().name() + "' (regression); pass null");
            }
            if (!model.target().classes().contains(outputClass)) {
                throw new IllegalArgumentException("output class '" + outputClass + "' must be a class of the model, but the classes are "
                        + model.target().classes());
            }
        }

        static Output of(AutoMlModel model, Predictions p, String outputClass) {
            if (!(model.target().task() instanceof Classification c)) {
                return new Output(-1, model.target().name(), "");
            }
            List<String> classes = p.classes();
            if (outputClass != null) {
                return new Output(classes.indexOf(outputClass), "probability of '" + outputClass + "'", "");
            }
            if (c.isBinary()) {
                return new Output(1, "probability of '" + classes.get(1) + "'", "");
            }
            long[] counts = new long[classes.size()];
            for (int i = 0; i < p.size(); i++) {
                counts[p.labelIndex(i)]++;
            }
            int k = 0;
            for (int j = 1; j < counts.length; j++) {
                if (counts[j] > counts[k]) {
                    k = j;
                }
            }
            return new Output(k, "probability of '" + classes.get(k) + "'", "'" + classes.get(k) + "' is the class predicted most often ("
                    + counts[k] + " of " + p.size() + " rows)");
        }

        double of(Predictions p, int row) {
            return index < 0 ? p.value(row) : p.probability(row, index);
        }
    }

    /**
     * The values a column is set to: a sample row holding each, its label and position on the x axis.
     *
     * @param note what was left out, or empty
     */
    private record Grid(int[] rows, List<String> labels, double[] x, boolean categorical, String note) {
        static Grid of(Column<?> column, String kind) {
            int n = column.size();
            boolean numeric = "numeric".equals(kind);
            if (kind == null) {
                numeric = true;
                for (int r = 0; r < n && numeric; r++) {
                    numeric = column.isMissing(r) || !Double.isNaN(Cells.number(column, r));
                }
            }
            return numeric ? numeric(column) : levels(column);
        }

        private static Grid numeric(Column<?> column) {
            List<double[]> present = new ArrayList<>();   // {value, row}
            for (int r = 0; r < column.size(); r++) {
                double v = Cells.number(column, r);
                if (Double.isFinite(v)) {
                    present.add(new double[] {v, r});
                }
            }
            present.sort(Comparator.comparingDouble((double[] a) -> a[0]).thenComparingDouble(a -> a[1]));
            int m = present.size();
            int g = Math.min(MAX_GRID, m);
            List<Integer> rows = new ArrayList<>();
            List<Double> x = new ArrayList<>();
            for (int q = 0; q < g; q++) {
                double[] at = present.get(g == 1 ? 0 : (int) Math.round((double) q * (m - 1) / (g - 1)));
                if (x.isEmpty() || at[0] != x.get(x.size() - 1)) {
                    x.add(at[0]);
                    rows.add((int) at[1]);
                }
            }
            return new Grid(rows.stream().mapToInt(Integer::intValue).toArray(), x.stream().map(Grid::label).toList(),
                    x.stream().mapToDouble(Double::doubleValue).toArray(), false, "");
        }

        private static Grid levels(Column<?> column) {
            Map<String, int[]> seen = new LinkedHashMap<>();   // level -> {first row, count}
            int present = 0;
            for (int r = 0; r < column.size(); r++) {
                String s = Cells.text(column, r);
                if (s != null) {
                    int row = r;
                    seen.computeIfAbsent(s, k -> new int[] {row, 0})[1]++;
                    present++;
                }
            }
            List<Map.Entry<String, int[]>> top = seen.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[1]).thenComparing(Map.Entry::getKey))
                    .limit(MAX_LEVELS).toList();
            int kept = top.stream().mapToInt(e -> e.getValue()[1]).sum();
            int left = seen.size() - top.size();
            String note = left == 0 ? "" : "the " + top.size() + " most frequent of " + seen.size() + " values; the other " + left
                    + " (" + (present - kept) + " of " + present + " sample rows) are left out";
            double[] x = new double[top.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            return new Grid(top.stream().mapToInt(e -> e.getValue()[0]).toArray(), top.stream().map(Map.Entry::getKey).toList(), x, true, note);
        }

        private static String label(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
        }
    }

    private ReportData.Dependence curves(AutoMlModel model, Sample sample, String name, Grid grid, Output output) {
        Table t = sample.table();
        int n = t.rowCount();
        Column<?> column = t.column(name);
        double[] mean = new double[grid.rows().length];
        double[][] ice = new double[sample.ice().length][grid.rows().length];
        for (int g = 0; g < mean.length; g++) {
            Predictions p = model.predict(with(t, name, filled(column, grid.rows()[g], n)));
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += output.of(p, i);
            }
            mean[g] = sum / n;
            for (int j = 0; j < ice.length; j++) {
                ice[j][g] = output.of(p, sample.ice()[j]);
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("mean over " + n + " rows, " + ice.length + " of them drawn as ICE curves");
        if (!grid.note().isEmpty()) {
            notes.add(grid.note());
        }
        List<String> labels = grid.labels();
        if (grid.categorical()) {
            // unordered values read best in the order of their effect: lowest mean first, ties in code-point order
            Integer[] order = new Integer[labels.size()];
            Arrays.setAll(order, i -> i);
            double[] m = mean;
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> m[i]).thenComparing(i -> grid.labels().get(i)));
            labels = Arrays.stream(order).map(grid.labels()::get).toList();
            mean = Arrays.stream(order).mapToDouble(i -> m[i]).toArray();
            for (int j = 0; j < ice.length; j++) {
                double[] curve = ice[j];
                ice[j] = Arrays.stream(order).mapToDouble(i -> curve[i]).toArray();
            }
            notes.add("values ordered by their mean prediction, lowest first");
        }
        if (!output.note().isEmpty()) {
            notes.add(output.note());
        }
        return new ReportData.Dependence(name, output.name(), labels, grid.x(), mean, ice, grid.categorical(), String.join("; ", notes));
    }

    /** A column like {@code column} of {@code n} copies of its cell in {@code row}, of the same type and name. */
    private static <T> Column<T> filled(Column<T> column, int row, int n) {
        T value = column.get(row);
        Column<T> out = column.emptyCopy();
        for (int i = 0; i < n; i++) {
            out.append(value);
        }
        return out;
    }

    /** {@code table} with its column {@code name} replaced by {@code column}; the other columns are shared, not copied. */
    private static Table with(Table table, String name, Column<?> column) {
        Table out = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            out.addColumns(c.name().equals(name) ? column : c);
        }
        return out;
    }
}
