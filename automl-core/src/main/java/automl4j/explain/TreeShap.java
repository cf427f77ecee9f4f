package automl4j.explain;

import java.util.List;

/**
 * Exact SHAP values of tree models in polynomial time: Algorithm 2 of Lundberg, Erion and Lee, "Consistent
 * individualized feature attribution for tree ensembles" (2018), written here from the paper. It gives the Shapley
 * values of the game {@code v(S) = E[f(x) | x_S]}, where the expectation over the features outside {@code S} follows
 * the training weight (cover) of each branch, in time proportional to leaves times depth squared per row and tree.
 *
 * <p>Why our own: XGBoost and LightGBM compute these values natively and are asked to, but Smile's and Tribuo's trees
 * (and the trees of an exported file, read without those libraries) have no implementation on the JVM.
 *
 * <p>Each internal node's two children share its rows in proportion to their covers, normalized by the sum of the
 * two (so covers that do not add up, or a node no training row reached, still give fractions that sum to 1); the base
 * value is the expectation under the same fractions, so the values of a row always add up to its prediction minus the
 * base value (local accuracy).
 */
public final class TreeShap {
    private TreeShap() {
    }

    /**
     * The expected output of {@code trees} summed: what the model predicts when no feature is known.
     *
     * @return one value per output
     */
    public static double[] baseValue(List<ShapTree> trees) {
        int outputs = outputsOf(trees);
        double[] base = new double[outputs];
        for (ShapTree tree : trees) {
            expectation(tree, 0, 1.0, base);
        }
        return base;
    }

    /**
     * SHAP values of one row for the sum of {@code trees}.
     *
     * @param features number of features (the row's length is at least this)
     * @return {@code [feature][output]}; per output, the values sum to the trees' summed prediction minus
     *         {@link #baseValue}
     * @throws IllegalArgumentException if the trees differ in outputs or split on a feature the row lacks
     */
    public static double[][] values(List<ShapTree> trees, double[] row, int features) {
        int outputs = outputsOf(trees);
        double[][] phi = new double[features][outputs];
        for (ShapTree tree : trees) {
            if (tree.maxFeature() >= Math.min(features, row.length)) {
                throw new IllegalArgumentException("a tree splits on feature " + tree.maxFeature() + ", but rows have "
                        + Math.min(features, row.length) + " features");
            }
            int maxDepth = tree.depth() + 2;
            new Walk(tree, row, phi, maxDepth).recurse(0, 0, 1.0, 1.0, -1, 0);
        }
        return phi;
    }

