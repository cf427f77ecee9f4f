package automl4j.scoring;

import java.util.List;
import java.util.Map;

/**
 * An {@code xgboost} member ({@code xgboost-ubj}: XGBoost 3.x's UBJ model), evaluated as XGBoost 3.4's CPU predictor
 * does: the base margin in float, each tree's leaf added in float in tree order to its class's margin, a split sending
 * a row left when its value is below the split condition and a missing value the tree's default way, then the
 * objective's link in float ({@link GbtLinks}). A dense row's missing cells are NaN; where the engine hands the
 * featurizer's output over as a sparse matrix, XGBoost sees its absent (zero) cells as missing, and so does this.
 */
final class XgboostMember implements MemberModel {
    private enum Objective { BINARY, MULTICLASS, REGRESSION }

    /** Rows walked through one tree before the next: few enough that their features stay in the nearest cache. */
    private static final int BLOCK = 64;

    private final Objective objective;
    private final float[] baseMargin;
    private final Forest forest;
    private final int[] group;
    private final double targetMean;
    private final double targetSd;
    private final int features;

    /** One tree as read; a leaf has {@code left == -1} and its value in {@code condition}, as XGBoost stores it. */
    private record Tree(int[] left, int[] right, int[] feature, float[] condition, byte[] defaultLeft) {
    }

    /**
     * Every tree's nodes in two arrays, renumbered so that a node's children are adjacent (the right one after the
     * left), which halves what a walk reads: node {@code j}'s {@code links[2j]} is its left child's index, negated when
     * a missing value goes left, or 0 for a leaf (no node's child is node 0, the first tree's root), and
     * {@code links[2j + 1]} its feature; {@code values[j]} is its split condition, or a leaf's value. One tree's nodes
     * sit together, in breadth-first order from its root {@code roots[t]}.
     */
    private static final class Forest {
        private final int[] links;
        private final float[] values;
        private final int[] roots;
        private final boolean zeroIsMissing;

        Forest(Tree[] trees, boolean zeroIsMissing) {
            int total = 0;
            for (Tree t : trees) {
                total += t.left().length;
            }
            links = new int[2 * total];
            values = new float[total];
            roots = new int[trees.length];
            this.zeroIsMissing = zeroIsMissing;
            int next = 0;
            int[] queue = new int[0];
            for (int k = 0; k < trees.length; k++) {
                Tree t = trees[k];
                int n = t.left().length;
                if (queue.length < n) {
                    queue = new int[n];
                }
                roots[k] = next;
                // Breadth first: the tree's old node queue[i] becomes node roots[k] + i, its children enqueued together.
                int head = 0;
                int tail = 0;
                queue[tail++] = 0;
                while (head < tail) {
                    int old = queue[head];
                    int j = roots[k] + head++;
                    values[j] = t.condition()[old];
                    if (t.left()[old] == -1) {
                        continue;   // a leaf: links stay 0
                    }
                    int left = roots[k] + tail;
                    queue[tail++] = t.left()[old];
                    queue[tail++] = t.right()[old];
                    links[2 * j] = t.defaultLeft()[old] != 0 ? -left : left;
                    links[2 * j + 1] = t.feature()[old];
                }
                next += tail;
            }
        }

        /** The leaf value tree {@code t} gives row {@code x}: XGBoost's walk, a missing value going the default way. */
        float leaf(int t, float[] x) {
            int j = roots[t];
            int link;
            while ((link = links[2 * j]) != 0) {
                int left = link < 0 ? -link : link;
                float v = x[links[2 * j + 1]];
                if (Float.isNaN(v) || (zeroIsMissing && v == 0f)) {
                    j = link < 0 ? left : left + 1;
                } else {
                    j = v < values[j] ? left : left + 1;
                }
            }
            return values[j];
        }
    }

