package automl4j.learners.tribuo;

import automl4j.data.Target;
import automl4j.explain.ExactShap;
import automl4j.explain.ShapValues;
import automl4j.learn.FeatureMatrix;
import org.tribuo.Model;

/**
 * A Tribuo linear model ({@code tribuo-linear-sgd}, {@code tribuo-liblinear}) whose SHAP values are exact in the space
 * where it is linear ({@link TribuoLinearWeights}): with the features taken as independent, column {@code j} of a row
 * gets {@code w_j (x_j - mean_j)}, the mean over the background rows, and the base value is the output at the means,
 * as for {@code smile-logistic}. Spaces: {@code log-odds} of the second class (binary), {@code margin}, the softmax
 * score of every class ({@code tribuo-linear-sgd} multiclass), or the {@code value} in target units (regression).
 */
final class TribuoLinearModel extends TribuoModel implements ExactShap {
    private final TribuoLinearWeights weights;

    TribuoLinearModel(String learnerId, Model<?> model, Target target, double mean, double std, TribuoLinearWeights weights) {
        super(learnerId, model, target, mean, std, 0);
        this.weights = weights;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code background} is empty, or the rows or background have fewer columns
     *                                  than the model reads, or differ in columns
     */
    @Override
    public ShapValues shap(FeatureMatrix rows, FeatureMatrix background) {
        int p = rows.columns();
        if (background.rows() == 0 || background.columns() != p || p < weights.columns()) {
            throw new IllegalArgumentException(learnerId() + " reads " + weights.columns() + " columns and needs background rows"
                    + " of the rows' columns, but got rows of " + p + " and " + background.rows() + " background rows of "
                    + background.columns());
        }
        int outputs = weights.outputs().size();
        double[][] w = new double[outputs][p];
        double[] bias = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            bias[o] = weights.bias(o);
            for (int c = 0; c < p; c++) {
                w[o][c] = weights.weight(o, c);
            }
        }
        ShapValues shap = automl4j.explain.LinearShap.of(rows, background, w, bias, weights.outputs(), weights.space());
        // Regression models learn the standardized target: the value is mean + std * output.
        return weights.space().equals("value") ? shap.affine(std(), new double[] {mean()}) : shap;
    }
}
