package automl4j.report;

import automl4j.AutoMlModel;
import automl4j.AutoMlRun;
import automl4j.data.Classification;
import automl4j.data.EncodedTarget;
import automl4j.data.TaskData;
import automl4j.execute.TrialOutcome;
import automl4j.explain.HeldOutImportance;
import automl4j.explain.PipelineShap;
import automl4j.internal.AtomicFiles;
import automl4j.internal.Permutations;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * Assembles a run's {@link ReportData} and writes it as {@code report.html}: the summary, leaderboard and search
 * charts from the run; importance from {@link HeldOutImportance}; SHAP values and partial dependence of the exported
 * model on a sample of the training rows; diagnostics and error slices on the test rows when given, else on the
 * held-out predictions of the validation refits. Each costly part is sized to the time left and says how many rows it
 * used.
 */
public final class RunReport {
    /** Most rows whose SHAP values are computed. */
    public static final int SHAP_ROWS = 200;
    /** Most training rows standing for the data in SHAP values. */
    public static final int SHAP_BACKGROUND = 100;
    /** Most rows partial dependence averages over. */
    public static final int DEPENDENCE_ROWS = 300;
    /** Columns with partial dependence plots. */
    public static final int DEPENDENCE_COLUMNS = 4;

    private RunReport() {
    }

    /** The {@link AutoMlRun.RunReportWriter} of this module: measures importance with defaults, then writes. */
    public static final class Writer implements AutoMlRun.RunReportWriter {
        @Override
        public void write(AutoMlRun run, TaskData train, TaskData test, Path file) throws IOException {
            RunReport.write(run, train, test, run.importance(), file, 0, Long.MAX_VALUE);
        }
    }

    /**
     * Held-out rows with their true targets and a model's predictions, for the diagnostics and error slices.
     *
     * @param rows        the rows (input columns; the target column may be present)
     * @param truth       their targets, encoded as the model's target encodes them
     * @param predictions the model's predictions of them
     * @param source      where the predictions come from, in words
     */
    public record HeldRows(Table rows, Labels truth, Predictions predictions, String source) {
    }

    /**
     * What a report is built from; the search parts (leaderboard and on) are absent for a report of a model on new data.
     *
     * @param source         the training data's name
     * @param train          the training rows (or, for a model on new data, those rows): background of SHAP values and
     *                       rows of partial dependence
     * @param trainColumns   input columns of the training data
     * @param model          the model
     * @param leaderboard    the run's leaderboard, or null
     * @param finishedAt     when each trial finished, in seconds since the run's start
     * @param bestTrial      the leaderboard row the model was refitted from, or null
     * @param validation     the run's validation, or null
     * @param elapsedSeconds the run's time, NaN if unknown
     * @param refitSeconds   the final refit's time, NaN if unknown
     * @param guardrails     the data guardrails, one line each
     * @param importance     importance of each raw column, most important first
     * @param importanceText how the importance was measured
     * @param held           rows for the diagnostics, or null
     * @param testText       the test score line of the summary, or null
     * @param correlation    the best trials' correlation, or null
     */
    public record Inputs(String source, Table train, int trainColumns, AutoMlModel model, automl4j.leaderboard.Leaderboard leaderboard,
                         Map<Integer, Double> finishedAt, TrialResult bestTrial, String validation, double elapsedSeconds,
                         double refitSeconds, List<String> guardrails, List<ReportData.Importance> importance, String importanceText,
                         HeldRows held, String testText, ReportData.Correlation correlation) {
        /** Inputs without the trials' correlation. */
        public Inputs(String source, Table train, int trainColumns, AutoMlModel model, automl4j.leaderboard.Leaderboard leaderboard,
                      Map<Integer, Double> finishedAt, TrialResult bestTrial, String validation, double elapsedSeconds,
                      double refitSeconds, List<String> guardrails, List<ReportData.Importance> importance, String importanceText,
                      HeldRows held, String testText) {
            this(source, train, trainColumns, model, leaderboard, finishedAt, bestTrial, validation, elapsedSeconds, refitSeconds,
                    guardrails, importance, importanceText, held, testText, null);
        }

        public Inputs {
            finishedAt = Map.copyOf(finishedAt);
            guardrails = List.copyOf(guardrails);
            importance = List.copyOf(importance);
        }
    }

    /**
     * Writes {@code run}'s report to {@code file} (atomically), finishing its costly parts by {@code deadlineNanos}
     * ({@link System#nanoTime()}).
     *
     * @param train      the data the run was fitted on
     * @param test       labelled rows the run never saw, or null
     * @param importance the run's held-out importance
     */
    public static void write(AutoMlRun run, TaskData train, TaskData test, HeldOutImportance.Result importance, Path file,
                             long seed, long deadlineNanos) throws IOException {
        write(inputs(run, train, test, importance), file, seed, deadlineNanos);
    }