    private XgboostMember(Objective objective, float[] baseMargin, Tree[] trees, int[] group, boolean zeroIsMissing,
                          double targetMean, double targetSd, int features) {
        this.objective = objective;
        this.baseMargin = baseMargin;
        this.forest = new Forest(trees, zeroIsMissing);
        this.group = group;
        this.targetMean = targetMean;
        this.targetSd = targetSd;
        this.features = features;
    }

    /** XGBoost's margin of each class (its {@code output_margin} prediction): the base margin plus the trees' leaves. */
    float[] margin(float[] x) {
        checkWidth(x);
        float[] margin = baseMargin.clone();
        for (int t = 0; t < group.length; t++) {
            margin[group[t]] += forest.leaf(t, x);
        }
        return margin;
    }

    private void checkWidth(float[] x) {
        if (x.length != features) {
            throw new IllegalArgumentException("xgboost member reads " + features + " features, but was given " + x.length);
        }
    }

    /** Trees evaluated: those of the rounds early stopping kept, one per class and round. */
    int treeCount() {
        return group.length;
    }

    @Override
    public double[] predict(float[] x) {
        return link(margin(x));
    }

    /**
     * The rows' predictions, tree by tree over blocks of rows so that a tree's nodes stay in cache while it is walked
     * for many rows. Each row's margin still adds its trees' leaves in tree order, in float, so its bits are those of
     * {@link #predict(float[])}.
     */
    @Override
    public double[][] predict(float[][] rows) {
        for (float[] x : rows) {
            checkWidth(x);
        }
        double[][] out = new double[rows.length][];
        float[][] margins = new float[Math.min(BLOCK, rows.length)][];
        for (int start = 0; start < rows.length; start += BLOCK) {
            int n = Math.min(BLOCK, rows.length - start);
            for (int r = 0; r < n; r++) {
                margins[r] = baseMargin.clone();
            }
            for (int t = 0; t < group.length; t++) {
                int g = group[t];
                for (int r = 0; r < n; r++) {
                    margins[r][g] += forest.leaf(t, rows[start + r]);
                }
            }
            for (int r = 0; r < n; r++) {
                out[start + r] = link(margins[r]);
            }
        }
        return out;
    }

    /** The flat prediction from the margins (which the softmax overwrites). */
    private double[] link(float[] margin) {
        switch (objective) {
            case BINARY: {
                float p = GbtLinks.xgboostSigmoid(margin[0]);
                // as the engine's XgboostModel, whose 1 - raw[i][0] subtracts in float before widening
                float q = 1 - p;
                return new double[] {q, p};
            }
            case MULTICLASS: {
                GbtLinks.xgboostSoftmax(margin);
                double[] out = new double[margin.length];
                for (int k = 0; k < out.length; k++) {
                    out[k] = margin[k];
                }
                return out;
            }
            default:
                return new double[] {targetMean + targetSd * margin[0]};
        }
    }

    /**
     * Reads an {@code xgboost-ubj} payload.
     *
     * @throws IllegalArgumentException naming the learner and what is wrong: another payload format, a malformed or
     *                                  unsupported model (objective, categorical or multi-target trees), a model that
     *                                  does not fit the target or the featurizer, a bad property
     */
    static XgboostMember load(MemberPayload p) {
        String learner = p.learner();
        if (!p.member().payloadFormat().equals("xgboost-ubj")) {
            throw new IllegalArgumentException(learner + " member's payload format must be 'xgboost-ubj', but was '"
                    + PropertyReader.shown(p.member().payloadFormat()) + "'");
        }
        PropertyReader props = new PropertyReader(p);
        try {
            return read(p, props);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(learner + " payload is invalid: " + e.getMessage(), e);
        }
    }

