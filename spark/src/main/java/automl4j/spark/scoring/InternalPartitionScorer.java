package automl4j.spark.scoring;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.UserDefinedType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * What runs on an executor for one partition of a classic {@code Dataset}: the partition's rows in Spark's internal
 * form. Only the cells the model reads are turned into Java values (typed getters, see {@link CatalystCells}); each
 * input row is kept as it is (a copy of its bytes, since the scan reuses its row object) and returned joined to an
 * internal row of its prediction and probability vector, which Spark writes into its own row format once. The other
 * path, a {@code Row} per input row and a new {@code Row} per output row, deserialized and serialized cell by cell,
 * took as long as scoring a small model.
 */
final class InternalPartitionScorer implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
    private static final long serialVersionUID = 1L;

    private final BatchScorers scorers;   // over rows of the model's columns only: indexes 0, 1, ...
    private final int[] ordinals;         // where those columns are in an input row
    private final StructType types;       // their types, in the same order
    private final boolean classification;
    private final boolean probability;    // append the probability vector
    private final int batchRows;

    InternalPartitionScorer(BatchScorers scorers, int[] ordinals, boolean classification, boolean probability,
                            int batchRows) {
        this.scorers = scorers;
        this.ordinals = ordinals.clone();
        this.types = scorers.schema();
        this.classification = classification;
        this.probability = probability;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> input) {
        CatalystCells[] readers = new CatalystCells[ordinals.length];
        for (int k = 0; k < readers.length; k++) {
            readers[k] = CatalystCells.of(types.fields()[k].dataType());
        }
        @SuppressWarnings("unchecked")   // the vector type of Spark ML, a user-defined type over Vector
        UserDefinedType<Vector> vectors = (UserDefinedType<Vector>) SQLDataTypes.VectorType();
        Map<String, UTF8String> labels = new HashMap<>();   // each class label encoded once, not once per row
        return new ScoredRows<InternalRow, InternalRow>(input, InternalRow::copy, row -> {
            Object[] cells = new Object[ordinals.length];
            for (int k = 0; k < cells.length; k++) {
                cells[k] = readers[k].read(row, ordinals[k]);
            }
            return RowFactory.create(cells);
        }, scorers.open(), batchRows, (row, s, i) -> {
            Object[] scores = new Object[probability ? 2 : 1];
            scores[0] = classification ? labels.computeIfAbsent(s.labels()[i], UTF8String::fromString) : (Object) s.values()[i];
            if (probability) {
                scores[1] = vectors.serialize(Vectors.dense(s.probabilities()[i]));
            }
            return new JoinedRow(row, new GenericInternalRow(scores));
        });
    }
}
