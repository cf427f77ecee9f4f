package automl4j.scoring;

/**
 * Combines the members' flat predictions of one row as the engine's {@code Pipeline} does: a single unstacked member
 * as it is, otherwise a weighted sum, or a stacked ensemble's level-2 model ({@code automl4j.pipeline.Stack}). The
 * arithmetic and its order are the engine's, so the result is the same to the last bit.
 */
final class Combiner {
    /** The stack's clip of member probabilities before their log (the engine's {@code Stack.CLIP}). */
    private static final double CLIP = 1e-15;

    private final double[] weights;
    private final Manifest.Stack stack;
    private final int width;

    /**
     * @param weights the members' weights, in manifest order
     * @param stack   the level-2 model, or null for a weighted sum
     * @param width   numbers per row: the class count, or 1 for regression
     */
    Combiner(double[] weights, Manifest.Stack stack, int width) {
        this.weights = weights.clone();
        this.stack = stack;
        this.width = width;
    }

    /** The pipeline's flat prediction from each member's ({@code flat[m]}, {@code width} numbers). */
    double[] combine(double[][] flat) {
        if (flat.length == 1 && stack == null) {
            return flat[0];
        }
        return stack == null ? weightedSum(flat) : stacked(flat);
    }

    private double[] weightedSum(double[][] flat) {
        double[] sum = new double[width];
        for (int k = 0; k < flat.length; k++) {
            for (int i = 0; i < width; i++) {
                sum[i] += weights[k] * flat[k][i];
            }
        }
        return sum;
    }

    private double[] stacked(double[][] flat) {
        double[] out = new double[width];
        if (width == 1) {
            double v = 0;
            for (int m = 0; m < flat.length; m++) {
                v += weights[m] * flat[m][0];
            }
            out[0] = stack.bias().get(0) + stack.scale() * v;
            return out;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < width; c++) {
            double z = 0;
            for (int m = 0; m < flat.length; m++) {
                z += weights[m] * Math.log(Math.max(CLIP, flat[m][c]));
            }
            z = stack.bias().get(c) + stack.scale() * z;
            out[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < width; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < width; c++) {
            out[c] /= sum;
        }
        return out;
    }
}
