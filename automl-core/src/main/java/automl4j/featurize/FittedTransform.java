package automl4j.featurize;

import automl4j.learn.FeatureMatrix;
import java.util.List;
import tech.tablesaw.api.Table;

/** A fitted featurizer: applies what it learned to any rows. Immutable and thread-safe. */
public interface FittedTransform {
    /** Id of the featurizer that made it. */
    String featurizerId();

    /** The raw columns it reads, in order. */
    List<String> inputColumns();

    /** Names of the features it produces, in order. */
    List<String> featureNames();

    /**
     * The raw input column each feature is made from, one per feature (a one-hot level, a date part, a text term, a
     * missing-value indicator each name their column): how attributions to features are summed back into the columns
     * a user knows. By default a transform whose features are its input columns maps each to itself; any other must
     * say.
     *
     * @throws UnsupportedOperationException if the transform does not know
     */
    default List<String> featureSources() {
        if (featureNames().equals(inputColumns())) {
            return inputColumns();
        }
        throw new UnsupportedOperationException("featurizer '" + featurizerId() + "' does not say which column each feature is made from");
    }

    /**
     * Features of the given rows of {@code table} (all rows when {@code rows} is null). Unseen categories and missing
     * values are handled; a missing input column is an error naming it.
     *
     * @throws automl4j.DataException if an input column is absent or cannot be read as its learned kind
     */
    FeatureMatrix transform(Table table, int[] rows);

    /**
     * Features of rows a model is about to be fitted on. Like {@link #transform}, except that a supervised encoding
     * (such as target encoding) of the very rows this transform was fitted on is computed out of fold, so the model
     * cannot read a row's own label through its features. Predictions always use {@link #transform}.
     */
    default FeatureMatrix transformTraining(Table table, int[] rows) {
        return transform(table, rows);
    }

    /**
     * Things about {@code table} that do not stop {@link #transform} but a user should hear of, such as columns the
     * model does not use; empty when none.
     */
    default List<String> warnings(Table table) {
        return List.of();
    }

    /** What was found in the training rows: column kinds, dropped columns, data problems. */
    FeaturizationReport report();

    /** The transform as bytes (JSON) that {@link Featurizer#load(byte[])} reads back. */
    byte[] export();
}
