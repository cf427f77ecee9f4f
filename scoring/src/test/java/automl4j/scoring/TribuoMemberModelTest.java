package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import automl4j.learners.tribuo.TribuoExtraTreesLearner;
import automl4j.learners.tribuo.TribuoLibLinearLearner;
import automl4j.learners.tribuo.TribuoLinearSgdLearner;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Tribuo members ({@code tribuo-linear-sgd}, {@code tribuo-extra-trees}, {@code tribuo-liblinear}) fitted by the
 * engine, exported, and evaluated by {@link TribuoMemberModel} from the same bytes: every output of every row has the
 * bits of the engine's {@code predict(...).toFlat()}, for binary, multiclass and regression targets, dense and sparse
 * rows with missing (NaN) cells, default and other hyperparameters.
 */
class TribuoMemberModelTest {
    static final Task BINARY = new Classification(List.of("no", "yes"));
    static final Task MULTICLASS = new Classification(List.of("a", "b", "c", "d"));
    static final Task REGRESSION = new Regression();
    static final int COLUMNS = 9;
    static final int ROWS = 240;

    /** Each learner with its default and one other config per task. */
    private static List<Config> configs(Learner learner, Task task) {
        Config other = switch (learner.id()) {
            case "tribuo-linear-sgd" -> Config.builder(learner.id()).with(TribuoLinearSgdLearner.EPOCHS, 3)
                    .with(TribuoLinearSgdLearner.LEARNING_RATE, 0.5).with(TribuoLinearSgdLearner.MINIBATCH_SIZE, 8).build();
            case "tribuo-extra-trees" -> Config.builder(learner.id()).with(TribuoExtraTreesLearner.N_TREES, 11)
                    .with(TribuoExtraTreesLearner.MAX_DEPTH, 4).with(TribuoExtraTreesLearner.MIN_CHILD_WEIGHT, 3.0)
                    .with(TribuoExtraTreesLearner.FEATURE_FRACTION, 0.9).build();
            default -> task instanceof Classification
                    ? Config.builder(learner.id()).with(TribuoLibLinearLearner.COST, 20.0).with(TribuoLibLinearLearner.PENALTY, "l1").build()
                    : Config.builder(learner.id()).with(TribuoLibLinearLearner.COST, 0.05).with(TribuoLibLinearLearner.EPSILON, 0.01).build();
        };
        return List.of(learner.defaultConfig(task), other);
    }

    private static List<Learner> learners() {
        return List.of(new TribuoLinearSgdLearner(), new TribuoExtraTreesLearner(), new TribuoLibLinearLearner());
    }

    @Test
    void everyOutputOfEveryRowHasTheEnginesBitsDense() {
        compareAll(false);
    }

    @Test
    void everyOutputOfEveryRowHasTheEnginesBitsSparse() {
        compareAll(true);
    }

    private static void compareAll(boolean sparse) {
        int compared = 0;
        int refused = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        for (Learner learner : learners()) {
            for (Task task : List.of(BINARY, MULTICLASS, REGRESSION)) {
                FeatureMatrix x = matrix(300, 1, sparse, false);
                TrainingSet train = new TrainingSet(x, labels(task, x, 1), new Target("y", task));
                FeatureMatrix rows = matrix(ROWS, 2, sparse, true);
                for (Config config : configs(learner, task)) {
                    FittedModel fitted = learner.fit(train, config, FitContext.of(7, 1));
                    ModelArtifact artifact = fitted.export();
                    FittedModel loaded = learner.load(artifact);
                    MemberModel scoring = TribuoMemberModel.load(payload(artifact, rows.names(), sparse));
                    int width = task instanceof Regression ? 1 : task.classes().size();
                    for (int r = 0; r < rows.rows(); r++) {
                        // One row at a time: Tribuo's linear models refuse a row with a NaN cell, and so a whole batch.
                        FeatureMatrix one = rows.select(new int[] {r});
                        double[] engine;
                        try {
                            engine = loaded.predict(one).toFlat();
                            assertThat(fitted.predict(one).toFlat()).isEqualTo(engine);
                        } catch (RuntimeException e) {
                            refusals.merge(learner.id() + " " + task.label() + ": " + e.getClass().getSimpleName() + " "
                                    + e.getMessage().split("[,(]")[0].trim(), 1, Integer::sum);
                            float[] row = rows.row(r);
                            if (e instanceof NullPointerException) {
                                // The engine's TribuoModel reads a null class where LIBLINEAR's scores are NaN.
                                assertThatThrownBy(() -> scoring.predict(row)).isInstanceOf(IllegalArgumentException.class)
                                        .hasMessageStartingWith(learner.id() + " predicts no class for this row: its class scores are [NaN");
                            } else {
                                assertThatThrownBy(() -> scoring.predict(row)).as("%s %s row %d", learner.id(), task.label(), r)
                                        .isInstanceOf(e.getClass()).hasMessage(e.getMessage());
                            }
                            refused++;
                            continue;
                        }
                        double[] got = scoring.predict(rows.row(r));
                        assertThat(got).hasSize(width);
                        for (int k = 0; k < width; k++) {
                            assertThat(Double.doubleToRawLongBits(got[k]))
                                    .as("%s %s %s row %d output %d: %s vs engine %s", learner.id(), task.label(), config, r, k,
                                            got[k], engine[k])
                                    .isEqualTo(Double.doubleToRawLongBits(engine[k]));
                            compared++;
                        }
                    }
                }
            }
        }
        System.out.printf("Tribuo members, %s rows: %d outputs bit-identical, %d rows refused by both: %s%n",
                sparse ? "sparse" : "dense", compared, refused, refusals);
        assertThat(compared).isGreaterThan(3 * 2 * ROWS * (2 + 4 + 1) / 2);
    }

