package automl4j.spark.scoring;

import automl4j.AutoMlModel;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * What runs on an executor for one partition: takes the model from the JVM's {@link ModelCache} (from the broadcast
 * file the first time), then reads the partition in batches of rows, scores each batch in one call (the scoring library
 * or the engine featurizes a batch and calls each model once on it), and returns each input row with its prediction
 * and, when asked, its probability vector appended. Rows keep their order; the partition is never held whole, only one
 * batch.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> file;
    private final String sha256;
    private final boolean engine;         // score with the engine, else with the scoring library
    private final StructType schema;      // of the input rows
    private final String[] columns;       // the columns the model reads (the engine: the fitted ones present) ...
    private final int[] indexes;          // ... and where they are in an input row
    private final boolean classification;
    private final boolean probability;    // append the probability vector
    private final int batchRows;

    PartitionScorer(Broadcast<byte[]> file, String sha256, boolean engine, StructType schema, List<String> columns,
                    int[] indexes, boolean classification, boolean probability, int batchRows) {
        this.file = file;
        this.sha256 = sha256;
        this.engine = engine;
        this.schema = schema;
        this.columns = columns.toArray(String[]::new);
        this.indexes = indexes.clone();
        this.classification = classification;
        this.probability = probability;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        BatchScorer scorer;
        if (engine) {
            AutoMlModel model = ModelCache.borrowEngine(sha256, file::value);
            TaskContext task = TaskContext.get();
            if (task != null) {   // back to the pool when the task ends, scored or failed
                task.addTaskCompletionListener((TaskCompletionListener) done -> ModelCache.giveBack(sha256, model));
            }
            scorer = new EngineScorer(model, schema, List.of(columns));
        } else {
            scorer = new LibraryScorer(ModelCache.library(sha256, file::value), columns, indexes);
        }
        return new Iterator<>() {
            private final Row[] batch = new Row[batchRows];
            private Scores scores;
            private int size;       // rows in the batch
            private int next;       // next row of the batch to return
            private long first;     // index in the partition of the batch's first row

            @Override
            public boolean hasNext() {
                if (next < size) {
                    return true;
                }
                first += size;
                size = 0;
                next = 0;
                while (size < batch.length && input.hasNext()) {
                    batch[size++] = input.next();
                }
                if (size == 0) {
                    return false;
                }
                scores = score(scorer, batch, size, first);
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = batch[next];
                batch[next] = null;
                return output(row, scores, next++);
            }
        };
    }

    private static Scores score(BatchScorer scorer, Row[] batch, int size, long first) {
        try {
            return scorer.score(batch, size);
        } catch (IllegalArgumentException | automl4j.DataException e) {
            // The scorer counts rows from the batch's first; a user needs the partition and the rows in it.
            TaskContext task = TaskContext.get();
            String where = "partition " + (task == null ? "?" : task.partitionId()) + ", the batch of its rows " + first
                    + " to " + (first + size - 1) + " (a row below counts from the batch's first, 0)";
            throw new IllegalArgumentException("scoring failed in " + where + ": " + e.getMessage(), e);
        }
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