    private static XgboostMember read(MemberPayload p, PropertyReader props) {
        Map<String, Object> top = object(Ubj.read(p.payload()), "the payload");
        int[] version = ints(field(top, "version", ""), "version");
        if (version.length != 3 || version[0] != 3 || version[1] > 4) {
            throw new IllegalArgumentException("version must be [3, minor, patch] with minor <= 4 (XGBoost 3.0 to 3.4),"
                    + " but was " + java.util.Arrays.toString(version));
        }
        Map<String, Object> learner = object(field(top, "learner", ""), "learner");
        Map<String, Object> param = object(field(learner, "learner_model_param", "learner."), "learner.learner_model_param");
        String lp = "learner.learner_model_param.";
        int numFeature = natural(field(param, "num_feature", lp), lp + "num_feature", 1, Integer.MAX_VALUE);
        int numClass = natural(field(param, "num_class", lp), lp + "num_class", 0, Integer.MAX_VALUE);
        if (param.containsKey("num_target")) {
            natural(param.get("num_target"), lp + "num_target", 1, 1);
        }
        String name = string(field(object(field(learner, "objective", "learner."), "learner.objective"), "name",
                "learner.objective."), "learner.objective.name");

        Manifest.Target target = p.target();
        Objective objective = switch (target.task()) {
            case "binary" -> Objective.BINARY;
            case "multiclass" -> Objective.MULTICLASS;
            default -> Objective.REGRESSION;
        };
        String wantName = objective == Objective.BINARY ? "binary:logistic"
                : objective == Objective.MULTICLASS ? "multi:softprob" : "reg:squarederror";
        int wantClasses = objective == Objective.MULTICLASS ? target.classes().size() : 0;
        if (!name.equals(wantName) || numClass != wantClasses) {
            throw new IllegalArgumentException("a " + target.task() + " model of " + target.classes().size()
                    + " classes must have objective '" + wantName + "' and num_class " + wantClasses + ", but has '"
                    + PropertyReader.shown(name) + "' and " + numClass);
        }
        if (numFeature != p.featureNames().size()) {
            throw new IllegalArgumentException(lp + "num_feature must be " + p.featureNames().size()
                    + " (the featurizer's features), but was " + numFeature);
        }
        if (props.has("num_features")) {
            props.whole("num_features", numFeature, numFeature, numFeature);
        }
        int groups = Math.max(1, numClass);
        float[] base = baseMargin(string(field(param, "base_score", lp), lp + "base_score"), groups, objective);

        Map<String, Object> booster = object(field(learner, "gradient_booster", "learner."), "learner.gradient_booster");
        String bm = "learner.gradient_booster.";
        String boosterName = string(field(booster, "name", bm), bm + "name");
        if (!boosterName.equals("gbtree")) {
            throw new IllegalArgumentException(bm + "name must be 'gbtree', but was '" + PropertyReader.shown(boosterName) + "'");
        }
        Map<String, Object> model = object(field(booster, "model", bm), bm + "model");
        String m = bm + "model.";
        if (model.get("cats") instanceof Map<?, ?> cats) {
            for (Map.Entry<?, ?> e : cats.entrySet()) {
                if (size(e.getValue()) != 0) {
                    throw new IllegalArgumentException(m + "cats." + e.getKey() + " is not empty: categorical features are"
                            + " not supported (AutoML4J trains none)");
                }
            }
        }
        Map<String, Object> gp = object(field(model, "gbtree_model_param", m), m + "gbtree_model_param");
        natural(field(gp, "num_parallel_tree", m + "gbtree_model_param."), m + "gbtree_model_param.num_parallel_tree", 1, 1);
        if (!(field(model, "trees", m) instanceof List<?> list)) {
            throw new IllegalArgumentException(m + "trees must be an array");
        }
        int[] info = ints(field(model, "tree_info", m), m + "tree_info");
        if (info.length != list.size() || list.size() % groups != 0) {
            throw new IllegalArgumentException(m + "tree_info must have one group per tree and the trees must be a"
                    + " multiple of " + groups + ", but there are " + list.size() + " trees and " + info.length + " groups");
        }
        int rounds = list.size() / groups;
        int treeLimit = props.whole("tree_limit", 0, rounds, 0);
        int kept = treeLimit > 0 ? treeLimit * groups : list.size();
        Tree[] trees = new Tree[kept];
        int[] group = new int[kept];
        for (int t = 0; t < kept; t++) {
            if (info[t] != t % groups) {
                throw new IllegalArgumentException(m + "tree_info[" + t + "] must be " + (t % groups)
                        + " (one tree per class and round), but was " + info[t]);
            }
            group[t] = info[t];
            trees[t] = tree(list.get(t), m + "trees[" + t + "]", numFeature);
        }
        return new XgboostMember(objective, base, trees, group, p.sparseFeatures(),
                props.finite("target_mean", 0), props.finite("target_sd", 1), numFeature);
    }

