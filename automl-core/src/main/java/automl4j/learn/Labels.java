package automl4j.learn;

import java.util.Arrays;

/** An immutable vector of target values: class indexes (as doubles) or regression values. */
public final class Labels {
    private final double[] values;

    private Labels(double[] values) {
        this.values = values;
    }

    /** Labels over a copy of {@code values}. */
    public static Labels of(double[] values) {
        return new Labels(values.clone());
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    /** The value at {@code i}. */
    public double get(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public double[] toArray() {
        return values.clone();
    }

    /** The values at the given indexes. */
    public Labels select(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new Labels(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Labels[" + values.length + "]";
    }
}
