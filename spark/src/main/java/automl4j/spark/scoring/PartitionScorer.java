package automl4j.spark.scoring;

import automl4j.scoring.BatchPredictions;
import automl4j.scoring.Prediction;
import automl4j.scoring.ScoringModel;
import java.util.AbstractList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What runs on an executor for one partition: takes the model from the JVM's {@link ModelCache} (from the broadcast
 * file the first time), then reads the partition in batches of rows, scores each batch in one call to the scoring
 * library (which featurizes a batch and calls each tree model once on it), and returns each input row with its
 * prediction and, when asked, its probability vector appended. Rows keep their order; the partition is never held
 * whole, only one batch.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> file;
    private final String sha256;
    private final String[] columns;       // the columns the model reads ...
    private final int[] indexes;          // ... and where they are in an input row
    private final boolean classification;
    private final boolean probability;    // append the probability vector
    private final int batchRows;

    PartitionScorer(Broadcast<byte[]> file, String sha256, List<String> columns, int[] indexes, boolean classification,
                    boolean probability, int batchRows) {
        this.file = file;
        this.sha256 = sha256;
        this.columns = columns.toArray(String[]::new);
        this.indexes = indexes.clone();
        this.classification = classification;
        this.probability = probability;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        ScoringModel model = ModelCache.get(sha256, file::value);
        return new Iterator<>() {
            private final Row[] batch = new Row[batchRows];
            private BatchPredictions predictions;
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
                predictions = score(model, batch, size, first);
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = batch[next];
                batch[next] = null;
                return output(row, predictions.get(next++));
            }
        };
    }

    private BatchPredictions score(ScoringModel model, Row[] batch, int size, long first) {
        if (columns.length == 0) {   // a model that reads no column (a baseline): by rows, since there are no columns
            return model.predictRows(Collections.nCopies(size, Map.of()));
        }
        Map<String, List<?>> cells = new LinkedHashMap<>();
        for (int k = 0; k < columns.length; k++) {
            int index = indexes[k];
            cells.put(columns[k], new AbstractList<Object>() {
                @Override
                public Object get(int i) {
                    return SparkCells.toScoring(batch[i].get(index));
                }

                @Override
                public int size() {
                    return size;
                }
            });
        }
        try {
            return model.predictColumns(cells);
        } catch (IllegalArgumentException e) {
            // The library counts rows from the batch's first; a user needs the partition and the row in it.
            TaskContext task = TaskContext.get();
            String where = "partition " + (task == null ? "?" : task.partitionId()) + ", rows " + first + " to "
                    + (first + size - 1) + " of the partition";
            throw new IllegalArgumentException("scoring failed in " + where + ": " + e.getMessage(), e);
        }
    }

    private Row output(Row row, Prediction p) {
        int n = row.length();
        Object[] values = new Object[n + (probability ? 2 : 1)];
        for (int i = 0; i < n; i++) {
            values[i] = row.get(i);
        }
        values[n] = classification ? p.label() : p.value();
        if (probability) {
            values[n + 1] = Vectors.dense(p.probabilities());
        }
        return RowFactory.create(values);
    }
}
