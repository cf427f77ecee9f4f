package automl4j.learners.smile;

import automl4j.explain.ShapTree;
import automl4j.learn.FeatureMatrix;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A forest of binary trees with numeric splits ({@code x[feature] <= threshold} goes to the left child), stored as
 * flat arrays and written as JSON. Smile models persist only by Java serialization, which AutoML4J never uses, so a
 * fitted Smile forest is converted into this form right after training and both validation and export predict with
 * it: the exported model predicts exactly what was validated. Leaves hold class frequencies or a value; the forest
 * averages its trees.
 */
final class TreeEnsemble {
    private final List<Tree> trees;
    private final int outputs;

    private final int maxFeature;

    TreeEnsemble(List<Tree> trees, int outputs) {
        this.trees = List.copyOf(trees);
        this.outputs = outputs;
        int max = -1;
        for (Tree t : this.trees) {
            for (int f : t.feature()) {
                max = Math.max(max, f);
            }
        }
        this.maxFeature = max;
    }

    /**
     * One tree. Node {@code i} is a leaf when {@code feature[i] < 0}; then {@code leaf[i]} holds its outputs. {@code
     * cover[i]} is the number of training rows (of the tree's bootstrap sample) that reached node {@code i}, which
     * TreeSHAP needs; null in files written before it was kept.
     */
    record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[][] leaf, double[] cover) {
        double[] apply(FeatureMatrix x, int row) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x.get(row, feature[node]) <= threshold[node] ? left[node] : right[node];
            }
            return leaf[node];
        }
    }

    int outputs() {
        return outputs;
    }

    int size() {
        return trees.size();
    }

    /** Average of the trees' leaf outputs for each row. */
    double[][] predict(FeatureMatrix x) {
        if (maxFeature >= x.columns()) {
            throw new IllegalArgumentException("the tree ensemble splits on feature " + maxFeature + ", but got " + x.columns()
                    + " features");
        }
        double[][] out = new double[x.rows()][outputs];
        for (int i = 0; i < x.rows(); i++) {
            for (Tree t : trees) {
                double[] v = t.apply(x, i);
                for (int k = 0; k < outputs; k++) {
                    out[i][k] += v[k];
                }
            }
            for (int k = 0; k < outputs; k++) {
                out[i][k] /= trees.size();
            }
        }
        return out;
    }

    /**
     * The trees for TreeSHAP, their covers from training or, for trees saved without them, counted from the rows of
     * {@code background} that reach each node.
     */
    List<ShapTree> shapTrees(FeatureMatrix background) {
        List<ShapTree> out = new ArrayList<>(trees.size());
        for (Tree t : trees) {
            int n = t.feature().length;
            double[] cover = t.cover();
            if (cover == null) {
                cover = new double[n];
                for (int r = 0; r < background.rows(); r++) {
                    int node = 0;
                    cover[0]++;
                    while (t.feature()[node] >= 0) {
                        node = background.get(r, t.feature()[node]) <= t.threshold()[node] ? t.left()[node] : t.right()[node];
                        cover[node]++;
                    }
                }
            }
            int[] feature = new int[n];
            int[] left = new int[n];
            int[] right = new int[n];
            for (int i = 0; i < n; i++) {
                boolean leaf = t.feature()[i] < 0;   // a leaf's child fields are unused here (0 when read from JSON)
                feature[i] = leaf ? 0 : t.feature()[i];
                left[i] = leaf ? -1 : t.left()[i];
                right[i] = leaf ? -1 : t.right()[i];
            }
            // Smile sends NaN to the false (right) child, as "NaN <= threshold" is false.
            out.add(new ShapTree(left, right, feature, t.threshold(), new boolean[n], cover, t.leaf(), ShapTree.Split.LESS_OR_EQUAL));
        }
        return out;
    }

    byte[] toJson(ObjectMapper json) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("outputs", outputs);
        ArrayNode list = root.putArray("trees");
        for (Tree t : trees) {
            ObjectNode n = list.addObject();
            n.putPOJO("feature", t.feature());
            n.putPOJO("threshold", t.threshold());
            n.putPOJO("left", t.left());
            n.putPOJO("right", t.right());
            n.putPOJO("leaf", t.leaf());
            if (t.cover() != null) {
                n.putPOJO("cover", t.cover());
            }
        }
        return json.writeValueAsBytes(root);
    }

    /**
     * The ensemble {@link #toJson} wrote, checked before anything is allocated from it: every array of a tree has one
     * value per node, a split's children come after it (so no path loops) and lie inside the tree, a leaf has one
     * finite value per output, and a split's feature index is {@code >= 0}.
     *
     * @throws IllegalArgumentException naming the tree, the node and what is wrong
     */
    static TreeEnsemble fromJson(ObjectMapper json, byte[] bytes) throws IOException {
        JsonNode root = json.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("tree ensemble must be a JSON object");
        }
        JsonNode o = root.path("outputs");
        if (!o.isInt() || o.asInt() < 1 || o.asInt() > MAX_OUTPUTS) {
            throw new IllegalArgumentException("tree ensemble outputs must be an integer in [1, " + MAX_OUTPUTS + "], but was " + o);
        }
        int outputs = o.asInt();
        JsonNode list = root.path("trees");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("tree ensemble must hold a non-empty array of trees");
        }
        List<Tree> trees = new ArrayList<>();
        for (JsonNode n : list) {
            trees.add(tree(n, trees.size(), outputs));
        }
        return new TreeEnsemble(trees, outputs);
    }

    private static final int MAX_OUTPUTS = 1 << 16;

    private static Tree tree(JsonNode n, int index, int outputs) {
        String where = "tree " + index;
        JsonNode fs = n.path("feature");
        if (!fs.isArray() || fs.isEmpty()) {
            throw new IllegalArgumentException(where + " must have a non-empty feature array");
        }
        int size = fs.size();
        for (String field : List.of("threshold", "left", "right", "leaf")) {
            if (!n.path(field).isArray() || n.path(field).size() != size) {
                throw new IllegalArgumentException(where + " must have a " + field + " array of " + size + " values, one per node");
            }
        }
        int[] feature = new int[size];
        double[] threshold = new double[size];
        int[] left = new int[size];
        int[] right = new int[size];
        double[][] leaf = new double[size][];
        for (int i = 0; i < size; i++) {
            feature[i] = integer(fs.get(i), where, i, "feature");
            if (feature[i] < 0) {
                feature[i] = -1;
                JsonNode values = n.path("leaf").get(i);
                if (!values.isArray() || values.size() != outputs) {
                    throw new IllegalArgumentException(where + " leaf " + i + " must hold " + outputs + " values");
                }
                leaf[i] = new double[outputs];
                for (int k = 0; k < outputs; k++) {
                    JsonNode v = values.get(k);
                    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                        throw new IllegalArgumentException(where + " leaf " + i + " must hold finite numbers, but has " + v);
                    }
                    leaf[i][k] = v.asDouble();
                }
            } else {
                JsonNode t = n.path("threshold").get(i);
                if (!t.isNumber()) {
                    throw new IllegalArgumentException(where + " node " + i + " threshold must be a number, but was " + t);
                }
                threshold[i] = t.asDouble();
                left[i] = integer(n.path("left").get(i), where, i, "left");
                right[i] = integer(n.path("right").get(i), where, i, "right");
                if (left[i] <= i || left[i] >= size || right[i] <= i || right[i] >= size) {
                    throw new IllegalArgumentException(where + " node " + i + " has children " + left[i] + " and " + right[i]
                            + ", but they must come after it and lie inside its " + size + " nodes");
                }
            }
        }
        return new Tree(feature, threshold, left, right, leaf, cover(n, where, size));
    }

    /** The optional cover array: one finite number >= 0 per node, or null when the file has none. */
    private static double[] cover(JsonNode n, String where, int size) {
        JsonNode c = n.path("cover");
        if (c.isMissingNode()) {
            return null;
        }
        if (!c.isArray() || c.size() != size) {
            throw new IllegalArgumentException(where + " must have a cover array of " + size + " values, one per node");
        }
        double[] cover = new double[size];
        for (int i = 0; i < size; i++) {
            JsonNode v = c.get(i);
            if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
                throw new IllegalArgumentException(where + " node " + i + " cover must be a finite number >= 0, but was " + v);
            }
            cover[i] = v.asDouble();
        }
        return cover;
    }

    private static int integer(JsonNode v, String where, int node, String field) {
        if (!v.isInt()) {
            throw new IllegalArgumentException(where + " node " + node + " " + field + " must be an integer, but was " + v);
        }
        return v.asInt();
    }
}
