package automl4j.learn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable matrix of features with one named column per feature, stored dense (row-major floats) or sparse
 * (compressed sparse rows holding the non-zero cells). This is what featurizers produce and learners consume; float
 * halves the memory of double and is what XGBoost works in anyway. The form is chosen by the featurizer (sparse for
 * wide text features) and is the same at training and prediction time; learners that accept sparse input read it
 * through {@link #rowStart}, {@link #indexes} and {@link #values} without densifying, the others through {@link #get}
 * and {@link #row}, which work for both forms.
 */
public final class FeatureMatrix {
    private final float[] data;       // dense form, else null
    private final int[] rowStart;     // sparse form: rows + 1 offsets into indexes/values, else null
    private final int[] indexes;
    private final float[] values;
    private final int rows;
    private final List<String> names;

    private FeatureMatrix(float[] data, int[] rowStart, int[] indexes, float[] values, int rows, List<String> names) {
        this.data = data;
        this.rowStart = rowStart;
        this.indexes = indexes;
        this.values = values;
        this.rows = rows;
        this.names = names;
    }

    /**
     * A dense matrix over a copy of {@code data} (row-major, {@code rows * names.size()} values).
     *
     * @throws IllegalArgumentException if the length does not match
     */
    public static FeatureMatrix of(float[] data, int rows, List<String> names) {
        return wrapOwned(Objects.requireNonNull(data, "data").clone(), rows, names);
    }

    /**
     * A dense matrix over {@code data} itself, without a copy: for producers that build a fresh array and hand it over;
     * the caller must not change it afterwards.
     *
     * @throws IllegalArgumentException if the length does not match
     */
    public static FeatureMatrix wrapOwned(float[] data, int rows, List<String> names) {
        Objects.requireNonNull(data, "data");
        List<String> copy = List.copyOf(names);
        if (rows < 0 || (long) rows * copy.size() != data.length) {
            throw new IllegalArgumentException("data must hold rows * columns = " + rows + " * " + copy.size()
                    + " values, but held " + data.length);
        }
        return new FeatureMatrix(data, null, null, null, rows, copy);
    }

    /**
     * A sparse matrix in compressed sparse row form, taking the arrays without a copy: row {@code r}'s non-zero cells
     * are {@code indexes[rowStart[r] .. rowStart[r + 1])} (columns, increasing) with {@code values} alongside.
     *
     * @throws IllegalArgumentException if the arrays are inconsistent or a column index is out of range or not increasing
     */
    public static FeatureMatrix sparse(int[] rowStart, int[] indexes, float[] values, List<String> names) {
        List<String> copy = List.copyOf(names);
        int rows = rowStart.length - 1;
        if (rows < 0 || rowStart[0] != 0 || rowStart[rows] != indexes.length || indexes.length != values.length) {
            throw new IllegalArgumentException("rowStart must start at 0 and end at the number of stored cells ("
                    + indexes.length + "), and indexes and values must be as long as each other");
        }
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                if (indexes[k] < 0 || indexes[k] >= copy.size() || (k > rowStart[r] && indexes[k] <= indexes[k - 1])) {
                    throw new IllegalArgumentException("row " + r + " has column index " + indexes[k]
                            + " out of range 0.." + (copy.size() - 1) + " or out of order");
                }
            }
        }
        return new FeatureMatrix(null, rowStart, indexes, values, rows, copy);
    }

    /** Wraps {@code data} without copying; the caller must not change it afterwards. */
    static FeatureMatrix wrap(float[] data, int rows, List<String> names) {
        return new FeatureMatrix(data, null, null, null, rows, List.copyOf(names));
    }

    /** A dense matrix built by a {@link Builder}. */
    public static Builder builder(int rows, List<String> names) {
        return new Builder(rows, names);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int columns() {
        return names.size();
    }

    /** Column names. */
    public List<String> names() {
        return names;
    }

    /** True if stored in compressed sparse row form. */
    public boolean isSparse() {
        return data == null;
    }

    /** Cells stored: rows × columns when dense, the non-zero cells when sparse. */
    public long storedCells() {
        return data != null ? data.length : values.length;
    }

    /** Bytes held by the matrix's arrays (an estimate of its memory, without object headers). */
    public long bytes() {
        return data != null ? 4L * data.length : 4L * rowStart.length + 8L * values.length;
    }

    /** The value at ({@code row}, {@code column}). */
    public float get(int row, int column) {
        if (data != null) {
            return data[row * names.size() + column];
        }
        int k = Arrays.binarySearch(indexes, rowStart[row], rowStart[row + 1], column);
        return k >= 0 ? values[k] : 0f;
    }

    /** A dense copy of one row. */
    public float[] row(int row) {
        int c = names.size();
        if (data != null) {
            return Arrays.copyOfRange(data, row * c, (row + 1) * c);
        }
        float[] out = new float[c];
        for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
            out[indexes[k]] = values[k];
        }
        return out;
    }

    /** A dense row-major copy of the values. */
    public float[] toArray() {
        if (data != null) {
            return data.clone();
        }
        int c = names.size();
        float[] out = new float[Math.multiplyExact(rows, c)];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                out[r * c + indexes[k]] = values[k];
            }
        }
        return out;
    }

    /**
     * Sparse form: offsets of each row's cells in {@link #indexes()} and {@link #values()} (rows + 1 entries; a copy).
     *
     * @throws IllegalStateException if the matrix is dense
     */
    public int[] rowStart() {
        requireSparse();
        return rowStart.clone();
    }

    /** Sparse form: column of each stored cell (a copy). */
    public int[] indexes() {
        requireSparse();
        return indexes.clone();
    }

    /** Sparse form: value of each stored cell (a copy). */
    public float[] values() {
        requireSparse();
        return values.clone();
    }

    private void requireSparse() {
        if (data != null) {
            throw new IllegalStateException("the matrix is dense; check isSparse() first");
        }
    }

    /** The given rows, in the given order, in the same form. */
    public FeatureMatrix select(int[] rowIndexes) {
        int c = names.size();
        if (data != null) {
            float[] out = new float[rowIndexes.length * c];
            for (int i = 0; i < rowIndexes.length; i++) {
                System.arraycopy(data, rowIndexes[i] * c, out, i * c, c);
            }
            return new FeatureMatrix(out, null, null, null, rowIndexes.length, names);
        }
        int[] start = new int[rowIndexes.length + 1];
        for (int i = 0; i < rowIndexes.length; i++) {
            int r = rowIndexes[i];
            start[i + 1] = start[i] + rowStart[r + 1] - rowStart[r];
        }
        int[] idx = new int[start[rowIndexes.length]];
        float[] val = new float[idx.length];
        for (int i = 0; i < rowIndexes.length; i++) {
            int r = rowIndexes[i];
            System.arraycopy(indexes, rowStart[r], idx, start[i], rowStart[r + 1] - rowStart[r]);
            System.arraycopy(values, rowStart[r], val, start[i], rowStart[r + 1] - rowStart[r]);
        }
        return new FeatureMatrix(null, start, idx, val, rowIndexes.length, names);
    }

    /** Fills a dense matrix cell by cell; {@link #build()} hands the array over without copying. */
    public static final class Builder {
        private final float[] data;
        private final int rows;
        private final List<String> names;

        private Builder(int rows, List<String> names) {
            this.rows = rows;
            this.names = List.copyOf(names);
            this.data = new float[Math.multiplyExact(rows, this.names.size())];
        }

        /** Sets one cell. */
        public Builder set(int row, int column, float value) {
            data[row * names.size() + column] = value;
            return this;
        }

        /** The finished matrix; the builder must not be used afterwards. */
        public FeatureMatrix build() {
            return wrap(data, rows, names);
        }
    }
}
