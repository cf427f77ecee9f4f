package automl4j.learn;

import automl4j.data.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a model says about a set of rows: class probabilities (columns in the order of {@link #classes()}) for
 * classification, numbers for regression.
 */
public final class Predictions {
    private final TaskType task;
    private final List<String> classes;
    private final double[][] probabilities;
    private final double[] values;

    private Predictions(TaskType task, List<String> classes, double[][] probabilities, double[] values) {
        this.task = task;
        this.classes = classes;
        this.probabilities = probabilities;
        this.values = values;
    }

    /** Classification predictions; each row is copied and must have one probability per class. */
    public static Predictions ofProbabilities(TaskType task, List<String> classes, double[][] probabilities) {
        if (!task.isClassification()) {
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
        return new Predictions(TaskType.REGRESSION, List.of(), null, Objects.requireNonNull(values, "values").clone());
    }

    /** The task type. */
    public TaskType task() {
        return task;
    }

    /** Class labels (empty for regression). */
    public List<String> classes() {
        return classes;
    }

    /** Number of rows. */
    public int size() {
        return task.isClassification() ? probabilities.length : values.length;
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
        if (task.isClassification()) {
            throw new IllegalStateException("a classification prediction has no value; use probability() or label()");
        }
        return values[row];
    }

    /** The most probable class of a row; ties go to the class first in code-point order. */
    public String label(int row) {
        requireClassification();
        return classes.get(argmax(probabilities[row]));
    }

    /** The index of the most probable class of a row. */
    public int labelIndex(int row) {
        requireClassification();
        return argmax(probabilities[row]);
    }

    /** The predicted labels of all rows (class labels, or numbers as text for regression). */
    public List<String> labels() {
        List<String> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(task.isClassification() ? label(i) : Double.toString(values[i]));
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
        if (!task.isClassification()) {
            throw new IllegalStateException("a regression prediction has no class probabilities; use value()");
        }
    }
}
