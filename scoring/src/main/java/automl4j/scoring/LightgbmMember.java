package automl4j.scoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code lightgbm} member ({@code lightgbm-text}: LightGBM 3.3's model text), evaluated as LightGBM's predictor
 * does: the row as doubles (a dense row's cells within 1e-35 of zero read as zero, as LightGBM's dense row reader drops
 * them), each tree's leaf added in double in iteration order to its class's score, the split's missing-value rule
 * (NaN or zero sent the default way, other NaN read as zero) and {@code value <= threshold} going left, then the
 * objective's link in double ({@link GbtLinks}).
 */
final class LightgbmMember implements MemberModel {
    /** LightGBM's {@code kZeroThreshold}: a float constant held in a double. */
    private static final double ZERO = 1e-35f;
    private static final int MISSING_ZERO = 1;
    private static final int MISSING_NAN = 2;

    private enum Objective { BINARY, MULTICLASS, REGRESSION }

    private final Objective objective;
    private final int classes;
    private final Tree[] trees;
    private final boolean sparse;
    private final double targetMean;
    private final double targetSd;
    private final int features;

    /** One tree: internal nodes' arrays, children {@code >= 0} internal, {@code ~leaf} otherwise. */
    private record Tree(int[] feature, double[] threshold, byte[] decision, int[] left, int[] right, double[] leaf) {
        double predict(double[] x) {
            if (leaf.length == 1) {
                return leaf[0];
            }
            int node = 0;
            while (node >= 0) {
                double v = x[feature[node]];
                int missing = (decision[node] >> 2) & 3;
                if (Double.isNaN(v) && missing != MISSING_NAN) {
                    v = 0.0;
                }
                if ((missing == MISSING_ZERO && v >= -ZERO && v <= ZERO) || (missing == MISSING_NAN && Double.isNaN(v))) {
                    node = (decision[node] & 2) != 0 ? left[node] : right[node];
                } else {
                    node = v <= threshold[node] ? left[node] : right[node];
                }
            }
            return leaf[~node];
        }
    }

    private LightgbmMember(Objective objective, int classes, Tree[] trees, boolean sparse, double targetMean,
                           double targetSd, int features) {
        this.objective = objective;
        this.classes = classes;
        this.trees = trees;
        this.sparse = sparse;
        this.targetMean = targetMean;
        this.targetSd = targetSd;
        this.features = features;
    }

    /** Rows walked through one tree before the next: few enough that their features stay in the nearest cache. */
    private static final int BLOCK = 64;

    /** LightGBM's raw score of each class (its {@code raw_score} prediction). */
    double[] raw(float[] x) {
        double[] row = row(x);
        double[] out = new double[classes];
        for (int t = 0; t < trees.length; t++) {
            out[t % classes] += trees[t].predict(row);
        }
        return out;
    }

    /** The row as LightGBM reads it, in double. */
    private double[] row(float[] x) {
        if (x.length != features) {
            throw new IllegalArgumentException("lightgbm member reads " + features + " features, but was given " + x.length);
        }
        double[] row = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            // A sparse row hands over its stored cells as they are; a dense row only those beyond the zero threshold.
            row[i] = sparse || Math.abs(v) > ZERO || Double.isNaN(v) ? v : 0.0;
        }
        return row;
    }

    /** Trees evaluated, one per class and round. */
    int treeCount() {
        return trees.length;
    }

    @Override
    public double[] predict(float[] x) {
        return link(raw(x));
    }

    /**
     * The rows' predictions, tree by tree over blocks of rows so that a tree stays in cache while it is walked for many
     * rows. Each row still adds its trees' leaves in tree order, in double, so its bits are those of
     * {@link #predict(float[])}.
     */
    @Override
    public double[][] predict(float[][] rows) {
        double[][] x = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            x[r] = row(rows[r]);
        }
        double[][] out = new double[rows.length][];
        for (int start = 0; start < rows.length; start += BLOCK) {
            int end = Math.min(rows.length, start + BLOCK);
            for (int r = start; r < end; r++) {
                out[r] = new double[classes];
            }
            for (int t = 0; t < trees.length; t++) {
                Tree tree = trees[t];
                int k = t % classes;
                for (int r = start; r < end; r++) {
                    out[r][k] += tree.predict(x[r]);
                }
            }
            for (int r = start; r < end; r++) {
                out[r] = link(out[r]);
            }
        }
        return out;
    }

    /** The flat prediction from the raw scores (which the softmax overwrites). */
    private double[] link(double[] raw) {
        switch (objective) {
            case BINARY: {
                double p = GbtLinks.lightgbmSigmoid(raw[0]);
                return new double[] {1 - p, p};
            }
            case MULTICLASS:
                GbtLinks.lightgbmSoftmax(raw);
                return raw;
            default:
                return new double[] {targetMean + targetSd * raw[0]};
        }
    }

    /**
     * Reads a {@code lightgbm-text} payload.
     *
     * @throws IllegalArgumentException naming the learner and what is wrong: another payload format, a malformed or
     *                                  unsupported model (objective, categorical or linear trees), a model that does
     *                                  not fit the target or the featurizer, a bad property
     */
    static LightgbmMember load(MemberPayload p) {
        String learner = p.learner();
        if (!p.member().payloadFormat().equals("lightgbm-text")) {
            throw new IllegalArgumentException(learner + " member's payload format must be 'lightgbm-text', but was '"
                    + PropertyReader.shown(p.member().payloadFormat()) + "'");
        }
        PropertyReader props = new PropertyReader(p);
        if (props.has("num_features")) {
            props.whole("num_features", p.featureNames().size(), p.featureNames().size(), 0);
        }
        double mean = props.finite("target_mean", 0);
        double sd = props.finite("target_sd", 1);
        try {
            return read(p, mean, sd);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(learner + " payload is invalid: " + e.getMessage(), e);
        }
    }

    private static LightgbmMember read(MemberPayload p, double mean, double sd) {
        byte[] bytes = p.payload();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                throw new IllegalArgumentException("byte " + i + " is not ASCII");
            }
        }
        List<String> lines = new String(bytes, StandardCharsets.US_ASCII).lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals("tree")) {
            throw new IllegalArgumentException("line 1 must be 'tree'");
        }
        int at = 1;
        Map<String, String> header = new HashMap<>();
        for (; at < lines.size() && !lines.get(at).startsWith("Tree=") && !lines.get(at).equals("end of trees"); at++) {
            keyValue(lines.get(at), at, header);
        }
        Manifest.Target target = p.target();
        Objective objective = switch (target.task()) {
            case "binary" -> Objective.BINARY;
            case "multiclass" -> Objective.MULTICLASS;
            default -> Objective.REGRESSION;
        };
        int classes = objective == Objective.MULTICLASS ? target.classes().size() : 1;
        int features = p.featureNames().size();
        expect(header, "version", "v4");
        expect(header, "num_class", Integer.toString(classes));
        expect(header, "num_tree_per_iteration", Integer.toString(classes));
        expect(header, "max_feature_idx", Integer.toString(features - 1));
        // The sigmoid's scale is the learner's fixed 1, so the link needs no parameter.
        expect(header, "objective", objective == Objective.BINARY ? "binary sigmoid:1"
                : objective == Objective.MULTICLASS ? "multiclass num_class:" + classes : "regression");
        List<Tree> trees = new ArrayList<>();
        while (at < lines.size() && lines.get(at).startsWith("Tree=")) {
            String where = "tree " + trees.size();
            if (!lines.get(at).equals("Tree=" + trees.size())) {
                throw new IllegalArgumentException("line " + (at + 1) + " must be 'Tree=" + trees.size() + "'");
            }
            Map<String, String> t = new HashMap<>();
            for (at++; at < lines.size() && !lines.get(at).isEmpty(); at++) {
                keyValue(lines.get(at), at, t);
            }
            trees.add(tree(t, where, features));
            while (at < lines.size() && lines.get(at).isEmpty()) {
                at++;
            }
        }
        if (at >= lines.size() || !lines.get(at).equals("end of trees")) {
            throw new IllegalArgumentException("line " + (at + 1) + " must be 'Tree=" + trees.size() + "' or 'end of trees'");
        }
        if (trees.isEmpty() || trees.size() % classes != 0) {
            throw new IllegalArgumentException("a model must hold a positive multiple of " + classes + " trees, but held "
                    + trees.size());
        }
        return new LightgbmMember(objective, classes, trees.toArray(new Tree[0]), p.sparseFeatures(), mean, sd, features);
    }

    private static Tree tree(Map<String, String> t, String where, int features) {
        int leaves = ints(t, "num_leaves", where, 1, 1, Integer.MAX_VALUE)[0];
        if (ints(t, "num_cat", where, 1, 0, Integer.MAX_VALUE)[0] != 0) {
            throw new IllegalArgumentException(where + " has categorical splits (num_cat > 0), which are not supported");
        }
        if (t.containsKey("is_linear") && ints(t, "is_linear", where, 1, 0, 1)[0] != 0) {
            throw new IllegalArgumentException(where + " is a linear tree, which is not supported");
        }
        double[] leaf = numbers(t, "leaf_value", where, leaves, false);
        if (leaves == 1) {
            return new Tree(new int[0], new double[0], new byte[0], new int[0], new int[0], leaf);
        }
        int n = leaves - 1;
        int[] feature = ints(t, "split_feature", where, n, 0, features - 1);
        double[] threshold = numbers(t, "threshold", where, n, true);
        int[] decision = ints(t, "decision_type", where, n, 0, 15);
        int[] left = ints(t, "left_child", where, n, -leaves, n - 1);
        int[] right = ints(t, "right_child", where, n, -leaves, n - 1);
        byte[] kinds = new byte[n];
        for (int i = 0; i < n; i++) {
            if ((decision[i] & 1) != 0) {
                throw new IllegalArgumentException(where + " decision_type[" + i + "] is a categorical split ("
                        + decision[i] + "), which is not supported");
            }
            if (((decision[i] >> 2) & 3) == 3) {
                throw new IllegalArgumentException(where + " decision_type[" + i + "] has an unknown missing type ("
                        + decision[i] + ")");
            }
            kinds[i] = (byte) decision[i];
        }
        // Each internal node but the root is the child of one earlier node, each leaf of exactly one node: the walk
        // ends, and every index stays in range.
        boolean[] internal = new boolean[n];
        boolean[] reached = new boolean[leaves];
        for (int node = 0; node < n; node++) {
            for (int child : new int[] {left[node], right[node]}) {
                boolean fresh = child >= 0 ? child > node && !internal[child] : !reached[~child];
                if (!fresh) {
                    throw new IllegalArgumentException(where + " node " + node + " has child " + child
                            + ", which is not a later node or a leaf that no other node has");
                }
                if (child >= 0) {
                    internal[child] = true;
                } else {
                    reached[~child] = true;
                }
            }
        }
        return new Tree(feature, threshold, kinds, left, right, leaf);
    }

    private static void keyValue(String line, int at, Map<String, String> into) {
        if (line.isEmpty()) {
            return;
        }
        int eq = line.indexOf('=');
        if (eq <= 0 || into.putIfAbsent(line.substring(0, eq), line.substring(eq + 1)) != null) {
            throw new IllegalArgumentException("line " + (at + 1) + " must set a key once, but was '"
                    + PropertyReader.shown(line) + "'");
        }
    }

    private static void expect(Map<String, String> header, String key, String value) {
        if (!value.equals(header.get(key))) {
            String was = header.get(key);
            throw new IllegalArgumentException(key + " must be '" + value + "', but was "
                    + (was == null ? "missing" : "'" + PropertyReader.shown(was) + "'"));
        }
    }

    private static String[] parts(Map<String, String> t, String key, String where, int count) {
        String v = t.get(key);
        if (v == null) {
            throw new IllegalArgumentException(where + " lacks " + key);
        }
        String[] parts = v.split(" ", -1);
        if (parts.length != count) {
            throw new IllegalArgumentException(where + " " + key + " must hold " + count + " values, but held " + parts.length);
        }
        return parts;
    }

    private static int[] ints(Map<String, String> t, String key, String where, int count, int min, int max) {
        String[] parts = parts(t, key, where, count);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            long v = parts[i].matches("-?[0-9]{1,10}") ? Long.parseLong(parts[i]) : Long.MIN_VALUE;
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(where + " " + key + "[" + i + "] must be an integer in [" + min + ", "
                        + max + "], but was '" + PropertyReader.shown(parts[i]) + "'");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /**
     * Finite decimal numbers, read correctly rounded as LightGBM's own parser reads them; {@code inf} and {@code -inf}
     * too where {@code infinite} (LightGBM's threshold of a split that only sends missing values the other way).
     */
    private static double[] numbers(Map<String, String> t, String key, String where, int count, boolean infinite) {
        String[] parts = parts(t, key, where, count);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            if (infinite && (parts[i].equals("inf") || parts[i].equals("-inf"))) {
                out[i] = parts[i].equals("inf") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                continue;
            }
            double v = parts[i].length() <= 64 && parts[i].matches("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?")
                    ? Double.parseDouble(parts[i]) : Double.NaN;
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(where + " " + key + "[" + i + "] must be a finite number, but was '"
                        + PropertyReader.shown(parts[i]) + "'");
            }
            out[i] = v;
        }
        return out;
    }
}
