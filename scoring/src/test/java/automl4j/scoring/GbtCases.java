package automl4j.scoring;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.Labels;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded synthetic data for the gradient-boosted tree evaluators' tests, the member payload the scoring side gets from
 * an engine export, and the bit comparison of the engine's flat predictions with the scoring evaluator's.
 */
final class GbtCases {
    static final Task BINARY = new Classification(List.of("no", "yes"));
    static final Task MULTICLASS = new Classification(List.of("a", "b", "c", "d"));
    static final Task REGRESSION = new Regression();
    static final List<Task> TASKS = List.of(BINARY, MULTICLASS, REGRESSION);
    static final int FEATURES = 7;
    static final List<String> NAMES = List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6");

    private GbtCases() {
    }

    /**
     * Dense rows: Gaussian features, f3 whole numbers (so that rows land on split values), f4 mostly zero, -0.0 here and
     * there, and a share {@code missing} of NaN cells.
     */
    static float[] dense(int rows, long seed, double missing) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * FEATURES];
        for (int i = 0; i < x.length; i++) {
            int c = i % FEATURES;
            float v = (float) r.nextGaussian();
            v = c == 3 ? Math.round(2 * v) : c == 4 ? (r.nextDouble() < 0.7 ? 0f : v) : v;
            if (r.nextDouble() < 0.02) {
                v = -0.0f;
            }
            x[i] = r.nextDouble() < missing ? Float.NaN : v;
        }
        return x;
    }

    /** Sparse-looking rows: each cell non-zero with probability 0.3, never NaN. */
    static float[] mostlyZero(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * FEATURES];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < 0.3 ? (float) (r.nextGaussian() + (i % FEATURES == 0 ? 1 : 0)) : 0f;
        }
        return x;
    }

    /** The non-zero cells of {@code x} in CSR form, as a sparse featurizer gives them. */
    static FeatureMatrix sparse(float[] x, int rows) {
        int[] start = new int[rows + 1];
        List<Integer> idx = new ArrayList<>();
        List<Float> val = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < FEATURES; c++) {
                float v = x[i * FEATURES + c];
                if (v != 0) {
                    idx.add(c);
                    val.add(v);
                }
            }
            start[i + 1] = idx.size();
        }
        int[] indexes = idx.stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[val.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = val.get(i);
        }
        return FeatureMatrix.sparse(start, indexes, values, NAMES);
    }

    /** Labels with signal in f0, f1, f2 and f3 (missing cells count as 0) and some noise. */
    static TrainingSet training(Task task, float[] x, FeatureMatrix features, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = features.rows();
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            double[] w = {1.0, 0.6, -0.4, 0.3};
            for (int c = 0; c < w.length; c++) {
                float v = x[i * FEATURES + c];
                s += Float.isNaN(v) ? 0 : w[c] * v;
            }
            s += 0.3 * r.nextGaussian();
            y[i] = task instanceof Regression ? 1000 + 50 * s
                    : task.equals(BINARY) ? (s > 0.2 ? 1 : 0)
                    : s < -0.6 ? 0 : s < 0 ? 1 : s < 0.6 ? 2 : 3;
        }
        return new TrainingSet(features, Labels.of(y), new Target("y", task));
    }

    static Manifest.Target target(Task task) {
        return new Manifest.Target("y", task instanceof Regression ? "regression" : task.equals(BINARY) ? "binary"
                : "multiclass", task instanceof Classification c ? c.classes() : List.of());
    }

    /** What the scoring module's reader hands an evaluator for {@code a}, as a member of a model file. */
    static MemberPayload payload(ModelArtifact a, Task task, boolean sparse) {
        return new MemberPayload(new Manifest.Member(1, 0, a.learnerId(), a.format(), "members/0.bin", a.properties()),
                a.payload(), target(task), NAMES, sparse);
    }

    /** The same payload with other bytes or properties. */
    static MemberPayload payload(ModelArtifact a, Task task, byte[] bytes, Map<String, String> properties) {
        return new MemberPayload(new Manifest.Member(1, 0, a.learnerId(), a.format(), "members/0.bin", properties),
                bytes, target(task), NAMES, false);
    }

    /** Row {@code i} of {@code x}. */
    static float[] row(float[] x, int i) {
        return java.util.Arrays.copyOfRange(x, i * FEATURES, (i + 1) * FEATURES);
    }

    /** How many of the outputs differ in their bits, and by at most how many units in the last place. */
    record Mismatch(int outputs, int differing, double maxUlps) {
        @Override
        public String toString() {
            return differing + " of " + outputs + " outputs differ, by at most " + maxUlps + " ulp";
        }
    }

    /** Compares the engine's flat predictions of {@code rows} rows with the evaluator's, output by output. */
    static Mismatch compare(double[] engine, int rows, float[] x, Function<float[], double[]> scoring) {
        int width = engine.length / rows;
        int differing = 0;
        double maxUlps = 0;
        for (int i = 0; i < rows; i++) {
            double[] got = scoring.apply(row(x, i));
            if (got.length != width) {
                throw new AssertionError("row " + i + ": " + got.length + " outputs, the engine gives " + width);
            }
            for (int k = 0; k < width; k++) {
                double want = engine[i * width + k];
                if (Double.doubleToRawLongBits(want) != Double.doubleToRawLongBits(got[k])) {
                    differing++;
                    maxUlps = Math.max(maxUlps, Math.abs(want - got[k]) / Math.ulp(want));
                }
            }
        }
        return new Mismatch(engine.length, differing, maxUlps);
    }

    /** As {@link #compare} for float outputs (margins): units in the last place of a float. */
    static Mismatch compareFloats(float[][] engine, float[] x, Function<float[], float[]> scoring) {
        int differing = 0;
        int outputs = 0;
        double maxUlps = 0;
        for (int i = 0; i < engine.length; i++) {
            float[] got = scoring.apply(row(x, i));
            if (got.length != engine[i].length) {
                throw new AssertionError("row " + i + ": " + got.length + " margins, the engine gives " + engine[i].length);
            }
            for (int k = 0; k < got.length; k++) {
                outputs++;
                if (Float.floatToRawIntBits(engine[i][k]) != Float.floatToRawIntBits(got[k])) {
                    differing++;
                    maxUlps = Math.max(maxUlps, Math.abs(engine[i][k] - got[k]) / Math.ulp(engine[i][k]));
                }
            }
        }
        return new Mismatch(outputs, differing, maxUlps);
    }
}
