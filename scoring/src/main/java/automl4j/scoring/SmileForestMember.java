package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code smile-random-forest} member (payload {@value #FORMAT}): the engine's {@code TreeEnsemble} JSON, binary trees
 * with numeric splits, {@code x[feature] <= threshold} to the left child (so NaN goes right). The flat prediction is
 * the average of the trees' leaves, summed in tree order as the engine sums them; for classification, smoothed by one
 * uniform vote when the payload's {@code uniform_vote_smoothing} property says so (older files do not). The payload
 * is checked as the engine's {@code TreeEnsemble.fromJson} checks it, with its messages after the learner id; the
 * optional TreeSHAP covers are checked but not kept: they do not change a prediction.
 */
final class SmileForestMember implements MemberModel {
    static final String FORMAT = "automl4j-tree-ensemble-json";
    private static final String SMOOTHING = "uniform_vote_smoothing";
    private static final int MAX_OUTPUTS = 1 << 16;
    private final List<Tree> trees;
    private final int outputs;
    private final boolean smoothed;

    /** One tree; node {@code i} is a leaf when {@code feature[i] < 0}, holding its outputs in {@code leaf[i]}. */
    private record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[][] leaf) {
        double[] leafOf(float[] x) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            }
            return leaf[node];
        }
    }

    private SmileForestMember(List<Tree> trees, int outputs, boolean smoothed) {
        this.trees = trees;
        this.outputs = outputs;
        this.smoothed = smoothed;
    }

    @Override
    public double[] predict(float[] features) {
        double[] out = new double[outputs];
        for (Tree t : trees) {
            double[] v = t.leafOf(features);
            for (int k = 0; k < outputs; k++) {
                out[k] += v[k];
            }
        }
        for (int k = 0; k < outputs; k++) {
            out[k] /= trees.size();
        }
        return smoothed ? UniformVote.smooth(out, trees.size()) : out;
    }

    static MemberModel load(MemberPayload p) {
        SmilePayloads.check(p, FORMAT);
        JsonNode root = SmilePayloads.json(p);
        if (root == null || !root.isObject()) {
            throw refused(p, "tree ensemble must be a JSON object");
        }
        JsonNode o = root.path("outputs");
        if (!o.isInt() || o.asInt() < 1 || o.asInt() > MAX_OUTPUTS) {
            throw refused(p, "tree ensemble outputs must be an integer in [1, " + MAX_OUTPUTS + "], but was " + o);
        }
        int outputs = o.asInt();
        JsonNode list = root.path("trees");
        if (!list.isArray() || list.isEmpty()) {
            throw refused(p, "tree ensemble must hold a non-empty array of trees");
        }
        List<Tree> trees = new ArrayList<>(list.size());
        for (JsonNode n : list) {
            trees.add(tree(p, n, trees.size(), outputs));
        }
        int needed = SmilePayloads.outputs(p.target());
        if (outputs != needed) {
            throw new IllegalArgumentException(p.learner() + " payload has " + outputs + " outputs, but its " + p.target().task()
                    + " target needs " + needed);
        }
        // The engine finds this when it predicts; the featurizer's width is known here, so refuse it at once.
        int columns = p.featureNames().size();
        for (Tree t : trees) {
            for (int f : t.feature()) {
                if (f >= columns) {
                    throw refused(p, "the tree ensemble splits on feature " + f + ", but got " + columns + " features");
                }
            }
        }
        boolean classification = SmilePayloads.classification(p.target());
        boolean smoothed = classification && Boolean.parseBoolean(p.member().properties().getOrDefault(SMOOTHING, "false"));
        return new SmileForestMember(List.copyOf(trees), outputs, smoothed);
    }

    private static Tree tree(MemberPayload p, JsonNode n, int index, int outputs) {
        String where = "tree " + index;
        JsonNode fs = n.path("feature");
        if (!fs.isArray() || fs.isEmpty()) {
            throw refused(p, where + " must have a non-empty feature array");
        }
        int size = fs.size();
        for (String field : List.of("threshold", "left", "right", "leaf")) {
            if (!n.path(field).isArray() || n.path(field).size() != size) {
                throw refused(p, where + " must have a " + field + " array of " + size + " values, one per node");
            }
        }
        int[] feature = new int[size];
        double[] threshold = new double[size];
        int[] left = new int[size];
        int[] right = new int[size];
        double[][] leaf = new double[size][];
        for (int i = 0; i < size; i++) {
            feature[i] = integer(p, fs.get(i), where, i, "feature");
            if (feature[i] < 0) {
                feature[i] = -1;
                leaf[i] = leaf(p, n.path("leaf").get(i), where + " leaf " + i, outputs);
                continue;
            }
            JsonNode t = n.path("threshold").get(i);
            if (!t.isNumber()) {
                throw refused(p, where + " node " + i + " threshold must be a number, but was " + t);
            }
            threshold[i] = t.asDouble();
            left[i] = integer(p, n.path("left").get(i), where, i, "left");
            right[i] = integer(p, n.path("right").get(i), where, i, "right");
            // Children after their parent: no path can loop, and every walk ends in a leaf.
            if (left[i] <= i || left[i] >= size || right[i] <= i || right[i] >= size) {
                throw refused(p, where + " node " + i + " has children " + left[i] + " and " + right[i]
                        + ", but they must come after it and lie inside its " + size + " nodes");
            }
        }
        checkCover(p, n, where, size);
        return new Tree(feature, threshold, left, right, leaf);
    }

    /** The optional TreeSHAP covers, checked as the engine checks them (it refuses the file otherwise), then dropped. */
    private static void checkCover(MemberPayload p, JsonNode n, String where, int size) {
        JsonNode c = n.path("cover");
        if (c.isMissingNode()) {
            return;
        }
        if (!c.isArray() || c.size() != size) {
            throw refused(p, where + " must have a cover array of " + size + " values, one per node");
        }
        for (int i = 0; i < size; i++) {
            JsonNode v = c.get(i);
            if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
                throw refused(p, where + " node " + i + " cover must be a finite number >= 0, but was " + v);
            }
        }
    }

    private static double[] leaf(MemberPayload p, JsonNode values, String where, int outputs) {
        if (!values.isArray() || values.size() != outputs) {
            throw refused(p, where + " must hold " + outputs + " values");
        }
        double[] out = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            JsonNode v = values.get(k);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw refused(p, where + " must hold finite numbers, but has " + v);
            }
            out[k] = v.asDouble();
        }
        return out;
    }

    private static int integer(MemberPayload p, JsonNode v, String where, int node, String field) {
        if (!v.isInt()) {
            throw refused(p, where + " node " + node + " " + field + " must be an integer, but was " + v);
        }
        return v.asInt();
    }

    private static IllegalArgumentException refused(MemberPayload p, String what) {
        return new IllegalArgumentException(p.learner() + " payload: " + what);
    }
}
