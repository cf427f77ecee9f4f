package automl4j.scoring;

import java.util.AbstractList;
import java.util.List;

/** The predictions of a batch of rows, in row order. Immutable. */
public final class BatchPredictions extends AbstractList<Prediction> {
    private final Prediction[] rows;

    BatchPredictions(Prediction[] rows) {
        this.rows = rows;
    }

    /** The prediction of row {@code index}. */
    @Override
    public Prediction get(int index) {
        return rows[index];
    }

    /** The number of rows. */
    @Override
    public int size() {
        return rows.length;
    }

    /** The predicted labels, one per row (regression values as text). */
    public List<String> labels() {
        return stream().map(Prediction::label).toList();
    }

    /** The predicted values of a regression model, one per row. @throws IllegalStateException for classification */
    public double[] values() {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].value();
        }
        return out;
    }
}
