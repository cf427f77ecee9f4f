package automl4j.learners.xgboost;

import static automl4j.learners.xgboost.XgbPayloadValues.empty;
import static automl4j.learners.xgboost.XgbPayloadValues.floats;
import static automl4j.learners.xgboost.XgbPayloadValues.integer;
import static automl4j.learners.xgboost.XgbPayloadValues.integers;
import static automl4j.learners.xgboost.XgbPayloadValues.invalid;
import static automl4j.learners.xgboost.XgbPayloadValues.length;
import static automl4j.learners.xgboost.XgbPayloadValues.naturalString;
import static automl4j.learners.xgboost.XgbPayloadValues.object;

import java.util.Map;

/**
 * Checks one regression tree of an XGBoost 3.4.0 {@code gbtree} model and writes it again in canonical UBJ: every node
 * array as long as {@code tree_param.num_nodes}, the nodes forming one tree from the root (each child's index greater
 * than its parent's, each node reached exactly once, parents consistent), split features below the model's
 * {@code num_feature}, numerical splits only, finite values, depth at most {@link #MAX_DEPTH}.
 */
final class XgbTreeValidator {
    /** Deepest tree accepted; AutoML4J's search space stops far below, and native SHAP recursion stays shallow. */
    static final int MAX_DEPTH = 256;
    /** The parent XGBoost writes for the root (its invalid node id with the left-child bit cleared). */
    static final int ROOT_PARENT = Integer.MAX_VALUE;

    private static final String[] KEYS = {"base_weights", "categories", "categories_nodes", "categories_segments",
        "categories_sizes", "default_left", "id", "left_children", "loss_changes", "parents", "right_children",
        "split_conditions", "split_indices", "split_type", "sum_hessian", "tree_param"};

    private XgbTreeValidator() {
    }

    /**
     * Checks tree {@code index} (whose {@code id} must equal its index) against a model of {@code numFeature} features
     * and writes it to {@code out}.
     *
     * @throws IllegalArgumentException naming the tree, the array and the node that is wrong
     */
    static void check(Object value, int index, int numFeature, UbjWriter out) {
        String path = "trees[" + index + "]";
        Map<String, Object> tree = object(value, path, KEYS);
        integer(tree.get("id"), path + ".id", index, index);
        Map<String, Object> param = object(tree.get("tree_param"), path + ".tree_param",
                "num_deleted", "num_feature", "num_nodes", "size_leaf_vector");
        naturalString(param.get("num_deleted"), path + ".tree_param.num_deleted", 0, 0);
        naturalString(param.get("num_feature"), path + ".tree_param.num_feature", numFeature, numFeature);
        int leafVector = naturalString(param.get("size_leaf_vector"), path + ".tree_param.size_leaf_vector", 0, 1);
        int n = naturalString(param.get("num_nodes"), path + ".tree_param.num_nodes", 1, Integer.MAX_VALUE - 1);
        for (String k : new String[] {"categories", "categories_nodes", "categories_segments", "categories_sizes"}) {
            empty(tree.get(k), path + "." + k);
        }
        long[] left = integers(tree.get("left_children"), path + ".left_children", -1, Integer.MAX_VALUE);
        long[] right = integers(tree.get("right_children"), path + ".right_children", -1, Integer.MAX_VALUE);
        long[] parents = integers(tree.get("parents"), path + ".parents", 0, Integer.MAX_VALUE);
        long[] splits = integers(tree.get("split_indices"), path + ".split_indices", 0, numFeature - 1);
        long[] defaultLeft = integers(tree.get("default_left"), path + ".default_left", 0, 1);
        long[] splitType = integers(tree.get("split_type"), path + ".split_type", 0, 0);
        float[] conditions = floats(tree.get("split_conditions"), path + ".split_conditions");
        float[] weights = floats(tree.get("base_weights"), path + ".base_weights");
        float[] loss = floats(tree.get("loss_changes"), path + ".loss_changes");
        float[] hessian = floats(tree.get("sum_hessian"), path + ".sum_hessian");
        length(left, n, path + ".left_children");
        length(right, n, path + ".right_children");
        length(parents, n, path + ".parents");
        length(splits, n, path + ".split_indices");
        length(defaultLeft, n, path + ".default_left");
        length(splitType, n, path + ".split_type");
        length(conditions, n, path + ".split_conditions");
        length(weights, n, path + ".base_weights");
        length(loss, n, path + ".loss_changes");
        length(hessian, n, path + ".sum_hessian");
        checkShape(path, left, right, parents);

        out.beginObject();
        out.key("base_weights").float32s(weights);
        out.key("categories").int32s(new int[0]);
        out.key("categories_nodes").int32s(new int[0]);
        out.key("categories_segments").int64s(new long[0]);
        out.key("categories_sizes").int64s(new long[0]);
        out.key("default_left").uint8s(bytes(defaultLeft));
        out.key("id").integer(index);
        out.key("left_children").int32s(ints(left));
        out.key("loss_changes").float32s(loss);
        out.key("parents").int32s(ints(parents));
        out.key("right_children").int32s(ints(right));
        out.key("split_conditions").float32s(conditions);
        out.key("split_indices").int32s(ints(splits));
        out.key("split_type").uint8s(new byte[n]);
        out.key("sum_hessian").float32s(hessian);
        out.key("tree_param").beginObject()
                .key("num_deleted").string("0")
                .key("num_feature").string(Integer.toString(numFeature))
                .key("num_nodes").string(Integer.toString(n))
                .key("size_leaf_vector").string(Integer.toString(leafVector))
                .endObject();
        out.endObject();
    }

    /** Children come after their parent, leaves have no child at all, and every node but the root has one parent. */
    private static void checkShape(String path, long[] left, long[] right, long[] parents) {
        int n = left.length;
        if (parents[0] != ROOT_PARENT) {
            throw invalid(path + ".parents[0]", ROOT_PARENT + " (the root has no parent)", parents[0]);
        }
        boolean[] reached = new boolean[n];
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && !reached[i]) {
                throw new IllegalArgumentException(path + " node " + i + " is not reached from the root"
                        + " (no node before it names it as a child)");
            }
            if (left[i] == -1 && right[i] == -1) {
                continue;
            }
            for (long c : new long[] {left[i], right[i]}) {
                String side = c == left[i] ? ".left_children[" : ".right_children[";
                if (!(c > i && c < n)) {
                    throw invalid(path + side + i + "]", "-1 on both sides (a leaf) or a node index in (" + i + ", "
                            + n + ")", c);
                }
                if (reached[(int) c]) {
                    throw new IllegalArgumentException(path + side + i + "] names node " + c
                            + ", which another split already names; each node must have one parent");
                }
                if (parents[(int) c] != i) {
                    throw invalid(path + ".parents[" + c + "]", i + " (the node naming it as a child)", parents[(int) c]);
                }
                reached[(int) c] = true;
                depth[(int) c] = depth[i] + 1;
                if (depth[(int) c] > MAX_DEPTH) {
                    throw new IllegalArgumentException(path + " is deeper than " + MAX_DEPTH + " levels at node " + c);
                }
            }
        }
    }

    private static int[] ints(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
        }
        return out;
    }

    private static byte[] bytes(long[] a) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) a[i];
        }
        return out;
    }
}
