package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Shared by the member evaluators' tests: synthetic data, the engine's model and export, the scoring member built from
 * the same bytes, and the bit-for-bit comparison of their flat predictions.
 */
final class MemberChecks {
    static final Task BINARY = new Classification(List.of("neg", "pos"));
    static final Task MULTICLASS = new Classification(List.of("high", "low", "mid"));
    static final Task FIVE_CLASSES = new Classification(List.of("a", "b", "c", "d", "e"));
    static final Task REGRESSION = new Regression();

    private MemberChecks() {
    }

    /** How the synthetic features look. */
    enum Style {
        /** Gaussian features; signal in the first two. */
        GAUSSIAN,
        /** Features in {0, 1, 2}: many rows share a distance to a query, and many repeat (k-NN ties). */
        GRID
    }

    /** {@code rows} rows of {@code columns} features, labelled from the first two. */
    static TrainingSet data(Task task, int rows, int columns, Style style, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add("f" + c);
        }
        float[] x = new float[rows * columns];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < columns; c++) {
                x[i * columns + c] = style == Style.GRID ? r.nextInt(3) : (float) r.nextGaussian();
            }
            double s = x[i * columns] + 0.5 * x[i * columns + 1] - (style == Style.GRID ? 1.5 : 0) + 0.3 * r.nextGaussian();
            int classes = task instanceof Classification c ? c.classes().size() : 0;
            y[i] = classes == 0 ? 3 * s + 10 + 0.1 * r.nextGaussian()
                    : Math.min(classes - 1, Math.max(0, (int) Math.floor((s + 1.5) / 3 * classes)));
        }
        return new TrainingSet(FeatureMatrix.of(x, rows, names), Labels.of(y), new Target("y", task));
    }

    /** Which missing (NaN) cells {@link #queries} puts in. */
    enum Missing {
        NONE,
        /** One NaN cell in every eighth row. */
        CELLS,
        /** As CELLS, and every fortieth row all NaN. */
        CELLS_AND_ROWS
    }

    /**
     * Rows to predict: {@code data(...)} rows of another seed, then cells changed so that every kind of value occurs: zeros
     * (absent from a sparse row), -0.0, a copy of a training row, values far outside the training range, and NaN.
     */
    static FeatureMatrix queries(TrainingSet train, int rows, Style style, Missing missing, long seed) {
        int columns = train.features().columns();
        float[] x = data(train.target().task(), rows, columns, style, seed).features().toArray();
        float[] t = train.features().toArray();
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = 0; i < rows; i++) {
            int at = i * columns;
            switch (i % 8) {
                case 0 -> System.arraycopy(t, (i % train.features().rows()) * columns, x, at, columns);
                case 1 -> x[at + r.nextInt(columns)] = 0f;
                case 2 -> x[at + r.nextInt(columns)] = -0f;
                case 3 -> x[at + r.nextInt(columns)] = r.nextBoolean() ? 1e6f : -1e6f;
                case 4 -> {
                    if (missing != Missing.NONE) {
                        x[at + r.nextInt(columns)] = Float.NaN;
                    }
                }
                case 5 -> {
                    if (missing == Missing.CELLS_AND_ROWS && i % 40 == 5) {
                        java.util.Arrays.fill(x, at, at + columns, Float.NaN);
                    }
                }
                default -> {
                }
            }
        }
        return FeatureMatrix.of(x, rows, train.features().names());
    }

    /** The same rows in compressed sparse form: zero cells absent, as a wide text featurizer hands them over. */
    static FeatureMatrix sparse(FeatureMatrix dense) {
        int[] start = new int[dense.rows() + 1];
        List<Integer> index = new ArrayList<>();
        List<Float> value = new ArrayList<>();
        for (int i = 0; i < dense.rows(); i++) {
            for (int c = 0; c < dense.columns(); c++) {
                float v = dense.get(i, c);
                if (v != 0f) {
                    index.add(c);
                    value.add(v);
                }
            }
            start[i + 1] = index.size();
        }
        float[] values = new float[value.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = value.get(k);
        }
        return FeatureMatrix.sparse(start, index.stream().mapToInt(Integer::intValue).toArray(), values, dense.names());
    }

    /** {@code learner}'s default config for {@code task} with {@code overrides}. */
    static Config config(Learner learner, Task task, Map<String, Object> overrides) {
        Map<String, Object> values = new TreeMap<>(learner.defaultConfig(task).values());
        values.putAll(overrides);
        return Config.of(learner.id(), values);
    }

    static FittedModel fit(Learner learner, TrainingSet train, Map<String, Object> overrides) {
        return learner.fit(train, config(learner, train.target().task(), overrides), FitContext.of(7, 1));
    }

    /** What the scoring reader hands an evaluator for {@code artifact}, as a model file's member would give it. */
    static MemberPayload payload(ModelArtifact artifact, Target target, List<String> featureNames) {
        Manifest.Member member = new Manifest.Member(1.0, 0, artifact.learnerId(), artifact.format(), "models/0.bin",
                artifact.properties());
        Manifest.Target t = new Manifest.Target(target.name(), target.task().label(), target.classes());
        return new MemberPayload(member, artifact.payload(), t, featureNames, false);
    }

    /** {@code artifact} with its properties changed: a value per key, or null to remove the key. */
    static ModelArtifact withProperties(ModelArtifact artifact, Map<String, String> changes) {
        Map<String, String> props = new TreeMap<>(artifact.properties());
        changes.forEach((k, v) -> {
            if (v == null) {
                props.remove(k);
            } else {
                props.put(k, v);
            }
        });
        return new ModelArtifact(artifact.learnerId(), artifact.format(), props, artifact.payload());
    }

    static ModelArtifact withPayload(ModelArtifact artifact, byte[] payload) {
        return new ModelArtifact(artifact.learnerId(), artifact.format(), artifact.properties(), payload);
    }

    /**
     * Asserts that the scoring member predicts every output of every row of {@code rows} with the same bits as the
     * engine's {@code model}, and also for the sparse form of the rows (the engine reads it; the member gets the
     * densified row). Returns the number of rows compared.
     */
    static int assertSameBits(FittedModel model, MemberModel member, FeatureMatrix rows) {
        double[] dense = model.predict(rows).toFlat();
        FeatureMatrix sparse = sparse(rows);
        double[] fromSparse = model.predict(sparse).toFlat();
        int width = dense.length / rows.rows();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < rows.rows(); i++) {
            compare(mismatches, "row " + i, dense, i * width, width, member.predict(rows.row(i)));
            compare(mismatches, "sparse row " + i, fromSparse, i * width, width, member.predict(sparse.row(i)));
        }
        assertThat(mismatches).as("outputs whose bits differ from the engine's").isEmpty();
        return rows.rows();
    }

    private static void compare(List<String> mismatches, String where, double[] engine, int at, int width, double[] scored) {
        if (scored.length != width) {
            mismatches.add(where + ": " + scored.length + " outputs, but the engine gives " + width);
            return;
        }
        for (int k = 0; k < scored.length; k++) {
            if (Double.doubleToRawLongBits(scored[k]) != Double.doubleToRawLongBits(engine[at + k])) {
                mismatches.add(where + " output " + k + ": engine " + engine[at + k] + ", scoring " + scored[k]);
            }
        }
    }

    /**
     * Asserts that the engine's {@code load} refuses {@code artifact} and the scoring {@code reader} refuses its
     * payload with an {@link IllegalArgumentException} whose message holds the engine's.
     */
    static void assertRefusedLikeEngine(Learner learner, ModelArtifact artifact, Target target, List<String> names,
                                        Function<MemberPayload, MemberModel> reader) {
        Throwable engine = catchThrowable(() -> learner.load(artifact));
        Throwable scoring = catchThrowable(() -> reader.apply(payload(artifact, target, names)));
        assertThat(engine).as("the engine refuses it").isNotNull();
        assertThat(scoring).as("scoring refuses it").isInstanceOf(IllegalArgumentException.class);
        assertThat(scoring.getMessage()).contains(engine.getMessage()).contains(artifact.learnerId());
    }
}
