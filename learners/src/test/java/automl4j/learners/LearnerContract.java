package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Target;
import automl4j.data.TaskType;
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

/** What every learner must do; each learner's test implements it. */
public interface LearnerContract {
    Learner learner();

    /** Tiny data with signal in the first two of four features. */
    static TrainingSet data(TaskType task, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> names = List.of("a", "b", "c", "d");
        float[] x = new float[rows * 4];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < 4; c++) {
                x[i * 4 + c] = (float) r.nextGaussian();
            }
            double s = x[i * 4] + 0.5 * x[i * 4 + 1];
            y[i] = switch (task) {
                case BINARY -> s > 0 ? 1 : 0;
                case MULTICLASS -> s < -0.5 ? 0 : s < 0.5 ? 1 : 2;
                case REGRESSION -> 3 * s + 10 + 0.1 * r.nextGaussian();
            };
        }
        List<String> classes = switch (task) {
            case BINARY -> List.of("neg", "pos");
            case MULTICLASS -> List.of("high", "low", "mid");
            case REGRESSION -> List.of();
        };
        return new TrainingSet(FeatureMatrix.of(x, rows, names), Labels.of(y), new Target("y", Tasks.of(task.label(), classes)));
    }

    /** Asserts that {@code learner}'s default multiclass forest leaves every class at least one uniform vote's share. */
    static void assertEveryClassKeepsOneUniformVote(Learner learner) {
        TrainingSet data = data(TaskType.MULTICLASS, 200, 5);
        Config config = learner.defaultConfig(TaskType.MULTICLASS);
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
            if (p.task() instanceof Classification) {
                for (double v : p.probabilities(i)) {
                    out.add(v);
                }
            } else {
                out.add(p.value(i));
            }
        }
        return out;
    }

    @Test
    default void fitsEachDeclaredTaskOnTinyDataBetterThanChance() {
        for (TaskType task : learner().tasks()) {
            TrainingSet train = data(task, 200, 1);
            TrainingSet test = data(task, 100, 2);
            FittedModel model = learner().fit(train, learner().defaultConfig(task), FitContext.of(5, 1));
            Predictions p = model.predict(test.features());
            assertThat(p.size()).isEqualTo(100);
            if (task.isClassification()) {
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
                assertThat(hits).as(learner().id() + " accuracy on " + task).isGreaterThan(task == TaskType.BINARY ? 65 : 45);
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

    @Test
    default void sameSeedGivesSamePredictions() {
        for (TaskType task : learner().tasks()) {
            TrainingSet train = data(task, 150, 3);
            Config config = learner().space(task).params().isEmpty() ? learner().defaultConfig(task)
                    : Config.of(learner().id(), learner().space(task).sample(new SplittableRandom(11)));
            Predictions a = learner().fit(train, config, FitContext.of(9, 1)).predict(train.features());
            Predictions b = learner().fit(train, config, FitContext.of(9, 1)).predict(train.features());
            assertThat(flatten(a)).isEqualTo(flatten(b));
        }
    }

    @Test
    default void exportThenLoadPredictsIdentically() {
        for (TaskType task : learner().tasks()) {
            TrainingSet train = data(task, 150, 4);
            FittedModel model = learner().fit(train, learner().defaultConfig(task), FitContext.of(2, 1));
            FittedModel loaded = learner().load(model.export());
            assertThat(flatten(loaded.predict(train.features()))).isEqualTo(flatten(model.predict(train.features())));
            assertThat(model.export().learnerId()).isEqualTo(learner().id());
        }
    }

    @Test
    default void defaultConfigIsInsideTheSpace() {
        for (TaskType task : learner().tasks()) {
            assertThat(learner().space(task).contains(learner().defaultConfig(task).values())).isTrue();
        }
    }
}
