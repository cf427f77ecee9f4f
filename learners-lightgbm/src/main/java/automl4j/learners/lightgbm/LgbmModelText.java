package automl4j.learners.lightgbm;

import automl4j.data.Classification;
import automl4j.data.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a LightGBM model text in Java and writes it again from the checked values only, so that LightGBM's native
 * parser, which indexes its arrays with the numbers it reads (a child index or a split feature out of range reads
 * outside the arrays), only sees canonical text: known keys, array lengths that match the leaf count, child indexes
 * that form one tree, split features below the feature count, numerical splits only (no categorical or linear trees,
 * which this learner never trains), finite numbers (thresholds may also be infinite). Sections that prediction does
 * not read (tree sizes, feature importances, parameters) are left out of the rewritten text, which LightGBM then
 * parses tree by tree.
 */
final class LgbmModelText {
    /** Most features a model may read. */
    static final int MAX_FEATURES = 1 << 24;
    /** Most leaves of one tree. */
    static final int MAX_LEAVES = 1 << 17;
    /** Most trees of one model. */
    static final int MAX_TREES = 1 << 20;
    private static final List<String> HEADER = List.of("version", "num_class", "num_tree_per_iteration", "label_index",
            "max_feature_idx", "objective", "feature_names", "feature_infos", "tree_sizes");
    /** A tree's keys in LightGBM's order; the arrays after {@code right_child} are optional. */
    private static final List<String> TREE = List.of("num_leaves", "num_cat", "split_feature", "split_gain", "threshold",
            "decision_type", "left_child", "right_child", "leaf_value", "leaf_weight", "leaf_count", "internal_value",
            "internal_weight", "internal_count", "is_linear", "shrinkage");
    private static final Set<String> INTERNAL_ARRAYS = Set.of("split_feature", "split_gain", "threshold", "decision_type",
            "left_child", "right_child", "internal_value", "internal_weight", "internal_count");
    private static final Set<String> LEAF_ARRAYS = Set.of("leaf_value", "leaf_weight", "leaf_count");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,200}");
    private static final Pattern INFO = Pattern.compile("none|\\[" + NUMBER.pattern() + ":" + NUMBER.pattern() + "\\]");

    private LgbmModelText() {
    }

    /**
     * The canonical text of {@code payload}, a model of {@code target} reading {@code numFeatures} features.
     *
     * @throws IllegalArgumentException naming the line, tree or key that is malformed
     */
    static String check(byte[] payload, Target target, int numFeatures) {
        for (int i = 0; i < payload.length; i++) {
            int b = payload[i];
            if (!(b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b < 0x7f))) {
                throw new IllegalArgumentException("byte " + i + " must be printable ASCII or a line break, but was " + (b & 0xff));
            }
        }
        List<String> lines = new String(payload, java.nio.charset.StandardCharsets.US_ASCII).lines().toList();
        int at = 0;
        if (lines.isEmpty() || !lines.get(0).equals("tree")) {
            throw new IllegalArgumentException("line 1 must be 'tree'");
        }
        Map<String, String> header = new LinkedHashMap<>();
        for (at = 1; at < lines.size() && !lines.get(at).startsWith("Tree=") && !lines.get(at).equals("end of trees"); at++) {
            if (!lines.get(at).isEmpty()) {
                keyValue(lines.get(at), at, HEADER, header);
            }
        }
        boolean classification = target.task() instanceof Classification;
        int classes = classification && target.numClasses() > 2 ? target.numClasses() : 1;
        String objective = !classification ? "regression" : classes == 1 ? "binary sigmoid:1" : "multiclass num_class:" + classes;
        expect(header, "version", "v4");
        expect(header, "num_class", Integer.toString(classes));
        expect(header, "num_tree_per_iteration", Integer.toString(classes));
        expect(header, "label_index", "0");
        expect(header, "max_feature_idx", Integer.toString(numFeatures - 1));
        expect(header, "objective", objective);
        tokens(header, "feature_names", numFeatures, NAME);
        tokens(header, "feature_infos", numFeatures, INFO);
        StringBuilder out = new StringBuilder("tree\n");
        for (String key : HEADER) {
            if (!key.equals("tree_sizes")) {
                out.append(key).append('=').append(header.get(key)).append('\n');
            }
        }
        out.append('\n');
        int trees = 0;
        while (at < lines.size() && lines.get(at).startsWith("Tree=")) {
            if (!lines.get(at).equals("Tree=" + trees) || trees >= MAX_TREES) {
                throw new IllegalArgumentException("line " + (at + 1) + " must be 'Tree=" + trees + "' (at most " + MAX_TREES
                        + " trees)");
            }
            Map<String, String> tree = new LinkedHashMap<>();
            for (at++; at < lines.size() && !lines.get(at).isEmpty(); at++) {
                keyValue(lines.get(at), at, TREE, tree);
            }
            out.append("Tree=").append(trees).append('\n');
            tree(tree, "tree " + trees, numFeatures, out);
            out.append("\n\n");
            trees++;
            while (at < lines.size() && lines.get(at).isEmpty()) {
                at++;
            }
        }
        if (at >= lines.size() || !lines.get(at).equals("end of trees")) {
            throw new IllegalArgumentException("line " + (at + 1) + " must be 'Tree=" + trees + "' or 'end of trees'");
        }
        if (trees == 0 || trees % classes != 0) {
            throw new IllegalArgumentException("a model must hold a positive multiple of " + classes + " trees, but held " + trees);
        }
        return out.append("end of trees\n").toString();
    }

    private static void tree(Map<String, String> t, String where, int numFeatures, StringBuilder out) {
        int leaves = integer(t, "num_leaves", where, 1, MAX_LEAVES);
        integer(t, "num_cat", where, 0, 0);
        if (t.containsKey("is_linear")) {
            integer(t, "is_linear", where, 0, 0);
        }
        if (t.containsKey("shrinkage")) {
            numbers(t, "shrinkage", where, 1);
        }
        numbers(t, "leaf_value", where, leaves);
        for (String key : TREE) {
            if (!t.containsKey(key) || key.equals("num_leaves") || key.equals("num_cat") || key.equals("is_linear")
                    || key.equals("shrinkage")) {
                continue;
            }
            if (leaves == 1 && INTERNAL_ARRAYS.contains(key)) {
                if (!t.get(key).isEmpty()) {
                    throw new IllegalArgumentException(where + " has one leaf, so its " + key + " must be empty");
                }
                t.remove(key);   // LightGBM reads no internal arrays of a one-leaf tree
                continue;
            }
            numbers(t, key, where, LEAF_ARRAYS.contains(key) ? leaves : leaves - 1);
        }
        if (leaves > 1) {
            for (String required : List.of("split_feature", "threshold", "decision_type", "left_child", "right_child")) {
                if (!t.containsKey(required)) {
                    throw new IllegalArgumentException(where + " lacks " + required);
                }
            }
            ints(t, "split_feature", where, 0, numFeatures - 1);
            int[] decision = ints(t, "decision_type", where, 0, 15);
            for (int i = 0; i < decision.length; i++) {
                if ((decision[i] & 1) != 0) {
                    throw new IllegalArgumentException(where + " decision_type[" + i + "] must be a numerical split (even), but was "
                            + decision[i]);
                }
            }
            checkShape(ints(t, "left_child", where, -leaves, leaves - 2), ints(t, "right_child", where, -leaves, leaves - 2),
                    leaves, where);
        }
        for (String key : TREE) {
            if (t.containsKey(key)) {
                out.append(key).append('=').append(t.get(key)).append('\n');
            }
        }
    }

    /** Each internal node but the root is the child of one earlier node, and each leaf of exactly one node. */
    private static void checkShape(int[] left, int[] right, int leaves, String where) {
        boolean[] internal = new boolean[leaves - 1];
        boolean[] leaf = new boolean[leaves];
        for (int node = 0; node < leaves - 1; node++) {
            for (int child : new int[] {left[node], right[node]}) {
                boolean fresh;
                if (child >= 0) {
                    fresh = child > node && !internal[child];
                    if (fresh) {
                        internal[child] = true;
                    }
                } else {
                    fresh = !leaf[~child];
                    leaf[~child] = true;
                }
                if (!fresh) {
                    throw new IllegalArgumentException(where + " node " + node + " has child " + child
                            + ", which is not a later node or a leaf that no other node has");
                }
            }
        }
        for (int l = 0; l < leaves; l++) {
            if (!leaf[l]) {
                throw new IllegalArgumentException(where + " leaf " + l + " is the child of no node");
            }
        }
    }

    private static void keyValue(String line, int at, List<String> allowed, Map<String, String> into) {
        int eq = line.indexOf('=');
        String key = eq < 0 ? line : line.substring(0, eq);
        if (eq < 0 || !allowed.contains(key) || into.putIfAbsent(key, line.substring(eq + 1)) != null) {
            throw new IllegalArgumentException("line " + (at + 1) + " must set one of " + allowed + " once, but was '"
                    + (line.length() > 40 ? line.substring(0, 40) + "..." : line) + "'");
        }
    }

    private static void expect(Map<String, String> header, String key, String value) {
        if (!value.equals(header.get(key))) {
            throw new IllegalArgumentException(key + " must be '" + value + "', but was '" + header.get(key) + "'");
        }
    }

    private static void tokens(Map<String, String> header, String key, int count, Pattern each) {
        String v = header.getOrDefault(key, "");
        String[] parts = v.split(" ", -1);
        if (parts.length != count) {
            throw new IllegalArgumentException(key + " must list " + count + " entries, but listed " + parts.length);
        }
        for (String p : parts) {
            if (!each.matcher(p).matches()) {
                throw new IllegalArgumentException(key + " entry '" + p + "' is malformed");
            }
        }
    }

    private static int integer(Map<String, String> t, String key, String where, int min, int max) {
        return ints(t, key, where, min, max)[0];
    }

    private static int[] ints(Map<String, String> t, String key, String where, int min, int max) {
        String[] parts = t.getOrDefault(key, "").split(" ", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int v = INTEGER.matcher(parts[i]).matches() ? Integer.parseInt(parts[i]) : Integer.MIN_VALUE;
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(where + " " + key + "[" + i + "] must be an integer in [" + min + ", " + max
                        + "], but was '" + parts[i] + "'");
            }
            out[i] = v;
        }
        return out;
    }

    private static void numbers(Map<String, String> t, String key, String where, int count) {
        String[] parts = t.getOrDefault(key, "").split(" ", -1);
        if (parts.length != count) {
            throw new IllegalArgumentException(where + " " + key + " must hold " + count + " numbers, but held " + parts.length);
        }
        for (int i = 0; i < parts.length; i++) {
            // LightGBM writes an infinite threshold for a split that sends every value one way and only the missing
            // ones (its default side) the other, which it learns on columns with missing values.
            if (key.equals("threshold") && (parts[i].equals("inf") || parts[i].equals("-inf"))) {
                continue;
            }
            if (!NUMBER.matcher(parts[i]).matches() || !Double.isFinite(Double.parseDouble(parts[i]))) {
                throw new IllegalArgumentException(where + " " + key + "[" + i + "] must be a finite number, but was '"
                        + parts[i] + "'");
            }
        }
    }
}
