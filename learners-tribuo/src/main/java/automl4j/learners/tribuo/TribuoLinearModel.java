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
        double[] mean = new double[p];
        for (int i = 0; i < background.rows(); i++) {
            float[] row = background.row(i);
            for (int c = 0; c < p; c++) {
                mean[c] += row[c];
            }
        }
        for (int c = 0; c < p; c++) {
            mean[c] /= background.rows();
        }
        int outputs = weights.outputs().size();
        double[] base = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            base[k] = weights.bias(k);
            for (int c = 0; c < p; c++) {
                base[k] += weights.weight(k, c) * mean[c];
            }
        }
        double[][][] values = new double[rows.rows()][p][outputs];
        for (int i = 0; i < rows.rows(); i++) {
            float[] row = rows.row(i);
            for (int c = 0; c < p; c++) {
                for (int k = 0; k < outputs; k++) {
                    values[i][c][k] = weights.weight(k, c) * (row[c] - mean[c]);
                }
            }
        }
        ShapValues shap = new ShapValues(rows.names(), weights.outputs(), weights.space(), base, values);
        // Regression models learn the standardized target: the value is mean + std * output.
        return weights.space().equals("value") ? shap.affine(std(), new double[] {mean()}) : shap;
    }
}