    /**
     * Rows of {@link #COLUMNS} columns with signal in the first three; {@code missing}: some cells NaN; {@code sparse}:
     * about 60% of cells 0 (absent), and some rows with no stored cell.
     */
    static FeatureMatrix matrix(int rows, long seed, boolean sparse, boolean missing) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            names.add("x" + c);
        }
        float[] x = new float[rows * COLUMNS];
        for (int i = 0; i < rows; i++) {
            boolean empty = sparse && missing && i % 37 == 5;
            for (int c = 0; c < COLUMNS; c++) {
                float v = (float) r.nextGaussian();
                // A training row keeps one stored cell at least: Tribuo refuses to train on an example without features.
                boolean kept = !missing && c == i % COLUMNS;
                if (empty || (sparse && !kept && r.nextDouble() < 0.6)) {
                    v = 0f;
                } else if (missing && r.nextDouble() < 0.05) {
                    v = Float.NaN;
                } else if (missing && r.nextDouble() < 0.02) {
                    v = -0.0f;
                }
                x[i * COLUMNS + c] = v;
            }
        }
        if (!sparse) {
            return FeatureMatrix.of(x, rows, names);
        }
        int[] rowStart = new int[rows + 1];
        List<Integer> idx = new ArrayList<>();
        List<Float> val = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < COLUMNS; c++) {
                float v = x[i * COLUMNS + c];
                // Stored as the engine's sparse text features are: every cell that is not 0; -0.0 and NaN included.
                if (v != 0f || Float.floatToRawIntBits(v) != 0) {
                    idx.add(c);
                    val.add(v);
                }
            }
            rowStart[i + 1] = idx.size();
        }
        float[] values = new float[val.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = val.get(k);
        }
        return FeatureMatrix.sparse(rowStart, idx.stream().mapToInt(Integer::intValue).toArray(), values, names);
    }

    /** Labels of {@code task} from the first three columns of {@code x}, with noise. */
    static Labels labels(Task task, FeatureMatrix x, long seed) {
        int rows = x.rows();
        double[] y = new double[rows];
        SplittableRandom noise = new SplittableRandom(seed + 100);
        for (int i = 0; i < rows; i++) {
            double s = x.get(i, 0) + 0.5 * x.get(i, 1) - 0.3 * x.get(i, 2) + 0.3 * noise.nextGaussian();
            y[i] = switch (task.label()) {
                case "binary" -> s > 0 ? 1 : 0;
                case "multiclass" -> s < -0.7 ? 0 : s < 0 ? 1 : s < 0.7 ? 2 : 3;
                default -> 3 * s + 10;
            };
        }
        return Labels.of(y);
    }

    /** What the model file reader hands the evaluator: the member as exported, the target its properties record. */
    static MemberPayload payload(ModelArtifact a, List<String> featureNames, boolean sparse) {
        return payload(a.learnerId(), a.format(), a.properties(), a.payload(), featureNames, sparse);
    }

    static MemberPayload payload(String learner, String format, Map<String, String> properties, byte[] bytes,
                                 List<String> featureNames, boolean sparse) {
        String classes = properties.getOrDefault("classes", "");
        Manifest.Target target = new Manifest.Target(properties.getOrDefault("target", "y"), properties.getOrDefault("task", ""),
                classes.isEmpty() ? List.of() : List.of(classes.split("\u001f", -1)));
        Manifest.Member member = new Manifest.Member(1.0, 0, learner, format, "members/0/payload", new TreeMap<>(properties));
        return new MemberPayload(member, bytes, target, featureNames, sparse);
    }
}
