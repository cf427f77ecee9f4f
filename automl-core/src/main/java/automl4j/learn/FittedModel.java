package automl4j.learn;

/** A model a {@link Learner} fitted: predicts featurized rows and exports itself. Immutable and thread-safe. */
public interface FittedModel {
    /** Predictions for every row of {@code features}. */
    Predictions predict(FeatureMatrix features);

    /** The model as an artifact that {@link Learner#load(ModelArtifact)} reads back. */
    ModelArtifact export();

    /**
     * Settings this fit learned that a refit of the same config on all rows should use instead of the config's own,
     * such as the boosting rounds that early stopping kept; empty when none.
     */
    default java.util.Map<String, Object> refitSettings() {
        return java.util.Map.of();
    }

    /** The device the model was really trained on ({@code cpu} unless a learner reads back something else). */
    default String device() {
        return "cpu";
    }
}
