package automl4j.learn;

import automl4j.data.Target;
import java.util.Objects;

/**
 * What a learner fits on: featurized rows, their target values and the target description.
 *
 * @param features featurized rows, no missing values
 * @param labels   per row, the class index into {@code target.classes()} or the regression value
 * @param target   the target (task type and class labels)
 */
public record TrainingSet(FeatureMatrix features, Labels labels, Target target) {
    public TrainingSet {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(target, "target");
        if (features.rows() != labels.size()) {
            throw new IllegalArgumentException("features have " + features.rows() + " rows but labels have " + labels.size());
        }
    }

    /** Number of rows. */
    public int size() {
        return features.rows();
    }

    /** The given rows. */
    public TrainingSet select(int[] rows) {
        return new TrainingSet(features.select(rows), labels.select(rows), target);
    }
}