    private static int outputsOf(List<ShapTree> trees) {
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("no trees to explain");
        }
        int outputs = trees.get(0).outputs();
        for (ShapTree t : trees) {
            if (t.outputs() != outputs) {
                throw new IllegalArgumentException("trees differ in outputs: " + outputs + " and " + t.outputs());
            }
        }
        return outputs;
    }

    private static void expectation(ShapTree tree, int node, double weight, double[] out) {
        if (tree.isLeaf(node)) {
            for (int k = 0; k < out.length; k++) {
                out[k] += weight * tree.value(node, k);
            }
            return;
        }
        expectation(tree, tree.left(node), weight * fraction(tree, node, tree.left(node)), out);
        expectation(tree, tree.right(node), weight * fraction(tree, node, tree.right(node)), out);
    }

    /** The share of {@code node}'s rows that go to {@code child}. */
    static double fraction(ShapTree tree, int node, int child) {
        double total = tree.cover(tree.left(node)) + tree.cover(tree.right(node));
        return total > 0 ? tree.cover(child) / total : 0.5;
    }

    /**
     * One row's walk down one tree. The path of unique features from the root is kept in flat arrays, one segment per
     * depth (segment {@code d} starts at {@code d * (d + 1) / 2}), so that each level extends a copy of its parent's
     * path and the parent's stays intact for the other child.
     */
    private static final class Walk {
        private final ShapTree tree;
        private final double[] row;
        private final double[][] phi;
        private final int[] feature;      // the feature of each path element
        private final double[] zero;      // share of rows that follow the path when the feature is unknown
        private final double[] one;       // 1 if the row itself follows the path, else 0
        private final double[] weight;    // share of the subsets of each size, as the paper's w

        Walk(ShapTree tree, double[] row, double[][] phi, int maxDepth) {
            this.tree = tree;
            this.row = row;
            this.phi = phi;
            int size = (maxDepth + 1) * (maxDepth + 2) / 2;
            feature = new int[size];
            zero = new double[size];
            one = new double[size];
            weight = new double[size];
        }

        /**
         * @param node        the node reached
         * @param start       where this depth's path segment starts
         * @param length      elements in the parent's path (this call adds one)
         * @param zeroShare   share of rows that come here when the splitting feature is unknown
         * @param oneShare    1 if the row comes here, else 0
         * @param splitFeature the feature of the split that led here, -1 at the root
         */
        void recurse(int node, int length, double zeroShare, double oneShare, int splitFeature, int start) {
            if (zeroShare == 0 && oneShare == 0) {
                // A branch neither the row nor any training row takes (a child with no cover): it adds nothing, and
                // unwinding its element would divide by its zero share.
                return;
            }
            int here = start + length;   // this call's segment follows the parent's, which has `length` elements
            if (length > 0) {
                System.arraycopy(feature, start, feature, here, length);
                System.arraycopy(zero, start, zero, here, length);
                System.arraycopy(one, start, one, here, length);
                System.arraycopy(weight, start, weight, here, length);
            }
            extend(here, length, zeroShare, oneShare, splitFeature);
            int pathLength = length + 1;   // elements in this call's path, the root's placeholder included
            if (tree.isLeaf(node)) {
                for (int i = 1; i < pathLength; i++) {
                    double w = unwoundSum(here, pathLength - 1, i);
                    double scale = w * (one[here + i] - zero[here + i]);
                    double[] out = phi[feature[here + i]];
                    for (int k = 0; k < out.length; k++) {
                        out[k] += scale * tree.value(node, k);
                    }
                }
                return;
            }
            int split = tree.feature(node);
            int hot = tree.next(node, row);
            int cold = hot == tree.left(node) ? tree.right(node) : tree.left(node);
            double incomingZero = 1;
            double incomingOne = 1;
            int k = 1;
            while (k < pathLength && feature[here + k] != split) {
                k++;
            }
            if (k < pathLength) {
                // The feature was split on above: undo its element, and carry its shares into the new one.
                incomingZero = zero[here + k];
                incomingOne = one[here + k];
                unwind(here, pathLength - 1, k);
                pathLength--;
            }
            recurse(hot, pathLength, incomingZero * fraction(tree, node, hot), incomingOne, split, here);
            recurse(cold, pathLength, incomingZero * fraction(tree, node, cold), 0, split, here);
        }

        /** Adds an element to the path in segment {@code at}, which holds {@code length} elements. */
        private void extend(int at, int length, double zeroShare, double oneShare, int f) {
            feature[at + length] = f;
            zero[at + length] = zeroShare;
            one[at + length] = oneShare;
            weight[at + length] = length == 0 ? 1 : 0;
            for (int i = length - 1; i >= 0; i--) {
                weight[at + i + 1] += oneShare * weight[at + i] * (i + 1) / (length + 1);
                weight[at + i] = zeroShare * weight[at + i] * (length - i) / (length + 1);
            }
        }

        /** Removes element {@code i} from the path in segment {@code at}, whose last element is {@code last}. */
        private void unwind(int at, int last, int i) {
            double oneShare = one[at + i];
            double zeroShare = zero[at + i];
            double next = weight[at + last];
            for (int j = last - 1; j >= 0; j--) {
                if (oneShare != 0) {
                    double t = weight[at + j];
                    weight[at + j] = next * (last + 1) / ((j + 1) * oneShare);
                    next = t - weight[at + j] * zeroShare * (last - j) / (last + 1);
                } else {
                    weight[at + j] = weight[at + j] * (last + 1) / (zeroShare * (last - j));
                }
            }
            for (int j = i; j < last; j++) {
                feature[at + j] = feature[at + j + 1];
                zero[at + j] = zero[at + j + 1];
                one[at + j] = one[at + j + 1];
            }
        }

        /** The total weight of the path in segment {@code at} if element {@code i} were unwound, leaving it as is. */
        private double unwoundSum(int at, int last, int i) {
            double oneShare = one[at + i];
            double zeroShare = zero[at + i];
            double total = 0;
            if (oneShare != 0) {
                double next = weight[at + last];
                for (int j = last - 1; j >= 0; j--) {
                    double t = next / ((j + 1) * oneShare);
                    total += t;
                    next = weight[at + j] - t * zeroShare * (last - j);
                }
            } else {
                for (int j = last - 1; j >= 0; j--) {
                    total += weight[at + j] / (zeroShare * (last - j));
                }
            }
            return total * (last + 1);
        }
    }
}
