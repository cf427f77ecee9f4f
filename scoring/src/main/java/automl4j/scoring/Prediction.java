package automl4j.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The prediction of one row: for classification the class probabilities and the predicted label, for regression the
 * predicted value. Immutable.
 */
public final class Prediction {
    private final List<String> classes;
    private final double[] probabilities;   // null for regression
    private final double value;             // NaN for classification
    private final int labelIndex;           // -1 for regression

    private Prediction(List<String> classes, double[] probabilities, double value, int labelIndex) {
        this.classes = classes;
        this.probabilities = probabilities;
        this.value = value;
        this.labelIndex = labelIndex;
    }

    static Prediction ofProbabilities(List<String> classes, double[] probabilities, int labelIndex) {
        return new Prediction(classes, probabilities, Double.NaN, labelIndex);
    }

    static Prediction ofValue(double value) {
        return new Prediction(List.of(), null, value, -1);
    }

    /** True for a class prediction, false for a regression value. */
    public boolean isClassification() {
        return probabilities != null;
    }

    /**
     * The predicted class: the most probable one (ties go to the class first in {@link #classes()}), or for a binary
     * model with a decision threshold the second class when its probability reaches the threshold. For regression,
     * the value as text ({@link Double#toString(double)}), as {@code automl predict} writes it.
     */
    public String label() {
        return probabilities == null ? Double.toString(value) : classes.get(labelIndex);
    }

    /** The index of {@link #label()} in {@link #classes()}. @throws IllegalStateException for regression */
    public int labelIndex() {
        requireClassification();
        return labelIndex;
    }

    /** The class labels, in the order of {@link #probabilities()}; empty for regression. */
    public List<String> classes() {
        return classes;
    }

    /** The class probabilities in {@link #classes()} order; a copy. @throws IllegalStateException for regression */
    public double[] probabilities() {
        requireClassification();
        return probabilities.clone();
    }

    /**
     * The probability of class {@code label}.
     *
     * @throws IllegalStateException    for regression
     * @throws IllegalArgumentException if {@code label} is not one of {@link #classes()}
     */
    public double probability(String label) {
        requireClassification();
        int k = classes.indexOf(Objects.requireNonNull(label, "label"));
        if (k < 0) {
            throw new IllegalArgumentException("'" + label + "' is not a class of this model; its classes are " + classes);
        }
        return probabilities[k];
    }

    /** The predicted value. @throws IllegalStateException for classification */
    public double value() {
        if (probabilities != null) {
            throw new IllegalStateException("a class prediction has no value; use label() or probabilities()");
        }
        return value;
    }

    private void requireClassification() {
        if (probabilities == null) {
            throw new IllegalStateException("a regression prediction has no classes; use value()");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && classes.equals(p.classes) && Arrays.equals(probabilities, p.probabilities)
                && Double.compare(value, p.value) == 0 && labelIndex == p.labelIndex;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classes, Arrays.hashCode(probabilities), value, labelIndex);
    }

    @Override
    public String toString() {
        if (probabilities == null) {
            return "Prediction[value=" + value + "]";
        }
        return "Prediction[label=" + label() + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