    /** Writes the report of {@code in} to {@code file} (atomically), finishing its costly parts by {@code deadlineNanos}. */
    public static void write(Inputs in, Path file, long seed, long deadlineNanos) throws IOException {
        AtomicFiles.writeString(file, HtmlReport.render(data(in, seed, deadlineNanos)));
    }

    /** The inputs of {@code run}'s report. */
    public static Inputs inputs(AutoMlRun run, TaskData train, TaskData test, HeldOutImportance.Result importance) {
        AutoMlModel model = run.best();
        HeldRows held = test != null ? testRows(model, test) : heldRows(importance, model);
        String testText = run.leaderboard().testScore(run.bestTrial().trial().id()).stream()
                .mapToObj(s -> test == null ? String.format(Locale.ROOT, "%.5f on the test rows given to withTestScores", s)
                        : String.format(Locale.ROOT, "%.5f on %d rows of %s", s, test.table().rowCount(), test.source()))
                .findFirst().orElse(null);
        return new Inputs(train.source(), train.table(), train.table().columnCount() - 1, model, run.leaderboard(), run.finishedAt(),
                run.bestTrial(), run.validation(), run.elapsedSeconds(), run.refitSeconds(),
                run.guardrails().stream().map(Object::toString).toList(), importances(importance), importanceText(importance), held,
                testText, correlation(run, explainedClass(model, held, train.table())));
    }

    /** Most trials in the correlation matrix. */
    public static final int CORRELATED_TRIALS = 10;

