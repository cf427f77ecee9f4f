package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.learners.lightgbm.LightgbmLearner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LightgbmInputsTest {
    private final LightgbmLearner learner = new LightgbmLearner();

    /** The same cells in compressed sparse rows, zeros left out. */
    private static FeatureMatrix sparse(FeatureMatrix dense) {
        float[] x = dense.toArray();
        int c = dense.columns();
        int[] start = new int[dense.rows() + 1];
        List<Integer> idx = new ArrayList<>();
        List<Float> val = new ArrayList<>();
        for (int r = 0; r < dense.rows(); r++) {
            for (int k = 0; k < c; k++) {
                float v = x[r * c + k];
                if (v != 0 && (r + k) % 3 != 0) {   // a third of the cells become absent, i.e. zero
                    idx.add(k);
                    val.add(v);
                }
            }
            start[r + 1] = idx.size();
        }
        float[] values = new float[val.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = val.get(i);
        }
        return FeatureMatrix.sparse(start, idx.stream().mapToInt(Integer::intValue).toArray(), values, dense.names());
    }

    private static FeatureMatrix densified(FeatureMatrix sparse) {
        return FeatureMatrix.of(sparse.toArray(), sparse.rows(), sparse.names());
    }

    @Test
    void sparseRowsGiveTheModelOfTheirDenseForm() {
        for (Task task : LearnerContract.ALL) {
            TrainingSet data = LearnerContract.data(task, 300, 5);
            FeatureMatrix s = sparse(data.features());
            FittedModel fromSparse = learner.fit(new TrainingSet(s, data.labels(), data.target()), learner.defaultConfig(task),
                    FitContext.of(3, 1));
            FittedModel fromDense = learner.fit(new TrainingSet(densified(s), data.labels(), data.target()),
                    learner.defaultConfig(task), FitContext.of(3, 1));
            assertThat(LearnerContract.flatten(fromSparse.predict(s))).as(task.label())
                    .isEqualTo(LearnerContract.flatten(fromDense.predict(densified(s))));
        }
    }

    @Test
    void missingValuesAreLearnedAndPredicted() {
        TrainingSet data = LearnerContract.data(LearnerContract.BINARY, 300, 6);
        float[] x = data.features().toArray();
        for (int i = 0; i < x.length; i += 7) {
            x[i] = Float.NaN;
        }
        FeatureMatrix withNaN = FeatureMatrix.of(x, data.size(), data.features().names());
        FittedModel model = learner.fit(new TrainingSet(withNaN, data.labels(), data.target()),
                learner.defaultConfig(LearnerContract.BINARY), FitContext.of(1, 1));
        Predictions p = model.predict(withNaN);
        int hits = 0;
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.probability(i, 1)).isBetween(0.0, 1.0);
            hits += p.labelIndex(i) == (int) data.labels().get(i) ? 1 : 0;
        }
        assertThat(hits).isGreaterThan(200);
    }

    @Test
    void concurrentFitsInOneJvmMatchSequentialOnes() {
        TrainingSet data = LearnerContract.data(LearnerContract.MULTICLASS, 400, 8);
        var config = learner.defaultConfig(LearnerContract.MULTICLASS);
        List<Double> alone = LearnerContract.flatten(learner.fit(data, config, FitContext.of(4, 2)).predict(data.features()));
        List<CompletableFuture<List<Double>>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> LearnerContract.flatten(
                    learner.fit(data, config, FitContext.of(4, 2)).predict(data.features()))));
        }
        for (CompletableFuture<List<Double>> run : runs) {
            assertThat(run.join()).isEqualTo(alone);
        }
    }

    @Test
    void predictingRowsOfAnotherWidthIsRefused() {
        TrainingSet data = LearnerContract.data(LearnerContract.REGRESSION, 100, 1);
        FittedModel model = learner.fit(data, learner.defaultConfig(LearnerContract.REGRESSION), FitContext.of(1, 1));
        FeatureMatrix narrow = FeatureMatrix.of(new float[3], 1, List.of("a", "b", "c"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(narrow));
        assertThat(e).hasMessage("lightgbm model needs 4 features, but was given 3");
    }

    @Test
    void predictionsOfManyRowsSpanChunks() {
        TrainingSet small = LearnerContract.data(LearnerContract.BINARY, 200, 2);
        FittedModel model = learner.fit(small, learner.defaultConfig(LearnerContract.BINARY), FitContext.of(1, 1));
        TrainingSet many = LearnerContract.data(LearnerContract.BINARY, 40_000, 3);
        Predictions all = model.predict(many.features());
        int[] tail = java.util.stream.IntStream.range(39_990, 40_000).toArray();
        Predictions last = model.predict(many.features().select(tail));
        for (int i = 0; i < tail.length; i++) {
            assertThat(all.probability(tail[i], 1)).isEqualTo(last.probability(i, 1));
        }
    }
}
