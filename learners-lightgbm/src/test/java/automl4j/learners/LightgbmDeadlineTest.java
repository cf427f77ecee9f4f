package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.TrainingSet;
import automl4j.learners.lightgbm.LightgbmLearner;
import automl4j.space.Config;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LightgbmDeadlineTest {
    @Test
    void aPassedDeadlineStopsTrainingAfterOneRound() {
        TrainingSet train = LearnerContract.data(LearnerContract.BINARY, 200, 1);
        LightgbmLearner learner = new LightgbmLearner();
        var values = new TreeMap<>(learner.defaultConfig(LearnerContract.BINARY).values());
        values.put("n_estimators", 1000);
        Config config = Config.of("lightgbm", values);
        FittedModel stopped = learner.fit(train, config, new FitContext(1, 1, System.nanoTime() - 1));
        FittedModel full = learner.fit(train, config, FitContext.of(1, 1));
        // One round at rate 0.1 leaves probabilities near the base rate; a thousand rounds push them to the extremes.
        double stoppedExtreme = Math.abs(stopped.predict(train.features()).probability(0, 1) - 0.5);
        double fullExtreme = Math.abs(full.predict(train.features()).probability(0, 1) - 0.5);
        assertThat(stoppedExtreme).isLessThan(0.2);
        assertThat(fullExtreme).isGreaterThan(0.45);
    }
}
