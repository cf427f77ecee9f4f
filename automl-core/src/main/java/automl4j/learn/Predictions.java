package automl4j.learn;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a model says about a set of rows, in the form its task gives predictions: class probabilities (columns in the
 * order of {@link #classes()}) for classification, numbers for regression.
 */
public final class Predictions {
    private final Task task;
    private final List<String> classes;
    private final double[][] probabilities;
    private final double[] values;
    /** Binary only: the second class is predicted when its probability is at least this; NaN for the most probable class. */
    private final double threshold;

    private Predictions(Task task, List<String> classes, double[][] probabilities, double[] values) {
        this(task, classes, probabilities, values, Double.NaN);
    }

    private Predictions(Task task, List<String> classes, double[][] probabilities, double[] values, double threshold) {
        this.task = task;
        this.classes = classes;
        this.probabilities = probabilities;
        this.values = values;
        this.threshold = threshold;
    }

    /**
     * These binary predictions with labels chosen by a decision threshold: the second class (in {@link #classes()}
     * order) when its probability is at least {@code threshold}, else the first. The probabilities are unchanged.
     *
     * @throws IllegalStateException    if the predictions are not of two classes
     * @throws IllegalArgumentException if the threshold is not in (0, 1)
     */
    public Predictions withThreshold(double threshold) {
        if (!hasProbabilities() || classes.size() != 2) {
            throw new IllegalStateException("a decision threshold needs binary predictions, but these have " + classes.size() + " classes");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("a decision threshold must be in (0, 1), but was " + threshold);
        }
        return new Predictions(task, classes, probabilities, values, threshold);
    }

    /** The decision threshold labels are chosen by ({@link #withThreshold}), or NaN for the most probable class. */
    public double threshold() {
        return threshold;
    }

    /** Classification predictions; each row is copied and must have one probability per class. */
    public static Predictions ofProbabilities(Task task, List<String> classes, double[][] probabilities) {
        if (!(task instanceof Classification)) {
            throw new IllegalArgumentException("probabilities need a classification task, but was " + task);
        }
        List<String> cls = List.copyOf(classes);
        double[][] copy = new double[probabilities.length][];
        for (int i = 0; i < copy.length; i++) {
            if (probabilities[i].length != cls.size()) {
                throw new IllegalArgumentException("row " + i + " has " + probabilities[i].length + " probabilities for " + cls.size() + " classes");
            }
            copy[i] = probabilities[i].clone();
        }
        return new Predictions(task, cls, copy, null);
    }

    /** Regression predictions. */
    public static Predictions ofValues(double[] values) {
        return new Predictions(new Regression(), List.of(), null, Objects.requireNonNull(values, "values").clone());
    }

    /**
     * Predictions of {@code task} from one flat array in the task's form: per row, {@link Task#predictionWidth()}
     * numbers (the class probabilities, or the value). The inverse of {@link #toFlat()}; ensembles combine members
     * by a weighted sum of their flat arrays.
     *
     * @throws IllegalArgumentException if the length is not a multiple of the width, or the task has no prediction form
     *                                  here yet
     */
    public static Predictions ofFlat(Task task, double[] flat) {
        int width = task.predictionWidth();
        if (flat.length % width != 0) {
            throw new IllegalArgumentException("a flat " + task.label() + " prediction needs a multiple of " + width
                    + " numbers, but had " + flat.length);
        }
        if (task instanceof Classification c) {
            double[][] probabilities = new double[flat.length / width][];
            for (int i = 0; i < probabilities.length; i++) {
                probabilities[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
            }
            return ofProbabilities(c, c.classes(), probabilities);
        }
        if (task instanceof Regression) {
            return ofValues(flat);
        }
        throw new IllegalArgumentException("task " + task.label() + " has no prediction form yet");
    }

    /** The predictions as one flat array: per row the class probabilities, or the value (see {@link #ofFlat}). */
    public double[] toFlat() {
        if (!hasProbabilities()) {
            return values.clone();
        }
        int width = classes.size();
        double[] out = new double[probabilities.length * width];
        for (int i = 0; i < probabilities.length; i++) {
            System.arraycopy(probabilities[i], 0, out, i * width, width);
        }
        return out;
    }

    /** The task the predictions are for. */
    public Task task() {
        return task;
    }

    /** True for class probabilities, false for values. */
    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /** Class labels (empty for regression). */
    public List<String> classes() {
        return classes;
    }

    /** Number of rows. */
    public int size() {
        return hasProbabilities() ? probabilities.length : values.length;
    }

    /** The probability of class {@code k} for row {@code row}. */
    public double probability(int row, int k) {
        requireClassification();
        return probabilities[row][k];
    }

    /** A copy of the probabilities of one row. */
    public double[] probabilities(int row) {
        requireClassification();
        return probabilities[row].clone();
    }

    /** The regression value of a row. */
    public double value(int row) {
        if (hasProbabilities()) {
            throw new IllegalStateException("a classification prediction has no value; use probability() or label()");
        }
        return values[row];
    }

    /**
     * The predicted class of a row: the most probable one (ties go to the class first in code-point order), or by the
     * decision threshold when there is one ({@link #withThreshold}).
     */
    public String label(int row) {
        return classes.get(labelIndex(row));
    }

    /** The index of the predicted class of a row ({@link #label}). */
    public int labelIndex(int row) {
        requireClassification();
        if (!Double.isNaN(threshold)) {
            return probabilities[row][1] >= threshold ? 1 : 0;
        }
        return argmax(probabilities[row]);
    }

    /** The predicted labels of all rows (class labels, or numbers as text for regression). */
    public List<String> labels() {
        List<String> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(hasProbabilities() ? label(i) : Double.toString(values[i]));
        }
        return out;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    private void requireClassification() {
        if (!hasProbabilities()) {
            throw new IllegalStateException("a regression prediction has no class probabilities; use value()");
        }
    }
}