    /**
     * The base margin of each class: the stored {@code base_score} ({@code v} or {@code [v1,...]}, one value or one per
     * class, broadcast as XGBoost does), through the objective's {@code ProbToMargin} for the logistic loss.
     */
    private static float[] baseMargin(String s, int groups, Objective objective) {
        String path = "learner.learner_model_param.base_score";
        boolean bracketed = s.length() >= 2 && s.startsWith("[") && s.endsWith("]");
        String[] parts = (bracketed ? s.substring(1, s.length() - 1) : s).split(",", -1);
        if (!(parts.length == 1 || parts.length == groups) || s.length() > 64L * groups) {
            throw new IllegalArgumentException(path + " must be one number or " + groups + ", but was '"
                    + PropertyReader.shown(s) + "'");
        }
        float[] out = new float[groups];
        for (int k = 0; k < groups; k++) {
            String part = parts[parts.length == 1 ? 0 : k].trim();
            float v;
            try {
                v = Float.parseFloat(part);
            } catch (NumberFormatException e) {
                v = Float.NaN;
            }
            if (!Float.isFinite(v) || part.endsWith("f") || part.endsWith("d") || part.endsWith("F") || part.endsWith("D")) {
                throw new IllegalArgumentException(path + " must hold finite numbers, but was '" + PropertyReader.shown(s) + "'");
            }
            if (objective == Objective.BINARY && !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(path + " must be a probability for binary:logistic, but was '"
                        + PropertyReader.shown(s) + "'");
            }
            out[k] = objective == Objective.BINARY ? GbtLinks.xgboostLogit(v) : v;
        }
        return out;
    }

