package automl4j.learn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dense, immutable matrix of features: row-major floats, one named column per feature. This is what featurizers
 * produce and learners consume; float halves the memory of double and is what XGBoost works in anyway.
 */
public final class FeatureMatrix {
    private final float[] data;
    private final int rows;
    private final List<String> names;

    private FeatureMatrix(float[] data, int rows, List<String> names) {
        this.data = data;
        this.rows = rows;
        this.names = names;
    }

    /**
     * A matrix over a copy of {@code data} (row-major, {@code rows * names.size()} values).
     *
     * @throws IllegalArgumentException if the length does not match
     */
    public static FeatureMatrix of(float[] data, int rows, List<String> names) {
        Objects.requireNonNull(data, "data");
        List<String> copy = List.copyOf(names);
        if (rows < 0 || (long) rows * copy.size() != data.length) {
            throw new IllegalArgumentException("data must hold rows * columns = " + rows + " * " + copy.size()
                    + " values, but held " + data.length);
        }
        return new FeatureMatrix(data.clone(), rows, copy);
    }

    /**
     * A matrix over {@code data} itself, without a copy: for producers that build a fresh array and hand it over; the
     * caller must not change it afterwards.
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
        return new FeatureMatrix(data, rows, copy);
    }

    /** Wraps {@code data} without copying; the caller must not change it afterwards. */
    static FeatureMatrix wrap(float[] data, int rows, List<String> names) {
        return new FeatureMatrix(data, rows, List.copyOf(names));
    }

    /** A matrix built by a {@link Builder}. */
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

    /** The value at ({@code row}, {@code column}). */
    public float get(int row, int column) {
        return data[row * names.size() + column];
    }

    /** A copy of one row. */
    public float[] row(int row) {
        int c = names.size();
        return Arrays.copyOfRange(data, row * c, (row + 1) * c);
    }

    /** A copy of the row-major values. */
    public float[] toArray() {
        return data.clone();
    }

    /** The given rows, in the given order. */
    public FeatureMatrix select(int[] rowIndexes) {
        int c = names.size();
        float[] out = new float[rowIndexes.length * c];
        for (int i = 0; i < rowIndexes.length; i++) {
            System.arraycopy(data, rowIndexes[i] * c, out, i * c, c);
        }
        return new FeatureMatrix(out, rowIndexes.length, names);
    }

    /** Fills a matrix column by column or cell by cell; {@link #build()} hands the array over without copying. */
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
