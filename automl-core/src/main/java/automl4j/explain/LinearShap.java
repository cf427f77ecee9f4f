package automl4j.explain;

import automl4j.learn.FeatureMatrix;
import java.util.List;

/**
 * Exact SHAP values of a linear model, {@code w_kc (x_c - mean_c)} for output {@code k} and feature {@code c}, with the
 * means of the background rows (interventional SHAP: the features are treated as independent), and the base
 * {@code b_k + sum_c w_kc mean_c}. Shared by every learner whose model is linear in some output space.
 */
public final class LinearShap {
    private LinearShap() {
    }

    /**
     * The values of {@code rows}.
     *
     * @param weights {@code weights[k][c]}: output {@code k}'s weight of feature {@code c}; outputs beyond
     *                {@code weights.length} (a reference class whose score is 0) get zero values and base
     * @param bias    each weighted output's intercept
     * @param outputs the outputs' names (at least {@code weights.length})
     * @param space   what the outputs are, such as {@code log-odds}
     * @throws IllegalArgumentException if the background is empty or the rows or background have other than the
     *                                  weights' features
     */
    public static ShapValues of(FeatureMatrix rows, FeatureMatrix background, double[][] weights, double[] bias,
                                List<String> outputs, String space) {
        int p = weights.length == 0 ? 0 : weights[0].length;
        if (background.rows() == 0 || rows.columns() != p || background.columns() != p) {
            throw new IllegalArgumentException("a linear model of " + p + " features needs rows and background rows of them, but got rows of "
                    + rows.columns() + " and " + background.rows() + " background rows of " + background.columns());
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
        double[] base = new double[outputs.size()];
        for (int k = 0; k < weights.length; k++) {
            base[k] = bias[k];
            for (int c = 0; c < p; c++) {
                base[k] += weights[k][c] * mean[c];
            }
        }
        double[][][] values = new double[rows.rows()][p][outputs.size()];
        for (int i = 0; i < rows.rows(); i++) {
            float[] row = rows.row(i);
            for (int c = 0; c < p; c++) {
                for (int k = 0; k < weights.length; k++) {
                    values[i][c][k] = weights[k][c] * (row[c] - mean[c]);
                }
            }
        }
        return new ShapValues(rows.names(), outputs, space, base, values);
    }
}
