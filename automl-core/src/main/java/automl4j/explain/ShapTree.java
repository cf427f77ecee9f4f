package automl4j.explain;

import java.util.Arrays;

/**
 * One decision tree as TreeSHAP reads it: nodes in arrays, node 0 the root. An internal node sends a row to its left
 * child when the split feature is below the threshold ({@code <}, as XGBoost and LightGBM split) or at most the
 * threshold ({@code <=}, as Smile and Tribuo split), and a missing value (NaN) to the side the node names. Every node
 * has a cover: the training weight that reached it, which TreeSHAP uses as the distribution of rows the tree saw.
 * Leaves hold one value per output (one for regression and binary margins, one per class otherwise).
 */
public final class ShapTree {
    /** Which rows go left at an internal node. */
    public enum Split {
        /** {@code x < threshold} goes left. */
        LESS_THAN,
        /** {@code x <= threshold} goes left. */
        LESS_OR_EQUAL
    }

    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final double[] threshold;
    private final boolean[] missingLeft;
    private final double[] cover;
    private final double[][] values;
    private final Split split;
    private final int outputs;
    private final int maxFeature;
    private final int depth;

    /**
     * A tree; the arrays are copied.
     *
     * @param left        left child of each node, -1 at a leaf
     * @param right       right child of each node, -1 at a leaf
     * @param feature     split feature of each internal node (ignored at leaves)
     * @param threshold   split threshold of each internal node (ignored at leaves)
     * @param missingLeft whether a missing value goes left at each internal node
     * @param cover       training weight that reached each node, > 0 at every node a row can reach
     * @param values      values of each leaf, one per output (ignored at internal nodes, may be null there)
     * @param split       how the threshold is compared
     * @throws IllegalArgumentException if the arrays differ in length, a child does not come after its parent, an
     *                                  internal node has one child only, a cover is negative or not finite, or leaves
     *                                  differ in width
     */
    public ShapTree(int[] left, int[] right, int[] feature, double[] threshold, boolean[] missingLeft, double[] cover,
                    double[][] values, Split split) {
        int n = left.length;
        if (n == 0 || right.length != n || feature.length != n || threshold.length != n || missingLeft.length != n
                || cover.length != n || values.length != n) {
            throw new IllegalArgumentException("a tree needs at least one node and arrays of equal length, but had "
                    + left.length + ", " + right.length + ", " + feature.length + ", " + threshold.length + ", "
                    + missingLeft.length + ", " + cover.length + " and " + values.length + " entries");
        }
        this.left = left.clone();
        this.right = right.clone();
        this.feature = feature.clone();
        this.threshold = threshold.clone();
        this.missingLeft = missingLeft.clone();
        this.cover = cover.clone();
        this.values = new double[n][];
        this.split = java.util.Objects.requireNonNull(split, "split");
        int width = -1;
        for (int i = 0; i < n; i++) {
            if (!(cover[i] >= 0) || Double.isInfinite(cover[i])) {
                throw new IllegalArgumentException("node " + i + " has cover " + cover[i] + "; covers must be finite and >= 0");
            }
            boolean leaf = left[i] < 0 && right[i] < 0;
            if (leaf) {
                if (values[i] == null || values[i].length == 0 || (width >= 0 && values[i].length != width)) {
                    throw new IllegalArgumentException("leaf " + i + " has " + (values[i] == null ? "no" : values[i].length)
                            + " values, but every leaf needs the same number (" + (width < 0 ? "at least 1" : width) + ")");
                }
                width = values[i].length;
                this.values[i] = values[i].clone();
            } else if (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n || left[i] == right[i]) {
                throw new IllegalArgumentException("node " + i + " has children " + left[i] + " and " + right[i]
                        + ", but they must be two different nodes after it among the tree's " + n);
            } else if (feature[i] < 0) {
                throw new IllegalArgumentException("node " + i + " splits on feature " + feature[i] + "; features are >= 0");
            }
        }
        this.outputs = width;
        // Children come after their parents, so one pass in index order finds every node's depth.
        int[] level = new int[n];
        int deepest = 0;
        int max = -1;
        for (int i = 0; i < n; i++) {
            if (!isLeaf(i)) {
                level[left[i]] = level[i] + 1;
                level[right[i]] = level[i] + 1;
                max = Math.max(max, feature[i]);
            }
            deepest = Math.max(deepest, level[i]);
        }
        this.depth = deepest;
        this.maxFeature = max;
    }

    /** Number of nodes. */
    public int size() {
        return left.length;
    }

    /** Number of values in each leaf. */
    public int outputs() {
        return outputs;
    }

    /** Largest feature index an internal node splits on, or -1 for a single leaf. */
    public int maxFeature() {
        return maxFeature;
    }

    /** Edges on the longest path from the root to a leaf. */
    public int depth() {
        return depth;
    }

    boolean isLeaf(int node) {
        return left[node] < 0;
    }

    int left(int node) {
        return left[node];
    }

    int right(int node) {
        return right[node];
    }

    int feature(int node) {
        return feature[node];
    }

    double cover(int node) {
        return cover[node];
    }

    double value(int node, int output) {
        return values[node][output];
    }

    /** The child of internal node {@code node} that {@code row} goes to. */
    int next(int node, double[] row) {
        double x = row[feature[node]];
        if (Double.isNaN(x)) {
            return missingLeft[node] ? left[node] : right[node];
        }
        boolean goesLeft = split == Split.LESS_THAN ? x < threshold[node] : x <= threshold[node];
        return goesLeft ? left[node] : right[node];
    }

    /** The tree's values for {@code row}: the leaf it reaches. */
    public double[] predict(double[] row) {
        int node = 0;
        while (!isLeaf(node)) {
            node = next(node, row);
        }
        return values[node].clone();
    }

    @Override
    public String toString() {
        return "ShapTree{nodes=" + left.length + ", outputs=" + outputs + ", split=" + split + ", left=" + Arrays.toString(left) + "}";
    }
}