    /**
     * Pearson's correlation of the best completed trials' kept validation predictions (the probability of {@code output},
     * or the value), best first; null when fewer than two trials' predictions were kept.
     */
    static ReportData.Correlation correlation(AutoMlRun run, String output) {
        Map<Integer, float[]> kept = run.heldOut().trialPredictions();
        List<String> labels = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        int width = run.best().target().task().predictionWidth();
        int k = output == null ? 0 : run.best().target().classes().indexOf(output);
        for (TrialResult r : run.leaderboard().rows()) {
            float[] flat = kept.get(r.trial().id());
            if (r.completed() == null || flat == null || series.size() >= CORRELATED_TRIALS
                    || (!series.isEmpty() && flat.length / width != series.get(0).length)) {
                continue;
            }
            double[] v = new double[flat.length / width];
            for (int i = 0; i < v.length; i++) {
                v[i] = flat[i * width + k];
            }
            series.add(v);
            labels.add(r.trial().id() + " " + r.trial().config().learner());
        }
        if (series.size() < 2) {
            return null;
        }
        double[][] m = new double[series.size()][series.size()];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                m[i][j] = i == j ? 1 : new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
                        .correlation(series.get(i), series.get(j));
            }
        }
        return new ReportData.Correlation(labels, m, output == null ? "the predicted values" : "the probabilities of '" + output + "'");
    }

    /** The result's columns as the report draws them. */
    public static List<ReportData.Importance> importances(HeldOutImportance.Result r) {
        return r.columns().stream().map(c -> new ReportData.Importance(c.column(), c.mean(), c.lo(), c.hi(), c.pValue())).toList();
    }

    /** How {@code r} was measured, in words. */
    public static String importanceText(HeldOutImportance.Result r) {
        return r.columns().isEmpty() ? r.note()
                : String.format(Locale.ROOT, "held-out permutation importance (%s %s when a column is shuffled): %d of %d splits of the %s, "
                + "%d repeats, up to %d rows per split%s", r.higherIsBetter() ? "drop in" : "rise in", r.metric(), r.splits(),
                r.splitsAvailable(), r.validation(), r.repeats(), r.rowsPerSplit(), r.note().isEmpty() ? "" : " (" + r.note() + ")");
    }

    /** The report's content. */
    public static ReportData data(Inputs in, long seed, long deadlineNanos) {
        AutoMlModel model = in.model();
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        // The costly parts share the time left: SHAP a third, partial dependence a third, diagnostics the rest.
        long third = Math.max(0, deadlineNanos - start) / 3;
        Table background = sample(in.train(), SHAP_BACKGROUND, random.split());
        HeldRows held = in.held();
        // One class explained on the whole page: the second of two, else the most frequent one.
        String output = explainedClass(model, held, in.train());
        ReportData.Shap shap = shap(model, held != null ? held.rows() : in.train(), background, random.split(), start + third, output);
        List<String> top = topColumns(in.importance(), shap, usedColumns(model));
        List<ReportData.Dependence> dependence = dependence(model, in.train(), top, random.split(), start + 2 * third, output);
        double threshold = model.decisionThreshold().map(automl4j.pipeline.DecisionThreshold::threshold).orElse(Double.NaN);
        ReportData.Diagnostics diagnostics = held == null ? null : output != null
                ? ModelDiagnostics.classification(held.truth(), held.predictions(), held.source(), threshold, output)
                : ModelDiagnostics.of(held.truth(), held.predictions(), held.source(), random.nextLong());
        List<ErrorSlices.Slice> slices = held == null ? List.of()
                : new ErrorSlices(3, 0.02).find(held.rows(), rowErrors(model, held), model.transform().inputColumns());
        automl4j.leaderboard.Leaderboard board = in.leaderboard();
        return new ReportData("AutoML4J report: " + in.source(), summary(in), in.guardrails(),
                board == null ? "" : board.metric().name(), board == null || board.metric().higherIsBetter(),
                board == null ? List.of() : rows(board), board == null ? List.of() : anytime(board, in.finishedAt(), in.elapsedSeconds()),
                in.importance(), shap, diagnostics, slices, held == null ? "" : errorName(model), dependence, in.correlation());
    }

    /** The exported model's predictions of the labelled {@code test} rows. */
    public static HeldRows testRows(AutoMlModel model, TaskData test) {
        TaskData data = TaskData.of(test.table(), model.target().name()).withTask(model.target().task());
        EncodedTarget truth = EncodedTarget.of(data);
        Table rows = truth.rows().length == test.table().rowCount() ? test.table() : test.table().rows(truth.rows());
        return new HeldRows(rows, Labels.of(truth.values()), model.predict(rows), "the model's predictions of the "
                + rows.rowCount() + " labelled rows of " + test.source());
    }

    /** The held-out predictions of every split {@code importance} refitted, as one set of rows; null if there are none. */
    public static HeldRows heldRows(HeldOutImportance.Result importance, AutoMlModel model) {
        if (importance.predictions().isEmpty()) {
            return null;
        }
        List<HeldOutImportance.HeldOutPredictions> parts = importance.predictions();
        Table rows = parts.get(0).rows().emptyCopy();
        int n = parts.stream().mapToInt(p -> p.rows().rowCount()).sum();
        double[] truth = new double[n];
        double[] flat = null;
        int at = 0;
        for (HeldOutImportance.HeldOutPredictions p : parts) {
            rows.append(p.rows());
            double[] f = p.predictions().toFlat();
            int width = f.length / Math.max(1, p.rows().rowCount());
            if (flat == null) {
                flat = new double[n * width];
            }
            System.arraycopy(f, 0, flat, at * width, f.length);
            for (int i = 0; i < p.rows().rowCount(); i++) {
                truth[at + i] = p.truth().get(i);
            }
            at += p.rows().rowCount();
        }
        return new HeldRows(rows, Labels.of(truth), Predictions.ofFlat(model.target().task(), flat), String.format(Locale.ROOT,
                "held-out predictions of %d rows: the model refitted on the training part of %d of %d splits of the %s",
                n, importance.splits(), importance.splitsAvailable(), importance.validation()));
    }

    /** Per-row error the slices are found on: log loss of the true class, or the absolute error. */
    private static double[] rowErrors(AutoMlModel model, HeldRows held) {
        int n = held.truth().size();
        double[] e = new double[n];
        boolean classes = model.target().task() instanceof Classification;
        double[] flat = held.predictions().toFlat();
        int width = classes ? flat.length / Math.max(1, n) : 1;
        for (int i = 0; i < n; i++) {
            if (classes) {
                double p = flat[i * width + (int) held.truth().get(i)];
                e[i] = -Math.log(Math.max(1e-15, p));
            } else {
                e[i] = Math.abs(flat[i] - held.truth().get(i));
            }
        }
        return e;
    }

    private static String errorName(AutoMlModel model) {
        return model.target().task() instanceof Classification ? "log loss of the true class per row" : "absolute error per row";
    }

    /**
     * The class a classification report explains throughout: the second of two (the positive one of the metrics), else
     * the most frequent class of the held-out rows (or of the training rows); null for regression.
     */
    static String explainedClass(AutoMlModel model, HeldRows held, Table train) {
        if (!(model.target().task() instanceof Classification c)) {
            return null;
        }
        if (c.classes().size() == 2) {
            return c.classes().get(1);
        }
        int[] counts = new int[c.classes().size()];
        if (held != null) {
            for (int i = 0; i < held.truth().size(); i++) {
                counts[(int) held.truth().get(i)]++;
            }
        } else if (train.columnNames().contains(model.target().name())) {
            tech.tablesaw.columns.Column<?> target = train.column(model.target().name());
            for (int i = 0; i < target.size(); i++) {
                int k = c.classes().indexOf(String.valueOf(target.get(i)));
                if (k >= 0) {
                    counts[k]++;
                }
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return c.classes().get(best);
    }

    private static ReportData.Shap shap(AutoMlModel model, Table rows, Table background, SplittableRandom random, long deadlineNanos,
                                        String output) {
        Table probe = sample(rows, 10, random.split());
        long t0 = System.nanoTime();
        PipelineShap.Explained first = model.explain(probe, background);
        double perRow = (System.nanoTime() - t0) / 1e9 / Math.max(1, probe.rowCount());
        double left = (deadlineNanos - System.nanoTime()) / 1e9;
        int n = (int) Math.min(SHAP_ROWS, Math.max(0, left / Math.max(1e-9, perRow)));
        if (n <= probe.rowCount()) {
            return ShapSummary.of(first, probe, random.nextLong(), output);
        }
        Table chosen = sample(rows, n, random.split());
        return ShapSummary.of(model.explain(chosen, background), chosen, random.nextLong(), output);
    }

    /** The columns for partial dependence: the most important by held-out importance, else by mean |SHAP|. */
    private static List<String> topColumns(List<ReportData.Importance> importance, ReportData.Shap shap, java.util.Set<String> used) {
        List<String> names = (!importance.isEmpty()
                ? importance.stream().map(ReportData.Importance::column).toList()
                : shap == null ? List.<String>of() : shap.columns()).stream().filter(used::contains).toList();
        return names.subList(0, Math.min(DEPENDENCE_COLUMNS, names.size()));
    }

    private static List<ReportData.Dependence> dependence(AutoMlModel model, Table train, List<String> columns, SplittableRandom random,
                                                          long deadlineNanos, String output) {
        if (columns.isEmpty()) {
            return List.of();
        }
        return new PartialDependence(DEPENDENCE_ROWS, random.nextLong()).compute(model, train, columns, deadlineNanos, output);
    }

    private static List<ReportData.Fact> summary(Inputs in) {
        AutoMlModel model = in.model();
        List<ReportData.Fact> f = new ArrayList<>();
        f.add(new ReportData.Fact("Data", in.source() + ": " + in.train().rowCount() + " rows, " + in.trainColumns() + " input columns"));
        f.add(new ReportData.Fact("Task", model.target().task().label() + " of '" + model.target().name() + "'"
                + (model.target().task() instanceof Classification c ? " (classes " + c.classes() + ")" : "")));
        if (in.leaderboard() != null) {
            automl4j.metric.Metric metric = in.leaderboard().metric();
            f.add(new ReportData.Fact("Metric", metric.name() + (metric.higherIsBetter() ? " (higher is better)" : " (lower is better)")));
            f.add(new ReportData.Fact("Validation", in.validation()));
            f.add(new ReportData.Fact("Time", String.format(Locale.ROOT, "%.1f s, of which the final refit %.1f s", in.elapsedSeconds(),
                    in.refitSeconds())));
            Map<String, Long> outcomes = new TreeMap<>();
            in.leaderboard().rows().forEach(r -> outcomes.merge(r.outcome().status(), 1L, Long::sum));
            f.add(new ReportData.Fact("Trials", in.leaderboard().rows().size() + ": " + String.join(", ",
                    outcomes.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace('_', ' ')).toList())));
        }
        if (in.bestTrial() != null) {
            f.add(new ReportData.Fact("Best model", "trial " + in.bestTrial().trial().id() + ": " + describe(in.bestTrial().trial().config())));
            f.add(new ReportData.Fact("Validation score", String.format(Locale.ROOT, "%.5f", in.bestTrial().completed().score())));
        } else {
            f.add(new ReportData.Fact("Model", describe(model.config())));
        }
        if (in.testText() != null) {
            f.add(new ReportData.Fact("Test score", in.testText()));
        }
        model.decisionThreshold().ifPresent(d -> f.add(new ReportData.Fact("Decision threshold", String.format(Locale.ROOT,
                "'%s' when its probability is at least %.4g (%s)", model.target().classes().get(1), d.threshold(), d.chosenFor()))));
        String fallback = model.info().get("fallback");
        if (fallback != null) {
            f.add(new ReportData.Fact("Warning", "no search trial completed within the budget; the model is a fallback: " + fallback));
        }
        f.add(new ReportData.Fact("Importance", in.importanceText()));
        java.util.Set<String> used = usedColumns(model);
        List<String> dropped = model.transform().inputColumns().stream().filter(c -> !used.contains(c)).toList();
        if (!dropped.isEmpty()) {
            f.add(new ReportData.Fact("Not used", "the featurizer dropped " + dropped + " (see the guardrails): the model never "
                    + "sees them, so their importance and SHAP values are zero"));
        }
        return f;
    }

    private static List<ReportData.Row> rows(automl4j.leaderboard.Leaderboard board) {
        List<ReportData.Row> out = new ArrayList<>();
        int rank = 0;
        for (TrialResult r : board.rows()) {
            TrialOutcome.Completed c = r.completed();
            Map<String, Double> params = new LinkedHashMap<>();
            r.trial().config().values().forEach((k, v) -> {
                if (v instanceof Number num) {
                    params.put(k, num.doubleValue());
                }
            });
            out.add(new ReportData.Row(c != null ? ++rank : 0, r.trial().id(), r.trial().config().learner(),
                    c != null ? c.score() : Double.NaN, board.testScore(r.trial().id()).orElse(Double.NaN),
                    c != null ? c.fitSeconds() : r.outcome() instanceof TrialOutcome.Failed fl ? fl.seconds() : Double.NaN,
                    r.outcome().status(), c != null ? r.trial().config().valuesText()
                            : automl4j.leaderboard.Leaderboard.detail(r.outcome()), params));
        }
        return out;
    }

    /** Best validation score so far against the seconds at which each completed trial finished. */
    /**
     * The raw columns some feature of the model comes from; a column the featurizer dropped (an ID, a constant) is not
     * among them. Every input column when a transform cannot say.
     */
    static java.util.Set<String> usedColumns(AutoMlModel model) {
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (automl4j.pipeline.Pipeline.Member m : model.members()) {
            try {
                used.addAll(m.transform().featureSources());
            } catch (UnsupportedOperationException e) {
                used.addAll(m.transform().inputColumns());
            }
        }
        return used;
    }

    /** A config in words: {@code xgboost: eta=0.3, max_depth=6}, or {@code ensemble of trials 6 (0.44), 4 (0.25)}. */
    static String describe(automl4j.space.Config config) {
        Object members = config.values().get("members");
        if (config.learner().equals("ensemble") && members != null) {
            List<String> parts = new ArrayList<>();
            for (String m : members.toString().trim().split("\\s+")) {
                String[] idWeight = m.split(":");
                parts.add(idWeight.length == 2 ? idWeight[0] + " (" + idWeight[1] + ")" : m);
            }
            Object combiner = config.values().get("combiner");
            return (combiner != null && combiner.toString().equals("stack") ? "stacked ensemble" : "ensemble") + " of trials "
                    + String.join(", ", parts);
        }
        String values = config.valuesText();
        return config.learner() + (values.length() > 2 ? ": " + values.substring(1, values.length() - 1) : "");
    }

    /**
     * Best validation score so far against the seconds at which each completed trial finished, ending at the run's end
     * with the exported model's row (an ensemble is made after the search, so it has no finishing time of its own).
     */
    private static List<double[]> anytime(automl4j.leaderboard.Leaderboard board, Map<Integer, Double> finishedAt, double end) {
        boolean higher = board.metric().higherIsBetter();
        List<double[]> done = new ArrayList<>();
        for (TrialResult r : board.rows()) {
            Double at = finishedAt.get(r.trial().id());
            if (r.completed() != null && at != null && !Double.isNaN(r.completed().score())) {
                done.add(new double[] {at, r.completed().score()});
            }
        }
        done.sort(Comparator.comparingDouble(p -> p[0]));
        List<double[]> out = new ArrayList<>();
        double best = Double.NaN;
        for (double[] p : done) {
            if (Double.isNaN(best) || (higher ? p[1] > best : p[1] < best)) {
                best = p[1];
                out.add(new double[] {p[0], best});
            }
        }
        if (Double.isFinite(end) && !out.isEmpty() && board.best().isPresent() && end >= out.get(out.size() - 1)[0]) {
            double last = board.best().get().completed().score();
            out.add(new double[] {end, (higher ? last > best : last < best) ? last : best});
        }
        return out;
    }

    /** At most {@code n} rows of {@code table}, a seeded sample in table order. */
    static Table sample(Table table, int n, SplittableRandom random) {
        if (table.rowCount() <= n) {
            return table;
        }
        return table.where(Selection.with(Permutations.sample(table.rowCount(), n, random)));
    }
}
