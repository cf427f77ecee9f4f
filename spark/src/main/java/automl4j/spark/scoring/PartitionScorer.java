package automl4j.spark.scoring;

import java.util.Iterator;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What runs on an executor for one partition when the input is not a classic Spark {@code Dataset} (a Spark Connect
 * one): the rows as {@code Row}s, each returned as a new {@code Row} with its prediction and, when asked, its
 * probability vector appended. Slower than {@link InternalPartitionScorer} (every cell of every row is deserialized
 * and serialized again), but only public Spark API.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final BatchScorers scorers;   // over the input rows: indexes into the full row
    private final boolean classification;
    private final boolean probability;    // append the probability vector
    private final int batchRows;

    PartitionScorer(BatchScorers scorers, boolean classification, boolean probability, int batchRows) {
        this.scorers = scorers;
        this.classification = classification;
        this.probability = probability;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new ScoredRows<>(input, Function.identity(), Function.identity(), scorers.open(), batchRows, this::output);
    }

    private Row output(Row row, Scores s, int i) {
        int n = row.length();
        Object[] values = new Object[n + (probability ? 2 : 1)];
        for (int c = 0; c < n; c++) {
            values[c] = row.get(c);
        }
        values[n] = classification ? s.labels()[i] : s.values()[i];
        if (probability) {
            values[n + 1] = Vectors.dense(s.probabilities()[i]);
        }
        return RowFactory.create(values);
    }
}
