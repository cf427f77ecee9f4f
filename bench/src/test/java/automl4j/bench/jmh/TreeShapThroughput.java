package automl4j.bench.jmh;

import automl4j.explain.ShapTree;
import automl4j.explain.TreeShap;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TreeSHAP ({@link TreeShap}) of {@code rows} rows on a forest of {@code trees} full binary trees of depth
 * {@code depth} over 50 Gaussian features (random split features and thresholds, random covers; one output). The
 * score is milliseconds per explanation of all rows, one thread. Run with {@code bench/jmh.sh TreeShapThroughput}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class TreeShapThroughput {
    private static final int FEATURES = 50;

    @Param({"1000"})
    public int rows;

    @Param({"200"})
    public int trees;

    @Param({"6"})
    public int depth;

    private List<ShapTree> forest;
    private double[][] data;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        forest = new ArrayList<>();
        for (int t = 0; t < trees; t++) {
            forest.add(fullTree(r, depth));
        }
        data = new double[rows][FEATURES];
        for (double[] row : data) {
            for (int f = 0; f < FEATURES; f++) {
                row[f] = r.nextGaussian();
            }
        }
    }

    private static ShapTree fullTree(SplittableRandom r, int depth) {
        int n = (1 << (depth + 1)) - 1;   // heap order: children of i are 2i+1 and 2i+2, after their parent
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] threshold = new double[n];
        boolean[] missing = new boolean[n];
        double[] cover = new double[n];
        double[][] values = new double[n][];
        cover[0] = 1000;
        for (int i = 0; i < n; i++) {
            boolean leaf = 2 * i + 1 >= n;
            left[i] = leaf ? -1 : 2 * i + 1;
            right[i] = leaf ? -1 : 2 * i + 2;
            feature[i] = r.nextInt(FEATURES);
            threshold[i] = r.nextGaussian() * 0.5;
            missing[i] = r.nextBoolean();
            if (leaf) {
                values[i] = new double[] {r.nextGaussian() * 0.1};
            } else {
                double share = 0.1 + 0.8 * r.nextDouble();
                cover[2 * i + 1] = cover[i] * share;
                cover[2 * i + 2] = cover[i] * (1 - share);
            }
        }
        return new ShapTree(left, right, feature, threshold, missing, cover, values, ShapTree.Split.LESS_THAN);
    }

    @Benchmark
    public double explainAllRows() {
        double sum = 0;
        for (double[] row : data) {
            sum += TreeShap.values(forest, row, FEATURES)[0][0];
        }
        return sum;
    }
}
