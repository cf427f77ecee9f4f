package automl4j.report;

import automl4j.internal.Permutations;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Diagnostics of a model's predictions of labelled rows that it was not fitted on (out-of-fold predictions of the
 * validation, a holdout, a test set): the confusion matrix and the ROC, precision-recall, calibration and cumulative
 * gain curves of a classification, or the actual and predicted values of a regression. What they hold is capped so
 * that the report of a large run stays small: at most {@value #MAX_CURVE_POINTS} points per ROC or precision-recall
 * curve, {@value #GAIN_POINTS} gain points, {@value #CALIBRATION_BINS} calibration bins, and a seeded sample of at most
 * {@value #MAX_SCATTER} rows of a regression.
 *
 * <p>The curves are of the class given to {@link #classification(Labels, Predictions, String, double, String)} against
 * the rest. When none is given: of two classes, the second (the positive class, as the metrics rank it); of more, the
 * most frequent true class against the rest, one curve read as in the binary case; the note says so.
 */
public final class ModelDiagnostics {
    /** Most rows of a regression kept for its charts. */
    public static final int MAX_SCATTER = 5000;
    /** Most points kept of a ROC or precision-recall curve. */
    public static final int MAX_CURVE_POINTS = 1000;
    /** Points of the cumulative gain curve. */
    public static final int GAIN_POINTS = 100;
    /** Equal-width bins of the calibration curve. */
    public static final int CALIBRATION_BINS = 10;

    private ModelDiagnostics() {
    }

    /**
     * Classification or regression diagnostics, as {@code predictions} are; a binary confusion matrix by the most
     * probable class.
     *
     * @param truth       class indexes into {@code predictions.classes()}, or true values
     * @param predictions the predictions of the same rows
     * @param source      where the predictions come from, such as {@code out-of-fold predictions of the validation}
     * @param seed        the seed of a regression's sample of rows
     * @throws IllegalArgumentException if the sizes differ or a class index is out of range
     */
    public static ReportData.Diagnostics of(Labels truth, Predictions predictions, String source, long seed) {
        return predictions.hasProbabilities() ? classification(truth, predictions, source) : regression(truth, predictions, source, seed);
    }

    /**
     * Classification diagnostics with the confusion matrix by the most probable class (ties to the class first in
     * code-point order, as {@link Predictions#labelIndex} and the metrics decide).
     *
     * @param truth       class indexes into {@code predictions.classes()}
     * @param predictions class probabilities of the same rows
     * @param source      where the predictions come from
     * @throws IllegalArgumentException if the sizes differ, a class index is out of range or the predictions are values
     */
    public static ReportData.ClassDiagnostics classification(Labels truth, Predictions predictions, String source) {
        return classification(truth, predictions, source, Double.NaN);
    }

    /**
     * Binary classification diagnostics with the confusion matrix at a decision threshold: a row is predicted positive
     * (the second class) when its probability is at least {@code threshold}.
     *
     * @param threshold in [0, 1]; NaN decides by the most probable class instead
     * @throws IllegalArgumentException if the sizes differ, a class index is out of range, the threshold is outside
     *                                  [0, 1], or it is given for more than two classes
     */
    public static ReportData.ClassDiagnostics classification(Labels truth, Predictions predictions, String source, double threshold) {
        return classification(truth, predictions, source, threshold, null);
    }

    /**
     * Classification diagnostics whose curves are of {@code positiveClass} against the rest. Pass the class that the
     * report's other parts explain, so that one page explains one class.
     *
     * @param truth         class indexes into {@code predictions.classes()}
     * @param predictions   class probabilities of the same rows
     * @param source        where the predictions come from
     * @param threshold     for two classes, in [0, 1]: a row is predicted {@code positiveClass} when its probability is
     *                      at least this, else the other class; NaN decides by the most probable class
     * @param positiveClass the class the curves are drawn for; null chooses by the rule of the class comment
     * @throws IllegalArgumentException if the sizes differ, a class index is out of range, the threshold is outside
     *                                  [0, 1] or given for more than two classes, or {@code positiveClass} is not a class
     */
    public static ReportData.ClassDiagnostics classification(Labels truth, Predictions predictions, String source, double threshold,
                                                             String positiveClass) {
        if (!predictions.hasProbabilities()) {
            throw new IllegalArgumentException("classification diagnostics need class probabilities, but the predictions are values");
        }
        List<String> classes = predictions.classes();
        int k = classes.size();
        if (!Double.isNaN(threshold) && (!(threshold >= 0 && threshold <= 1) || k != 2)) {
            throw new IllegalArgumentException("a decision threshold must be in [0, 1] and needs two classes, but was " + threshold
                    + " for " + k + " classes " + classes);
        }
        if (positiveClass != null && !classes.contains(positiveClass)) {
            throw new IllegalArgumentException("positive class '" + positiveClass + "' must be one of the classes " + classes);
        }
        int n = sameSize(truth, predictions);
        int[] y = new int[n];
        long[] count = new long[k];
        for (int i = 0; i < n; i++) {
            double v = truth.get(i);
            if (!(v >= 0 && v < k && v == Math.rint(v))) {
                throw new IllegalArgumentException("true label of row " + i + " must be a class index in 0.." + (k - 1) + ", but was " + v);
            }
            y[i] = (int) v;
            count[y[i]]++;
        }
        int positive = positiveClass != null ? classes.indexOf(positiveClass) : 1;
        long[][] confusion = new long[k][k];
        for (int i = 0; i < n; i++) {
            int predicted = Double.isNaN(threshold) ? predictions.labelIndex(i)
                    : predictions.probability(i, positive) >= threshold ? positive : 1 - positive;
            confusion[y[i]][predicted]++;
        }
        if (positiveClass == null && k > 2) {
            positive = 0;
            for (int c = 1; c < k; c++) {
                if (count[c] > count[positive]) {
                    positive = c;
                }
            }
        }
        boolean[] isPositive = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            isPositive[i] = y[i] == positive;
            score[i] = predictions.probability(i, positive);
        }
        String name = classes.get(positive);
        String decision = Double.isNaN(threshold) ? "Confusion matrix by the most probable class"
                : String.format(Locale.ROOT, "Confusion matrix at the decision threshold %.4g: '%s' when its probability is at least that",
                        threshold, name);
        String curves = k == 2 ? "curves of '" + name + "'" + (positiveClass == null ? " (the positive class)" : "") + " against '"
                + classes.get(1 - positive) + "'"
                : "curves of '" + name + "'" + (positiveClass == null ? ", the most frequent true class (" + count[positive] + " of " + n
                        + " rows)," : " (" + count[positive] + " of " + n + " rows)") + " against the other " + (k - 1) + " classes";
        return new ReportData.ClassDiagnostics(source, classes, confusion, name, thin(Curves.roc(isPositive, score)),
                thin(Curves.precisionRecall(isPositive, score)), Curves.calibration(isPositive, score, CALIBRATION_BINS),
                Curves.gain(isPositive, score, GAIN_POINTS), decision + "; " + curves + ".");
    }

    /**
     * Regression diagnostics: the true and predicted values of the rows, or of a seeded sample of
     * {@value #MAX_SCATTER} of them (kept in row order), which the note then says.
     *
     * @throws IllegalArgumentException if the sizes differ or the predictions are class probabilities
     */
    public static ReportData.RegressionDiagnostics regression(Labels truth, Predictions predictions, String source, long seed) {
        if (predictions.hasProbabilities()) {
            throw new IllegalArgumentException("regression diagnostics need values, but the predictions are class probabilities");
        }
        int n = sameSize(truth, predictions);
        int[] rows;
        String note = "";
        if (n <= MAX_SCATTER) {
            rows = new int[n];
            Arrays.setAll(rows, i -> i);
        } else {
            rows = Permutations.sample(n, MAX_SCATTER, new SplittableRandom(seed));
            note = String.format(Locale.ROOT, "Charts of %,d of the %,d rows, drawn at random.", MAX_SCATTER, n);
        }
        double[] actual = new double[rows.length];
        double[] predicted = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            actual[i] = truth.get(rows[i]);
            predicted[i] = predictions.value(rows[i]);
        }
        return new ReportData.RegressionDiagnostics(source, actual, predicted, note);
    }

    private static int sameSize(Labels truth, Predictions predictions) {
        if (truth.size() != predictions.size()) {
            throw new IllegalArgumentException("there are " + truth.size() + " true labels for " + predictions.size() + " predictions");
        }
        return truth.size();
    }

    /** At most {@value #MAX_CURVE_POINTS} points: every k-th, and the last. */
    static List<Curves.Point> thin(List<Curves.Point> curve) {
        if (curve.size() <= MAX_CURVE_POINTS) {
            return curve;
        }
        int step = (curve.size() + MAX_CURVE_POINTS - 2) / (MAX_CURVE_POINTS - 1);
        List<Curves.Point> out = new ArrayList<>();
        for (int i = 0; i < curve.size() - 1; i += step) {
            out.add(curve.get(i));
        }
        out.add(curve.get(curve.size() - 1));
        return out;
    }
}
