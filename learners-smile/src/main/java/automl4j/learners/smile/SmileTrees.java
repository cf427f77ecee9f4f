package automl4j.learners.smile;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.LeafNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;

/**
 * Converts Smile 3.1 CART trees into {@link TreeEnsemble.Tree}s. Smile exposes every part of a node except an
 * ordinal split's threshold, which is read from its package-private {@code value} field; the export round-trip test
 * fails loudly if a Smile upgrade changes that.
 */
final class SmileTrees {
    private static final Field ORDINAL_VALUE;

    static {
        try {
            ORDINAL_VALUE = OrdinalNode.class.getDeclaredField("value");
            ORDINAL_VALUE.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("smile.base.cart.OrdinalNode has no 'value' field in this Smile version: " + e);
        }
    }

    private SmileTrees() {
    }

    /**
     * The tree under {@code root}.
     *
     * @param classMap for classification, the class index of each of Smile's label codes; null for regression
     * @param outputs  number of leaf outputs (classes, or 1)
     */
    static TreeEnsemble.Tree convert(Node root, int[] classMap, int outputs) {
        List<Integer> feature = new ArrayList<>();
        List<Double> threshold = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        List<double[]> leaf = new ArrayList<>();
        List<Double> cover = new ArrayList<>();
        add(root, classMap, outputs, feature, threshold, left, right, leaf, cover);
        int n = feature.size();
        int[] f = new int[n];
        double[] t = new double[n];
        int[] l = new int[n];
        int[] r = new int[n];
        double[][] v = new double[n][];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = cover.get(i);
            f[i] = feature.get(i);
            t[i] = threshold.get(i);
            l[i] = left.get(i);
            r[i] = right.get(i);
            v[i] = leaf.get(i);
        }
        return new TreeEnsemble.Tree(f, t, l, r, v, c);
    }

    private static int add(Node node, int[] classMap, int outputs, List<Integer> feature, List<Double> threshold,
                           List<Integer> left, List<Integer> right, List<double[]> leaf, List<Double> cover) {
        int id = feature.size();
        cover.add((double) node.size());   // rows of the tree's bootstrap sample that reached the node
        feature.add(-1);
        threshold.add(0.0);
        left.add(-1);
        right.add(-1);
        leaf.add(null);
        if (node instanceof LeafNode) {
            leaf.set(id, leafOutputs(node, classMap, outputs));
            return id;
        }
        if (!(node instanceof OrdinalNode split)) {
            throw new IllegalStateException("unsupported Smile node " + node.getClass().getName() + "; only numeric splits are expected");
        }
        feature.set(id, ((InternalNode) node).feature());
        try {
            threshold.set(id, ORDINAL_VALUE.getDouble(split));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a Smile split threshold", e);
        }
        int l = add(split.trueChild(), classMap, outputs, feature, threshold, left, right, leaf, cover);
        int r = add(split.falseChild(), classMap, outputs, feature, threshold, left, right, leaf, cover);
        left.set(id, l);
        right.set(id, r);
        return id;
    }

    private static double[] leafOutputs(Node node, int[] classMap, int outputs) {
        if (node instanceof RegressionNode reg) {
            return new double[] {reg.output()};
        }
        int[] count = ((DecisionNode) node).count();
        double total = 0;
        for (int c : count) {
            total += c;
        }
        double[] p = new double[outputs];
        for (int j = 0; j < count.length; j++) {
            p[classMap[j]] = total > 0 ? count[j] / total : 0;
        }
        return p;
    }
}
