package automl4j.explain;

import java.util.List;
import java.util.Objects;

/**
 * SHAP values of some rows: for each row, feature and output, that feature's share of the difference between the
 * output and the base value (the output expected when no feature is known). Per row and output the values add up to
 * the output minus the base value. {@link #space()} says what the outputs are (for example {@code probability} or
 * {@code log-odds}); the values are in the same units.
 */
public final class ShapValues {
    private final List<String> features;
    private final List<String> outputs;
    private final String space;
    private final double[] base;
    private final double[][][] values;   // [row][feature][output]

    /**
     * Values over the given arrays, which are copied.
     *
     * @param features names of the features (or raw columns) explained
     * @param outputs  names of the outputs (class names, or {@code value})
     * @param space    what the outputs are, such as {@code probability}, {@code log-odds} or {@code value}
     * @param base     base value of each output
     * @param values   {@code [row][feature][output]}
     * @throws IllegalArgumentException if the shapes disagree
     */
    public ShapValues(List<String> features, List<String> outputs, String space, double[] base, double[][][] values) {
        this(features, outputs, space, base.clone(), deepCopy(values), true);
    }

    /** Takes {@code base} and {@code values} as they are: for arrays made here, which nobody else holds. */
    private ShapValues(List<String> features, List<String> outputs, String space, double[] base, double[][][] values, boolean owned) {
        this.features = List.copyOf(features);
        this.outputs = List.copyOf(outputs);
        this.space = Objects.requireNonNull(space, "space");
        if (base.length != this.outputs.size()) {
            throw new IllegalArgumentException("base has " + base.length + " values but there are " + this.outputs.size() + " outputs");
        }
        this.base = base;
        this.values = values;
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != this.features.size()) {
                throw new IllegalArgumentException("row " + r + " has values for " + values[r].length + " features, but there are "
                        + this.features.size());
            }
            for (int f = 0; f < values[r].length; f++) {
                if (values[r][f].length != base.length) {
                    throw new IllegalArgumentException("row " + r + " feature " + f + " has " + values[r][f].length
                            + " outputs, but there are " + base.length);
                }
            }
        }
    }

    private static double[][][] deepCopy(double[][][] values) {
        double[][][] out = new double[values.length][][];
        for (int r = 0; r < values.length; r++) {
            out[r] = new double[values[r].length][];
            for (int f = 0; f < values[r].length; f++) {
                out[r][f] = values[r][f].clone();
            }
        }
        return out;
    }

    /** Names of the features explained. */
    public List<String> features() {
        return features;
    }

    /** Names of the outputs explained. */
    public List<String> outputs() {
        return outputs;
    }

    /** What the outputs are: {@code probability}, {@code log-odds}, {@code margin} or {@code value}. */
    public String space() {
        return space;
    }

    /** Number of rows explained. */
    public int rows() {
        return values.length;
    }

    /** The base value of {@code output}. */
    public double base(int output) {
        return base[output];
    }

    /** The value of {@code feature} for {@code output} in {@code row}. */
    public double value(int row, int feature, int output) {
        return values[row][feature][output];
    }

    /** The output these values explain for {@code row}: the base value plus the row's values. */
    public double output(int row, int output) {
        double sum = base[output];
        for (double[] f : values[row]) {
            sum += f[output];
        }
        return sum;
    }

    /** Mean absolute value of each feature over the rows, for {@code output}: the usual SHAP summary of importance. */
    public double[] meanAbsolute(int output) {
        double[] out = new double[features.size()];
        for (double[][] row : values) {
            for (int f = 0; f < out.length; f++) {
                out[f] += Math.abs(row[f][output]);
            }
        }
        for (int f = 0; f < out.length; f++) {
            out[f] /= Math.max(1, values.length);
        }
        return out;
    }

    /**
     * The values summed into groups, such as the engineered features of each raw input column: a one-hot column's
     * levels, a date's parts, a text's terms. SHAP values add, so a group's value is exactly the sum of its members'.
     *
     * @param groups  names of the groups
     * @param groupOf the group of each feature
     * @throws IllegalArgumentException if {@code groupOf} does not name a group for every feature
     */
    public ShapValues grouped(List<String> groups, int[] groupOf) {
        if (groupOf.length != features.size()) {
            throw new IllegalArgumentException("groupOf has " + groupOf.length + " entries for " + features.size() + " features");
        }
        double[][][] out = new double[values.length][groups.size()][base.length];
        for (int r = 0; r < values.length; r++) {
            for (int f = 0; f < groupOf.length; f++) {
                if (groupOf[f] < 0 || groupOf[f] >= groups.size()) {
                    throw new IllegalArgumentException("feature " + features.get(f) + " is put in group " + groupOf[f]
                            + ", but there are " + groups.size() + " groups");
                }
                for (int k = 0; k < base.length; k++) {
                    out[r][groupOf[f]][k] += values[r][f][k];
                }
            }
        }
        return new ShapValues(groups, outputs, space, base.clone(), out, true);
    }

    /**
     * The values of {@code scale * output + shift[k]}: an affine change of the outputs (a standardized target turned
     * back into its units, a smoothing of probabilities) scales the values and moves the base value.
     */
    public ShapValues affine(double scale, double[] shift) {
        if (shift.length != base.length) {
            throw new IllegalArgumentException("shift has " + shift.length + " values but there are " + base.length + " outputs");
        }
        double[] b = new double[base.length];
        for (int k = 0; k < b.length; k++) {
            b[k] = scale * base[k] + shift[k];
        }
        double[][][] out = new double[values.length][features.size()][base.length];
        for (int r = 0; r < values.length; r++) {
            for (int f = 0; f < features.size(); f++) {
                for (int k = 0; k < base.length; k++) {
                    out[r][f][k] = scale * values[r][f][k];
                }
            }
        }
        return new ShapValues(features, outputs, space, b, out, true);
    }
}