    /** A tree of a model with {@code numFeature} features: each node reached once from the root, children after parents. */
    private static Tree tree(Object value, String path, int numFeature) {
        Map<String, Object> t = object(value, path);
        String pp = path + ".";
        Map<String, Object> param = object(field(t, "tree_param", pp), pp + "tree_param");
        int n = natural(field(param, "num_nodes", pp + "tree_param."), pp + "tree_param.num_nodes", 1, Integer.MAX_VALUE);
        if (param.containsKey("size_leaf_vector")) {
            natural(param.get("size_leaf_vector"), pp + "tree_param.size_leaf_vector", 0, 1);
        }
        int[] left = ints(field(t, "left_children", pp), pp + "left_children");
        int[] right = ints(field(t, "right_children", pp), pp + "right_children");
        int[] feature = ints(field(t, "split_indices", pp), pp + "split_indices");
        int[] splitType = ints(field(t, "split_type", pp), pp + "split_type");
        int[] defaults = ints(field(t, "default_left", pp), pp + "default_left");
        float[] condition = floats(field(t, "split_conditions", pp), pp + "split_conditions");
        for (String k : new String[] {"left_children", "right_children", "split_indices", "split_type", "default_left",
            "split_conditions"}) {
            if (size(t.get(k)) != n) {
                throw new IllegalArgumentException(pp + k + " must have " + n + " elements (num_nodes), but has " + size(t.get(k)));
            }
        }
        if (t.containsKey("categories_nodes") && size(t.get("categories_nodes")) != 0) {
            throw new IllegalArgumentException(pp + "categories_nodes is not empty: categorical splits are not supported");
        }
        boolean[] reached = new boolean[n];
        byte[] defaultLeft = new byte[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && !reached[i]) {
                throw new IllegalArgumentException(path + " node " + i + " is not reached from the root");
            }
            if (!Float.isFinite(condition[i])) {
                throw new IllegalArgumentException(pp + "split_conditions[" + i + "] must be finite, but was " + condition[i]);
            }
            if (left[i] == -1 && right[i] == -1) {
                continue;   // a leaf; its split fields are unused
            }
            for (int c : new int[] {left[i], right[i]}) {
                if (!(c > i && c < n) || reached[c] || left[i] == right[i]) {
                    throw new IllegalArgumentException(path + " node " + i + " has child " + c + ", which must be a later"
                            + " node (below " + n + ") that no other split names, or -1 on both sides for a leaf");
                }
                reached[c] = true;
            }
            if (splitType[i] != 0) {
                throw new IllegalArgumentException(pp + "split_type[" + i + "] is " + splitType[i]
                        + ": categorical splits are not supported (AutoML4J trains none)");
            }
            if (!(feature[i] >= 0 && feature[i] < numFeature)) {
                throw new IllegalArgumentException(pp + "split_indices[" + i + "] must be a feature index in [0, "
                        + numFeature + "), but was " + feature[i]);
            }
            if (!(defaults[i] == 0 || defaults[i] == 1)) {
                throw new IllegalArgumentException(pp + "default_left[" + i + "] must be 0 or 1, but was " + defaults[i]);
            }
            defaultLeft[i] = (byte) defaults[i];
        }
        return new Tree(left, right, feature, condition, defaultLeft);
    }

    private static Object field(Map<String, Object> m, String key, String prefix) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(prefix + key + " is missing");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String path) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(path + " must be an object");
        }
        return (Map<String, Object>) v;
    }

    private static String string(Object v, String path) {
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(path + " must be a string");
        }
        return s;
    }

    /** A whole number written as a decimal string, as XGBoost writes its parameters. */
    private static int natural(Object v, String path, int min, int max) {
        String s = string(v, path);
        long n = s.matches("0|[1-9][0-9]{0,9}") ? Long.parseLong(s) : -1;
        if (!(n >= min && n <= max)) {
            throw new IllegalArgumentException(path + " must be a whole number in [" + min + ", " + max + "], but was '"
                    + PropertyReader.shown(s) + "'");
        }
        return (int) n;
    }

    private static int size(Object v) {
        if (v instanceof List<?> l) {
            return l.size();
        }
        return v != null && v.getClass().isArray() ? java.lang.reflect.Array.getLength(v) : -1;
    }

    /** An integer array, typed or not, each element within int range. */
    private static int[] ints(Object v, String path) {
        int n = size(v);
        if (n < 0 || v instanceof float[] || v instanceof double[]) {
            throw new IllegalArgumentException(path + " must be an array of integers");
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long x;
            if (v instanceof byte[] b) {
                x = b[i];   // UBJ's 'U' is unsigned, 'i' signed; XGBoost writes 0 and 1 in either
            } else if (v instanceof short[] s) {
                x = s[i];
            } else if (v instanceof int[] a) {
                x = a[i];
            } else if (v instanceof long[] a) {
                x = a[i];
            } else if (((List<?>) v).get(i) instanceof Long l) {
                x = l;
            } else {
                throw new IllegalArgumentException(path + "[" + i + "] must be an integer");
            }
            if (x != (int) x) {
                throw new IllegalArgumentException(path + "[" + i + "] must be a 32-bit integer, but was " + x);
            }
            out[i] = (int) x;
        }
        return out;
    }

    /** A float32 array; XGBoost writes its tree values as typed float32 arrays. */
    private static float[] floats(Object v, String path) {
        if (v instanceof float[] f) {
            return f;
        }
        if (v instanceof List<?> l && l.stream().allMatch(e -> e instanceof Double)) {
            float[] out = new float[l.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (double) (Double) l.get(i);
            }
            return out;
        }
        throw new IllegalArgumentException(path + " must be an array of float32 numbers");
    }
}
