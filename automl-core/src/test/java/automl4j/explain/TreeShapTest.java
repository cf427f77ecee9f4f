package automl4j.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** TreeSHAP against the Shapley values computed from their definition, and the properties SHAP values must have. */
class TreeShapTest {

    /** A random tree of at most {@code depth} levels on {@code features} features, features reused along paths. */
    static ShapTree randomTree(SplittableRandom r, int features, int depth, int outputs, ShapTree.Split split) {
        List<int[]> children = new ArrayList<>();
        List<Integer> feature = new ArrayList<>();
        List<Double> threshold = new ArrayList<>();
        List<Boolean> missingLeft = new ArrayList<>();
        List<Double> cover = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        grow(r, features, depth, outputs, 1 + r.nextDouble() * 100, children, feature, threshold, missingLeft, cover, values);
        int n = children.size();
        int[] left = new int[n];
        int[] right = new int[n];
        int[] f = new int[n];
        double[] t = new double[n];
        boolean[] m = new boolean[n];
        double[] c = new double[n];
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            left[i] = children.get(i)[0];
            right[i] = children.get(i)[1];
            f[i] = feature.get(i);
            t[i] = threshold.get(i);
            m[i] = missingLeft.get(i);
            c[i] = cover.get(i);
            v[i] = values.get(i);
        }
        return new ShapTree(left, right, f, t, m, c, v, split);
    }

    private static int grow(SplittableRandom r, int features, int depth, int outputs, double cover, List<int[]> children,
                            List<Integer> feature, List<Double> threshold, List<Boolean> missingLeft, List<Double> covers,
                            List<double[]> values) {
        int node = children.size();
        int[] kids = {-1, -1};
        children.add(kids);
        covers.add(cover);
        if (depth == 0 || r.nextInt(5) == 0) {
            double[] v = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                v[k] = r.nextDouble() * 4 - 2;
            }
            feature.add(0);
            threshold.add(0.0);
            missingLeft.add(false);
            values.add(v);
            return node;
        }
        feature.add(r.nextInt(features));
        threshold.add((double) r.nextInt(3));   // rows take values 0..3: ties with the threshold happen
        missingLeft.add(r.nextBoolean());
        values.add(null);
        // Covers of the two children need not add up to the parent's (fractions are normalized).
        double share = 0.05 + 0.9 * r.nextDouble();
        kids[0] = grow(r, features, depth - 1, outputs, cover * share * (0.8 + 0.4 * r.nextDouble()), children, feature,
                threshold, missingLeft, covers, values);
        kids[1] = grow(r, features, depth - 1, outputs, cover * (1 - share), children, feature, threshold, missingLeft,
                covers, values);
        return node;
    }

    static double[] randomRow(SplittableRandom r, int features) {
        double[] x = new double[features];
        for (int i = 0; i < features; i++) {
            x[i] = r.nextInt(8) == 0 ? Double.NaN : r.nextInt(4);
        }
        return x;
    }

    /** E[f(x) | x_S] under the covers' fractions (Algorithm 1 of the paper). */
    private static double expectation(ShapTree tree, int node, double[] x, boolean[] known, int output) {
        if (tree.isLeaf(node)) {
            return tree.value(node, output);
        }
        if (known[tree.feature(node)]) {
            return expectation(tree, tree.next(node, x), x, known, output);
        }
        return TreeShap.fraction(tree, node, tree.left(node)) * expectation(tree, tree.left(node), x, known, output)
                + TreeShap.fraction(tree, node, tree.right(node)) * expectation(tree, tree.right(node), x, known, output);
    }

    /** Shapley values from their definition: every subset of the other features, weighted by |S|!(M-|S|-1)!/M!. */
    private static double[][] bruteForce(List<ShapTree> trees, double[] x, int features, int outputs) {
        double[][] phi = new double[features][outputs];
        double[] factorial = new double[features + 1];
        factorial[0] = 1;
        for (int i = 1; i <= features; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        for (int i = 0; i < features; i++) {
            for (int mask = 0; mask < 1 << features; mask++) {
                if ((mask & (1 << i)) != 0) {
                    continue;
                }
                boolean[] known = new boolean[features];
                int size = 0;
                for (int j = 0; j < features; j++) {
                    known[j] = (mask & (1 << j)) != 0;
                    size += known[j] ? 1 : 0;
                }
                double w = factorial[size] * factorial[features - size - 1] / factorial[features];
                for (int k = 0; k < outputs; k++) {
                    double without = 0;
                    double with = 0;
                    boolean[] plus = known.clone();
                    plus[i] = true;
                    for (ShapTree t : trees) {
                        without += expectation(t, 0, x, known, k);
                        with += expectation(t, 0, x, plus, k);
                    }
                    phi[i][k] += w * (with - without);
                }
            }
        }
        return phi;
    }

    @Test
    void matchesTheShapleyValuesOfTheirDefinition() {
        qt().withExamples(300).forAll(integers().between(1, 6), integers().between(0, 100_000)).checkAssert((features, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            int outputs = 1 + r.nextInt(3);
            ShapTree.Split split = r.nextBoolean() ? ShapTree.Split.LESS_THAN : ShapTree.Split.LESS_OR_EQUAL;
            List<ShapTree> trees = new ArrayList<>();
            for (int t = 0, n = 1 + r.nextInt(3); t < n; t++) {
                trees.add(randomTree(r, features, 1 + r.nextInt(6), outputs, split));
            }
            double[] x = randomRow(r, features);
            double[][] expected = bruteForce(trees, x, features, outputs);
            double[][] actual = TreeShap.values(trees, x, features);
            for (int i = 0; i < features; i++) {
                for (int k = 0; k < outputs; k++) {
                    assertThat(actual[i][k]).as("feature %d output %d", i, k).isCloseTo(expected[i][k], within(1e-9));
                }
            }
        });
    }

    @Test
    void valuesAddUpToThePredictionMinusTheBaseValue() {
        qt().withExamples(100).forAll(integers().between(0, 100_000)).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int features = 20;
            List<ShapTree> trees = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                trees.add(randomTree(r, features, 6, 2, ShapTree.Split.LESS_THAN));
            }
            double[] x = randomRow(r, features);
            double[][] phi = TreeShap.values(trees, x, features);
            double[] base = TreeShap.baseValue(trees);
            for (int k = 0; k < 2; k++) {
                double prediction = 0;
                for (ShapTree t : trees) {
                    prediction += t.predict(x)[k];
                }
                double sum = base[k];
                for (double[] p : phi) {
                    sum += p[k];
                }
                assertThat(sum).isCloseTo(prediction, within(1e-6));
            }
        });
    }

    @Test
    void aFeatureNoSplitUsesGetsZero() {
        SplittableRandom r = new SplittableRandom(3);
        List<ShapTree> trees = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            trees.add(randomTree(r, 4, 5, 1, ShapTree.Split.LESS_THAN));   // features 0..3 only
        }
        double[] x = randomRow(r, 7);
        double[][] phi = TreeShap.values(trees, x, 7);
        for (int i = 4; i < 7; i++) {
            assertThat(phi[i][0]).isZero();
        }
    }

    @Test
    void symmetricFeaturesGetEqualValues() {
        // f = 1 when x0 > 0 and x1 > 0; the two features play the same part with the same covers
        int[] left = {1, 3, 5, -1, -1, -1, -1};
        int[] right = {2, 4, 6, -1, -1, -1, -1};
        int[] feature = {0, 1, 1, 0, 0, 0, 0};
        double[] threshold = {0, 0, 0, 0, 0, 0, 0};
        boolean[] missing = new boolean[7];
        double[] cover = {4, 2, 2, 1, 1, 1, 1};
        double[][] values = {null, null, null, {0}, {0}, {0}, {1}};
        ShapTree tree = new ShapTree(left, right, feature, threshold, missing, cover, values, ShapTree.Split.LESS_OR_EQUAL);
        double[][] phi = TreeShap.values(List.of(tree), new double[] {1, 1}, 2);
        assertThat(phi[0][0]).isCloseTo(phi[1][0], within(1e-12));
        assertThat(phi[0][0] + phi[1][0] + TreeShap.baseValue(List.of(tree))[0]).isCloseTo(1.0, within(1e-12));
        assertThat(phi[0][0]).isCloseTo(0.375, within(1e-12));
    }

    @Test
    void aChildNoTrainingRowReachedAddsNothingAndBreaksNothing() {
        // root splits x0; its left child (cover 0) splits x0 again, so unwinding meets the zero share
        int[] left = {1, 3, -1, -1, -1};
        int[] right = {2, 4, -1, -1, -1};
        int[] feature = {0, 0, 0, 0, 0};
        double[] threshold = {1, 0, 0, 0, 0};
        double[] cover = {3, 0, 3, 0, 0};
        double[][] values = {null, null, {5}, {-1}, {2}};
        ShapTree tree = new ShapTree(left, right, feature, threshold, new boolean[5], cover, values, ShapTree.Split.LESS_THAN);
        for (double x0 : new double[] {-1, 0.5, 2, Double.NaN}) {
            double[][] phi = TreeShap.values(List.of(tree), new double[] {x0, 0}, 2);
            assertThat(phi[0][0] + phi[1][0] + TreeShap.baseValue(List.of(tree))[0]).as("x0 = %s", x0)
                    .isCloseTo(tree.predict(new double[] {x0, 0})[0], within(1e-12));
            assertThat(phi[1][0]).isZero();
        }
    }

    @Test
    void aMalformedTreeIsRefused() {
        assertThatThrownBy(() -> new ShapTree(new int[] {0, -1}, new int[] {1, -1}, new int[2], new double[2], new boolean[2],
                new double[] {1, 1}, new double[][] {null, {1}}, ShapTree.Split.LESS_THAN))
                .hasMessageContaining("node 0 has children 0 and 1");
        ShapTree wide = new ShapTree(new int[] {-1}, new int[] {-1}, new int[1], new double[1], new boolean[1],
                new double[] {1}, new double[][] {{1, 2}}, ShapTree.Split.LESS_THAN);
        ShapTree narrow = new ShapTree(new int[] {-1}, new int[] {-1}, new int[1], new double[1], new boolean[1],
                new double[] {1}, new double[][] {{1}}, ShapTree.Split.LESS_THAN);
        assertThatThrownBy(() -> TreeShap.values(List.of(wide, narrow), new double[1], 1)).hasMessageContaining("differ in outputs");
    }
}
