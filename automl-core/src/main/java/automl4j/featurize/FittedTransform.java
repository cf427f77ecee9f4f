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
     * Features of the given rows of {@code table} (all rows when {@code rows} is null). Unseen categories and missing
     * values are handled; a missing input column is an error naming it.
     *
     * @throws IllegalArgumentException if an input column is absent or cannot be read as its learned kind
     */
    FeatureMatrix transform(Table table, int[] rows);

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
