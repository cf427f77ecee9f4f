package automl4j.spark.refit;

import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import automl4j.spark.data.SparkTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One partition's rows featurized by the sample's fitted featurizer and labelled as the engine labels them, gathered
 * for one XGBoost matrix. Rows go through the featurizer in batches of {@value #BATCH_ROWS}, so the partition is never a
 * Tablesaw table whole: the task holds the features (floats) and one batch. Rows without a target are skipped, as the
 * sample skipped them. Dense features stay dense (NaN missing, as the learner's own matrices); sparse ones are kept in
 * CSR form.
 */
final class PartitionFeatures {
    /** Rows per batch through the featurizer: large enough that the per-table cost vanishes, small next to the heap. */
    static final int BATCH_ROWS = 8192;

    private final FittedTransform transform;
    private final Target target;
    private final StructType schema;
    private final List<String> columns;
    private final int width;
    private float[] dense = new float[0];
    private long[] rowStart = {0};
    private int[] indexes = new int[0];
    private float[] values = new float[0];
    private Boolean sparse;
    private double[] labels = new double[0];
    private int rows;
    private long stored;

    /**
     * Features of rows of {@code schema} through {@code transform}, labels of {@code target}'s column.
     *
     * @throws IllegalArgumentException if a column the featurizer reads, or the target, is not in the schema
     */
    PartitionFeatures(FittedTransform transform, Target target, StructType schema) {
        this.transform = transform;
        this.target = target;
        this.schema = schema;
        List<String> cols = new ArrayList<>(transform.inputColumns());
        if (!cols.contains(target.name())) {
            cols.add(target.name());
        }
        this.columns = List.copyOf(cols);
        this.width = transform.featureNames().size();
        List<String> names = Arrays.asList(schema.fieldNames());
        for (String c : columns) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' that the model reads is not in the rows; they have " + names);
            }
        }
    }

    /** Featurizes and labels every row of {@code partition}. */
    PartitionFeatures addAll(Iterator<Row> partition) {
        return addAll(partition, null, 0);
    }

    /**
     * Featurizes and labels the rows of {@code partition}, every {@code period}-th of them (the partition's rows
     * {@code period - 1}, {@code 2 * period - 1}, ...) into {@code holdout} instead when {@code period > 0}.
     */
    PartitionFeatures addAll(Iterator<Row> partition, PartitionFeatures holdout, int period) {
        List<Row> batch = new ArrayList<>(BATCH_ROWS);
        List<Row> held = new ArrayList<>(BATCH_ROWS);
        long index = 0;
        while (partition.hasNext()) {
            Row row = partition.next();
            if (period > 0 && ++index % period == 0) {
                held.add(row);
                if (held.size() == BATCH_ROWS) {
                    holdout.add(held);
                    held.clear();
                }
                continue;
            }
            batch.add(row);
            if (batch.size() == BATCH_ROWS) {
                add(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            add(batch);
        }
        if (!held.isEmpty()) {
            holdout.add(held);
        }
        return this;
    }

    private void add(List<Row> batch) {
        Table table = SparkTables.toTable(batch, schema, columns, "partition");
        Column<?> y = table.column(target.name());
        int[] labelled = java.util.stream.IntStream.range(0, table.rowCount()).filter(i -> !y.isMissing(i)).toArray();
        if (labelled.length == 0) {
            return;
        }
        double[] encoded = target.task().encode(y, labelled, "partition");
        FeatureMatrix x = transform.transform(table, labelled);
        if (sparse == null) {
            sparse = x.isSparse();
        }
        labels = grow(labels, rows + labelled.length);
        System.arraycopy(encoded, 0, labels, rows, encoded.length);
        if (sparse) {
            appendSparse(x);
        } else {
            float[] cells = x.toArray();
            dense = grow(dense, Math.multiplyExact(rows + labelled.length, width));
            System.arraycopy(cells, 0, dense, rows * width, cells.length);
        }
        rows += labelled.length;
    }

    // A dense batch after sparse ones (or the other way) cannot happen: one transform makes one kind of matrix.
    private void appendSparse(FeatureMatrix x) {
        if (!x.isSparse()) {
            throw new IllegalStateException("featurizer '" + transform.featurizerId() + "' made dense and sparse batches");
        }
        int[] start = x.rowStart();
        int n = start[start.length - 1];
        indexes = grow(indexes, Math.toIntExact(stored + n));
        values = grow(values, Math.toIntExact(stored + n));
        System.arraycopy(x.indexes(), 0, indexes, (int) stored, n);
        System.arraycopy(x.values(), 0, values, (int) stored, n);
        long[] grown = Arrays.copyOf(rowStart, rows + start.length);
        for (int i = 1; i < start.length; i++) {
            grown[rows + i] = stored + start[i];
        }
        rowStart = grown;
        stored += n;
    }

    /** Labelled rows gathered. */
    int rows() {
        return rows;
    }

    /** Features per row. */
    int width() {
        return width;
    }

    /**
     * The rows as an XGBoost matrix with their labels; the caller disposes of it. Gives up this object's arrays (the
     * matrix holds a native copy), so that the task's heap does not keep the features during training: call it last.
     */
    DMatrix matrix() throws XGBoostError {
        DMatrix m = Boolean.TRUE.equals(sparse)
                ? new DMatrix(Arrays.copyOf(rowStart, rows + 1), Arrays.copyOf(indexes, (int) stored),
                        Arrays.copyOf(values, (int) stored), DMatrix.SparseType.CSR, width)
                : new DMatrix(Arrays.copyOf(dense, rows * width), rows, width, Float.NaN);
        dense = new float[0];
        rowStart = new long[] {0};
        indexes = new int[0];
        values = new float[0];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = (float) labels[i];
        }
        labels = new double[0];
        m.setLabel(y);
        return m;
    }

    /**
     * The count, mean and sum of squared deviations of the labels ({@code {n, mean, m2}}), which tasks combine into the
     * moments of all rows without the cancellation of a sum of squares.
     */
    double[] labelMoments() {
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < rows; i++) {
            double d = labels[i] - mean;
            mean += d / (i + 1);
            m2 += d * (labels[i] - mean);
        }
        return new double[] {rows, mean, m2};
    }

    /** Replaces the labels by {@code (y - mean) / sd}, as the learner standardizes a regression's target. */
    void standardize(double mean, double sd) {
        for (int i = 0; i < rows; i++) {
            labels[i] = (labels[i] - mean) / sd;
        }
    }

    // Doubling, so that appending n rows copies O(n) cells in all.
    private static float[] grow(float[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, (int) Math.min(Integer.MAX_VALUE - 8, 2L * a.length)));
    }

    private static double[] grow(double[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, (int) Math.min(Integer.MAX_VALUE - 8, 2L * a.length)));
    }

    private static int[] grow(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, (int) Math.min(Integer.MAX_VALUE - 8, 2L * a.length)));
    }
}
