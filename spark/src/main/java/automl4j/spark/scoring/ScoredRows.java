package automl4j.spark.scoring;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * A partition's rows, each with its scores: reads the input in batches of rows, scores each batch in one call (the
 * scoring library or the engine featurizes a batch and calls each model once on it), and returns each row joined to its
 * scores. Rows keep their order; the partition is never held whole, only one batch.
 *
 * @param <I> an input row
 * @param <O> an output row
 */
final class ScoredRows<I, O> implements Iterator<O> {
    /** Joins a kept input row to the scores of row {@code i} of its batch. */
    @FunctionalInterface
    interface Output<I, O> {
        O join(I row, Scores scores, int i);
    }

    private final Iterator<I> input;
    private final Function<I, I> keep;     // what of an input row the batch holds (a copy where the input reuses rows)
    private final Function<I, Row> cells;  // the cells the scorer reads, as a Row
    private final BatchScorer scorer;
    private final Output<I, O> output;
    private final Object[] kept;
    private final Row[] batch;
    private Scores scores;
    private int size;       // rows in the batch
    private int next;       // next row of the batch to return
    private long first;     // index in the partition of the batch's first row

    ScoredRows(Iterator<I> input, Function<I, I> keep, Function<I, Row> cells, BatchScorer scorer, int batchRows,
               Output<I, O> output) {
        this.input = input;
        this.keep = keep;
        this.cells = cells;
        this.scorer = scorer;
        this.output = output;
        this.kept = new Object[batchRows];
        this.batch = new Row[batchRows];
    }

    @Override
    public boolean hasNext() {
        if (next < size) {
            return true;
        }
        first += size;
        size = 0;
        next = 0;
        while (size < batch.length && input.hasNext()) {
            I row = input.next();
            kept[size] = keep.apply(row);
            batch[size++] = cells.apply(row);
        }
        if (size == 0) {
            return false;
        }
        scores = score();
        return true;
    }

    @Override
    public O next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        @SuppressWarnings("unchecked")   // kept holds what keep returned: rows of type I
        I row = (I) kept[next];
        kept[next] = null;
        batch[next] = null;
        return output.join(row, scores, next++);
    }

    private Scores score() {
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
}
