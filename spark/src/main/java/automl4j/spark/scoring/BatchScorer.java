package automl4j.spark.scoring;

import org.apache.spark.sql.Row;

/** A model on an executor scoring a batch of a partition's rows; one per partition, over the JVM's loaded model. */
interface BatchScorer {
    /**
     * The predictions of {@code rows[0]} to {@code rows[size - 1]}, in order.
     *
     * @throws IllegalArgumentException if a row holds a value the model cannot read, naming the row in the batch and
     *                                  the column
     */
    Scores score(Row[] rows, int size);
}
