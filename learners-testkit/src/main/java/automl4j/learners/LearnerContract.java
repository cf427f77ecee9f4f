package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.data.Tasks;
import automl4j.explain.ExactShap;
import automl4j.explain.ShapValues;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every learner must do; each learner's test implements it, and so can the test of a plug-in author's learner
 * (depend on {@code automl-learners-testkit} in test scope). The static helpers build tiny seeded data sets.
 */
public interface LearnerContract {
    /** The learner under test: a fresh instance, as {@code ServiceLoader} would make. */
    Learner learner();

    /** A binary task of the tiny data. */
    Task BINARY = new Classification(List.of("neg", "pos"));
    /** A three-class task of the tiny data. */
    Task MULTICLASS = new Classification(List.of("high", "low", "mid"));
    /** A regression task of the tiny data. */
    Task REGRESSION = new Regression();
    /** One task of each label. */
    List<Task> ALL = List.of(BINARY, MULTICLASS, REGRESSION);

    /** The example tasks of each kind {@code learner} declares: two and three classes for classification. */
    static List<Task> examples(Learner learner) {
        return ALL.stream().filter(t -> learner.tasks().contains(t.getClass())).toList();
    }

    /** Tiny data with signal in the first two of four features. */
    static TrainingSet data(Task task, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> names = List.of("a", "b", "c", "d");
        float[] x = new float[rows * 4];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < 4; c++) {
                x[i * 4 + c] = (float) r.nextGaussian();
            }
            double s = x[i * 4] + 0.5 * x[i * 4 + 1];
            y[i] = switch (task.label()) {
                case Tasks.BINARY -> s > 0 ? 1 : 0;
                case Tasks.MULTICLASS -> s < -0.5 ? 0 : s < 0.5 ? 1 : 2;
                default -> 3 * s + 10 + 0.1 * r.nextGaussian();
            };
        }
        return new TrainingSet(FeatureMatrix.of(x, rows, names), Labels.of(y), new Target("y", task));
    }

    /** Asserts that {@code learner}'s default multiclass forest leaves every class at least one uniform vote's share. */
    static void assertEveryClassKeepsOneUniformVote(Learner learner) {
        TrainingSet data = data(MULTICLASS, 200, 5);
        Config config = learner.defaultConfig(MULTICLASS);
        Predictions p = learner.fit(data, config, FitContext.of(1, 1)).predict(data.features());
        double floor = 1.0 / (data.target().numClasses() * (config.intValue("n_trees") + 1));
        for (int i = 0; i < p.size(); i++) {
            for (double v : p.probabilities(i)) {
                assertThat(v).isGreaterThanOrEqualTo(floor - 1e-12);
            }
        }
    }

    /** Every probability or value of {@code p}, row by row. */
    static List<Double> flatten(Predictions p) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            if (p.hasProbabilities()) {
                for (double v : p.probabilities(i)) {
                    out.add(v);
                }
            } else {
                out.add(p.value(i));
            }
        }
        return out;
    }

    /** The default config of each declared task beats chance on tiny data with signal, with valid probabilities. */
    @Test
    default void fitsEachDeclaredTaskOnTinyDataBetterThanChance() {
        for (Task task : examples(learner())) {
            TrainingSet train = data(task, 200, 1);
            TrainingSet test = data(task, 100, 2);
            FittedModel model = learner().fit(train, learner().defaultConfig(task), FitContext.of(5, 1));
            Predictions p = model.predict(test.features());
            assertThat(p.size()).isEqualTo(100);
            if (task instanceof Classification) {
                int hits = 0;
                for (int i = 0; i < 100; i++) {
                    double sum = 0;
                    for (double v : p.probabilities(i)) {
                        assertThat(v).isBetween(0.0, 1.0);
                        sum += v;
                    }
                    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
                    hits += p.labelIndex(i) == (int) test.labels().get(i) ? 1 : 0;
                }
                assertThat(hits).as(learner().id() + " accuracy on " + task).isGreaterThan(task.equals(BINARY) ? 65 : 45);
            } else {
                double sse = 0;
                double sst = 0;
                for (int i = 0; i < 100; i++) {
                    sse += Math.pow(p.value(i) - test.labels().get(i), 2);
                    sst += Math.pow(test.labels().get(i) - 10, 2);
                }
                assertThat(sse).as(learner().id() + " regression error").isLessThan(0.6 * sst);
            }
        }
    }

    /** Two fits with the same config and seed predict exactly alike. */
    @Test
    default void sameSeedGivesSamePredictions() {
        for (Task task : examples(learner())) {
            TrainingSet train = data(task, 150, 3);
            Config config = learner().space(task).params().isEmpty() ? learner().defaultConfig(task)
                    : Config.of(learner().id(), learner().space(task).sample(new SplittableRandom(11)));
            Predictions a = learner().fit(train, config, FitContext.of(9, 1)).predict(train.features());
            Predictions b = learner().fit(train, config, FitContext.of(9, 1)).predict(train.features());
            assertThat(flatten(a)).isEqualTo(flatten(b));
        }
    }

    /** A model read back from its export predicts exactly as the fitted one. */
    @Test
    default void exportThenLoadPredictsIdentically() {
        for (Task task : examples(learner())) {
            TrainingSet train = data(task, 150, 4);
            FittedModel model = learner().fit(train, learner().defaultConfig(task), FitContext.of(2, 1));
            FittedModel loaded = learner().load(model.export());
            assertThat(flatten(loaded.predict(train.features()))).isEqualTo(flatten(model.predict(train.features())));
            assertThat(model.export().learnerId()).isEqualTo(learner().id());
        }
    }

    /**
     * A model that computes exact SHAP values ({@link ExactShap}) computes values that add up to its prediction in the
     * space it names, before and after an export and load; models that do not are skipped.
     */
    @Test
    default void exactShapValuesAddUpToThePrediction() {
        for (Task task : examples(learner())) {
            TrainingSet train = data(task, 150, 6);
            FittedModel model = learner().fit(train, learner().defaultConfig(task), FitContext.of(3, 1));
            if (!(model instanceof ExactShap)) {
                continue;
            }
            FittedModel loaded = learner().load(model.export());
            FeatureMatrix rows = data(task, 25, 7).features();
            Predictions p = model.predict(rows);
            for (FittedModel m : List.of(model, loaded)) {
                ShapValues shap = ((ExactShap) m).shap(rows, train.features());
                assertThat(shap.rows()).isEqualTo(rows.rows());
                assertThat(shap.features()).isEqualTo(rows.names());
                for (int r = 0; r < rows.rows(); r++) {
                    double[] expected = task instanceof Regression ? new double[] {p.value(r)} : p.probabilities(r);
                    double[] actual = predictionOf(shap, r);
                    for (int k = 0; k < expected.length; k++) {
                        assertThat(actual[k]).as("%s %s row %d output %d (%s)", learner().id(), task.label(), r, k,
                                shap.space()).isCloseTo(expected[k], org.assertj.core.api.Assertions.within(shapTolerance()));
                    }
                }
            }
        }
    }

    /** How closely SHAP values must add up to the prediction: 1e-9, unless the library computes them in float. */
    default double shapTolerance() {
        return 1e-9;
    }

    /**
     * The prediction that base value plus values give for row {@code r}, as probabilities or the value: compared in
     * that space, where turning a probability near 1 back into log-odds would lose the digits being checked.
     */
    private static double[] predictionOf(ShapValues shap, int r) {
        int outputs = shap.outputs().size();
        double[] out = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            out[k] = shap.output(r, k);
        }
        switch (shap.space()) {
            case "probability":
            case "value":
                return out;
            case "log-odds":
                double p1 = 1 / (1 + Math.exp(-out[0]));
                return new double[] {1 - p1, p1};
            case "margin": {
                double max = java.util.Arrays.stream(out).max().orElse(0);
                double sum = 0;
                for (int k = 0; k < outputs; k++) {
                    out[k] = Math.exp(out[k] - max);
                    sum += out[k];
                }
                for (int k = 0; k < outputs; k++) {
                    out[k] /= sum;
                }
                return out;
            }
            default:
                throw new AssertionError("unknown SHAP output space '" + shap.space() + "'");
        }
    }

    /** The default config of each declared task lies inside that task's space. */
    @Test
    default void defaultConfigIsInsideTheSpace() {
        for (Task task : examples(learner())) {
            assertThat(learner().space(task).contains(learner().defaultConfig(task).values())).isTrue();
        }
    }
}
