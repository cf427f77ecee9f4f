package automl4j.pipeline;

import java.util.List;

/**
 * A level-2 model over the members of a stacked ensemble, fitted on their out-of-fold validation predictions
 * (stacking, as H2O's Stacked Ensemble and AutoGluon do). With the members' weights {@code a_m} (summing to one) it
 * predicts, for classification, {@code softmax_c(bias_c + scale * sum_m a_m log p_mc)}: a weighted geometric pool of
 * the members' probabilities whose sharpness ({@code scale}) and class offsets ({@code bias}) are fitted, so that it
 * can also recalibrate; for regression {@code bias_0 + scale * sum_m a_m v_m}, a non-negative linear blend with an
 * intercept. With {@code scale} 1 and no bias a weighted average of values is the same as Caruana's.
 *
 * @param scale the sum of the level-2 model's non-negative member weights
 * @param bias  one offset per class (classification) or the intercept (regression)
 */
public record Stack(double scale, List<Double> bias) {
    /** Probabilities are clipped here before their logarithm, as the log loss clips them. */
    static final double CLIP = 1e-15;

    /**
     * Checks the parameters.
     *
     * @throws IllegalArgumentException if {@code scale} is negative or not finite, or a bias is not finite
     */
    public Stack {
        bias = List.copyOf(bias);
        if (!(scale >= 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("a stack's scale must be a finite number >= 0, but was " + scale);
        }
        if (bias.isEmpty() || bias.stream().anyMatch(b -> !Double.isFinite(b))) {
            throw new IllegalArgumentException("a stack needs one finite bias per class (or one intercept), but has " + bias);
        }
    }

    /**
     * The stacked prediction, flat as {@link automl4j.learn.Predictions#toFlat} lays it out, of members whose flat
     * predictions are {@code flat[m]} with weights {@code weights[m]} (summing to one).
     *
     * @param width the prediction width: the number of classes, or 1 for regression
     */
    public double[] combine(double[][] flat, double[] weights, int width) {
        int length = flat[0].length;
        double[] out = new double[length];
        if (width == 1) {
            for (int i = 0; i < length; i++) {
                double v = 0;
                for (int m = 0; m < flat.length; m++) {
                    v += weights[m] * flat[m][i];
                }
                out[i] = bias.get(0) + scale * v;
            }
            return out;
        }
        for (int row = 0; row < length; row += width) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < width; c++) {
                double z = 0;
                for (int m = 0; m < flat.length; m++) {
                    z += weights[m] * Math.log(Math.max(CLIP, flat[m][row + c]));
                }
                z = bias.get(c) + scale * z;
                out[row + c] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < width; c++) {
                out[row + c] = Math.exp(out[row + c] - max);
                sum += out[row + c];
            }
            for (int c = 0; c < width; c++) {
                out[row + c] /= sum;
            }
        }
        return out;
    }
}
