package automl4j.learners.tribuo;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.explain.ExactShap;
import automl4j.explain.ShapValues;
import automl4j.explain.TreeShap;
import automl4j.learn.FeatureMatrix;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Model;

/**
 * A Tribuo tree ensemble ({@code tribuo-extra-trees}) whose SHAP values are exact: TreeSHAP ({@link TreeShap}) over
 * its trees, in its own output space. The ensemble averages its trees' leaf class distributions (weighted by the
 * ensemble's weights), then mixes in one uniform vote, so the values are in {@code probability} space; a regression
 * ensemble averages its trees' values on the standardized target, mapped back to the target's units ({@code value}).
 * Both are affine maps of the sum of the trees, which scale the values and move the base value.
 *
 * <p>Tribuo's trees keep no count of the training rows at each node, so the covers that TreeSHAP weighs the branches
 * by are counted from the background rows passed to {@link #shap}: the values are those of the game
 * {@code E[f(x) | x_S]} under the background's distribution along each tree's paths.
 */
final class TribuoTreeModel extends TribuoModel implements ExactShap {
    private final float[] weights;

    /** A model of an ensemble whose output is the {@code weights}-weighted mean of its trees' outputs. */
    TribuoTreeModel(String learnerId, Model<?> model, Target target, double mean, double std, int smoothingTrees,
                    float[] weights) {
        super(learnerId, model, target, mean, std, smoothingTrees);
        this.weights = weights.clone();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code background} is empty or the rows and background differ in columns
     */
    @Override
    public ShapValues shap(FeatureMatrix rows, FeatureMatrix background) {
        if (background.rows() == 0 || background.columns() != rows.columns()) {
            throw new IllegalArgumentException(learnerId() + " needs background rows of the rows' " + rows.columns()
                    + " columns to count its trees' covers, but got " + background.rows() + " rows of " + background.columns());
        }
        TribuoTrees trees = TribuoTrees.read(model(), weights, target(), background);
        double[] base = TreeShap.baseValue(trees.trees());
        double[][][] values = new double[rows.rows()][][];
        double[] x = new double[rows.columns()];
        for (int r = 0; r < rows.rows(); r++) {
            float[] row = rows.row(r);
            for (int f = 0; f < row.length; f++) {
                x[f] = row[f];
            }
            values[r] = TreeShap.values(trees.trees(), x, rows.columns());
        }
        boolean classification = target().task() instanceof Classification;
        int outputs = base.length;
        // The output is the trees' weighted sum over the total weight; then, for classes, one uniform vote among
        // smoothingTrees votes, p' = (p T + 1/K) / (T + 1); for regression, the standardized value in target units.
        double scale = 1.0 / trees.totalWeight();
        double[] shift = new double[outputs];
        if (classification && smoothingTrees() > 0) {
            int t = smoothingTrees();
            scale *= (double) t / (t + 1);
            Arrays.fill(shift, 1.0 / outputs / (t + 1));
        } else if (!classification) {
            scale *= std();
            shift[0] = mean();
        }
        List<String> names = classification ? target().classes() : List.of("value");
        return new ShapValues(rows.names(), names, classification ? "probability" : "value", base, values)
                .affine(scale, shift);
    }
}
