package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.Labels;
import automl4j.learn.TrainingSet;
import automl4j.learners.xgboost.XgboostLearner;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Trials in one JVM reuse the native matrix of the same features (and its histogram index): a fit must give the same
 * model as on a fresh copy of the features, whatever was fitted on them before, with other labels, or at the same time.
 */
class XgboostMatrixReuseTest {
    private static final XgboostLearner LEARNER = new XgboostLearner();

    private static Config config(Task task, int depth) {
        var v = new TreeMap<>(LEARNER.defaultConfig(task).values());
        v.put("n_estimators", 20);
        v.put("max_depth", depth);
        v.put("subsample", 0.8);
        return Config.of("xgboost", v);
    }

    /** The same rows in a matrix of their own, which shares no native copy with {@code x}. */
    private static FeatureMatrix copyOf(FeatureMatrix x) {
        return FeatureMatrix.of(x.toArray(), x.rows(), x.names());
    }

    private static List<Double> predictions(TrainingSet train, TrainingSet valid, Config config) {
        var p = LEARNER.fit(train, config, FitContext.of(3, 1).withValidation(valid)).predict(valid.features());
        List<Double> out = new ArrayList<>();
        for (double v : p.toFlat()) {
            out.add(v);
        }
        return out;
    }

    @Test
    void aFitOnReusedFeaturesEqualsAFitOnAFreshCopyWhateverCameBefore() {
        for (Task task : LearnerContract.ALL) {
            TrainingSet train = LearnerContract.data(task, 300, 11);
            TrainingSet valid = LearnerContract.data(task, 100, 12);
            predictions(train, valid, config(task, 6));   // leaves the matrices of train and valid pooled
            // Other labels on the same features (as a regression sample standardizes its own way).
            TrainingSet otherLabels = new TrainingSet(train.features(), LearnerContract.data(task, 300, 13).labels(), train.target());
            predictions(otherLabels, valid, config(task, 4));

            List<Double> reused = predictions(train, valid, config(task, 3));
            List<Double> fresh = predictions(new TrainingSet(copyOf(train.features()), train.labels(), train.target()),
                    new TrainingSet(copyOf(valid.features()), valid.labels(), valid.target()), config(task, 3));
            assertThat(reused).as(task.label()).isEqualTo(fresh);
        }
    }

    @Test
    void concurrentFitsOnTheSameFeaturesEachGetTheirOwnMatrix() {
        Task task = LearnerContract.ALL.get(0);
        TrainingSet train = LearnerContract.data(task, 400, 21);
        TrainingSet valid = LearnerContract.data(task, 100, 22);
        List<Double> alone = predictions(new TrainingSet(copyOf(train.features()), train.labels(), train.target()), valid, config(task, 5));
        List<CompletableFuture<List<Double>>> together = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            together.add(CompletableFuture.supplyAsync(() -> predictions(train, valid, config(task, 5))));
        }
        together.forEach(f -> assertThat(f.join()).isEqualTo(alone));
    }

    @Test
    void labelsOfTheSameFeaturesDoNotLeakFromOneFitToTheNext() {
        Task task = LearnerContract.REGRESSION;
        TrainingSet train = LearnerContract.data(task, 300, 31);
        TrainingSet valid = LearnerContract.data(task, 100, 32);
        double[] y = train.labels().toArray();
        TrainingSet scaled = new TrainingSet(train.features(), Labels.of(java.util.Arrays.stream(y).map(v -> 1000 * v + 5).toArray()), train.target());
        List<Double> first = predictions(scaled, valid, config(task, 3));
        List<Double> second = predictions(train, valid, config(task, 3));
        assertThat(second).isNotEqualTo(first);
        assertThat(second).isEqualTo(predictions(new TrainingSet(copyOf(train.features()), train.labels(), train.target()), valid, config(task, 3)));
    }
}
