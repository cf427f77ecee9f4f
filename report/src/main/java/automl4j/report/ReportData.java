package automl4j.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link HtmlReport} draws, computed beforehand: a run's summary, leaderboard, anytime curve, importance,
 * SHAP values, diagnostics of the chosen model and the slices where it errs. Parts that were not computed are empty or
 * null and their sections say so.
 *
 * @param title       page title
 * @param summary     label and value pairs: data shape, task, metric, budget, trials by outcome, best model, scores
 * @param guardrails  the data guardrails, one line each
 * @param metric      the metric the leaderboard ranks by
 * @param higherIsBetter whether larger scores of {@code metric} are better
 * @param leaderboard every trial, ranked
 * @param anytime     best score so far against elapsed seconds
 * @param importance  permutation importance per raw column, most important first
 * @param shap        SHAP values per raw column, or null
 * @param diagnostics classification or regression diagnostics of the chosen model, or null
 * @param slices      the slices of the data where the chosen model errs most, worst first
 * @param sliceError  what the slices' error is (such as {@code log loss per row})
 * @param dependence  partial dependence and ICE curves of the top columns
 */
public record ReportData(String title, List<Fact> summary, List<String> guardrails, String metric, boolean higherIsBetter,
                         List<Row> leaderboard, List<double[]> anytime, List<Importance> importance, Shap shap,
                         Diagnostics diagnostics, List<ErrorSlices.Slice> slices, String sliceError, List<Dependence> dependence,
                         Correlation correlation) {
    /** A report without the models' correlation. */
    public ReportData(String title, List<Fact> summary, List<String> guardrails, String metric, boolean higherIsBetter,
                      List<Row> leaderboard, List<double[]> anytime, List<Importance> importance, Shap shap,
                      Diagnostics diagnostics, List<ErrorSlices.Slice> slices, String sliceError, List<Dependence> dependence) {
        this(title, summary, guardrails, metric, higherIsBetter, leaderboard, anytime, importance, shap, diagnostics, slices,
                sliceError, dependence, null);
    }

    /**
     * How alike the best trials' validation predictions are (H2O's model correlation): Pearson's correlation of each
     * pair over the same validation rows.
     *
     * @param labels the trials, best first
     * @param r      {@code r[i][j]}, the correlation of trials {@code i} and {@code j}
     * @param note   what was correlated, such as {@code the probability of 'yes'}
     */
    public record Correlation(List<String> labels, double[][] r, String note) {
        public Correlation {
            labels = List.copyOf(labels);
        }
    }

    public ReportData {
        Objects.requireNonNull(title, "title");
        summary = List.copyOf(summary);
        guardrails = List.copyOf(guardrails);
        leaderboard = List.copyOf(leaderboard);
        anytime = List.copyOf(anytime);
        importance = List.copyOf(importance);
        slices = List.copyOf(slices);
        dependence = List.copyOf(dependence);
    }

    /** A labelled value of the summary. */
    public record Fact(String label, String value) {
    }

    /**
     * A leaderboard row.
     *
     * @param rank       1 for the best
     * @param trial      the trial id
     * @param learner    the learner id (or {@code ensemble})
     * @param score      validation score, NaN if the trial did not complete
     * @param testScore  score on the test rows, NaN when not scored
     * @param fitSeconds wall time of the trial's fits
     * @param status     {@code completed}, {@code failed}, {@code pruned}, ...
     * @param config     the config in words
     * @param params     the config's numeric hyperparameters
     */
    public record Row(int rank, int trial, String learner, double score, double testScore, double fitSeconds, String status,
                      String config, Map<String, Double> params) {
        public Row {
            params = Map.copyOf(params);
        }
    }

    /** Permutation importance of one column: mean change of the metric, its confidence interval and p-value. */
    public record Importance(String column, double mean, double lo, double hi, double pValue) {
    }

    /**
     * SHAP values per raw column of some rows.
     *
     * @param space   what the values are in (probability, log-odds, value)
     * @param method  how they were computed
     * @param output  the output explained (a class, or {@code value})
     * @param columns the columns, most important first
     * @param values  {@code [row][column]}
     * @param cells   each column's value in each row as a number for colouring, NaN when it has none (missing)
     * @param note    what else a reader should know (how rows were chosen, how categories are coloured); may be empty
     */
    public record Shap(String space, String method, String output, List<String> columns, double[][] values, double[][] cells, String note) {
        public Shap {
            columns = List.copyOf(columns);
            note = note == null ? "" : note;
        }

        /** Values without a note. */
        public Shap(String space, String method, String output, List<String> columns, double[][] values, double[][] cells) {
            this(space, method, output, columns, values, cells, "");
        }
    }

    /** Diagnostics of the chosen model's predictions: {@link ClassDiagnostics} or {@link RegressionDiagnostics}. */
    public sealed interface Diagnostics permits ClassDiagnostics, RegressionDiagnostics {
        /** Where the predictions come from, such as {@code out-of-fold predictions of the validation}. */
        String source();

        /** What else a reader should know (the decision threshold, which class the curves are of, sampled rows); may be empty. */
        String note();
    }

    /**
     * Classification diagnostics; the curves are of {@code positive} against the rest.
     *
     * @param classes     class names
     * @param confusion   rows by true class, columns by predicted class
     * @param positive    the class the curves are drawn for
     * @param roc         ROC curve
     * @param pr          precision-recall curve
     * @param calibration calibration bins
     * @param gain        cumulative gain curve
     * @param note        how the confusion matrix decides (most probable class, or a threshold) and why the curves are
     *                    of {@code positive}; may be empty
     */
    public record ClassDiagnostics(String source, List<String> classes, long[][] confusion, String positive, List<Curves.Point> roc,
                                   List<Curves.Point> pr, List<Curves.Bin> calibration, List<Curves.Point> gain, String note)
            implements Diagnostics {
        public ClassDiagnostics {
            classes = List.copyOf(classes);
            roc = List.copyOf(roc);
            pr = List.copyOf(pr);
            calibration = List.copyOf(calibration);
            gain = List.copyOf(gain);
            note = note == null ? "" : note;
        }

        /** Diagnostics without a note. */
        public ClassDiagnostics(String source, List<String> classes, long[][] confusion, String positive, List<Curves.Point> roc,
                                List<Curves.Point> pr, List<Curves.Bin> calibration, List<Curves.Point> gain) {
            this(source, classes, confusion, positive, roc, pr, calibration, gain, "");
        }
    }

    /**
     * Regression diagnostics: the true and predicted value of each row (or of a sample of them, which {@code note} says).
     */
    public record RegressionDiagnostics(String source, double[] actual, double[] predicted, String note) implements Diagnostics {
        public RegressionDiagnostics {
            if (actual.length != predicted.length) {
                throw new IllegalArgumentException("there are " + actual.length + " actual values for " + predicted.length + " predictions");
            }
            note = note == null ? "" : note;
        }

        /** Diagnostics without a note. */
        public RegressionDiagnostics(String source, double[] actual, double[] predicted) {
            this(source, actual, predicted, "");
        }
    }

    /**
     * Partial dependence of one column: the mean prediction with the column set to each grid value, and a few rows'
     * own curves (ICE).
     *
     * @param output      what is predicted (the target's value, a class's probability)
     * @param labels      labels of the grid values (numbers, or categories)
     * @param grid        positions on the x axis (the values, or 0, 1, 2 ... for categories)
     * @param mean        the mean prediction at each grid value
     * @param ice         individual rows' predictions at each grid value
     * @param categorical true when the grid values are categories (drawn with their labels on the axis)
     * @param note        what else a reader should know (rows used, levels left out); may be empty
     */
    public record Dependence(String column, String output, List<String> labels, double[] grid, double[] mean, double[][] ice,
                             boolean categorical, String note) {
        public Dependence {
            labels = List.copyOf(labels);
            if (labels.size() != grid.length || mean.length != grid.length) {
                throw new IllegalArgumentException("a dependence needs as many labels and means as grid values, but had "
                        + labels.size() + ", " + mean.length + " and " + grid.length);
            }
            note = note == null ? "" : note;
        }

        /** A numeric dependence without a note. */
        public Dependence(String column, String output, List<String> labels, double[] grid, double[] mean, double[][] ice) {
            this(column, output, labels, grid, mean, ice, false, "");
        }
    }
}
