package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.learners.lightgbm.LightgbmLearner;
import automl4j.space.Config;
import java.util.Arrays;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LightgbmEarlyStoppingTest {
    private static Config overfitting(LightgbmLearner learner, Task task) {
        var values = new TreeMap<>(learner.defaultConfig(task).values());
        values.put("n_estimators", 1000);
        values.put("learning_rate", 0.5);
        values.put("num_leaves", 64);
        values.put("min_data_in_leaf", 2);
        return Config.of("lightgbm", values);
    }

    @Test
    void validationRowsStopTrainingAndTheKeptRoundsGoToTheRefit() {
        for (Task task : LearnerContract.ALL) {
            TrainingSet all = LearnerContract.data(task, 400, 7);
            int[] fit = java.util.stream.IntStream.range(0, 300).toArray();
            int[] valid = java.util.stream.IntStream.range(300, 400).toArray();
            LightgbmLearner learner = new LightgbmLearner();
            FittedModel model = learner.fit(all.select(fit), overfitting(learner, task),
                    FitContext.of(1, 1).withValidation(all.select(valid)));
            Object rounds = model.refitSettings().get("n_estimators");
            assertThat(rounds).as(task.label()).isInstanceOf(Integer.class);
            // Many leaves at a high learning rate stop improving on unseen rows long before a thousand rounds.
            assertThat((Integer) rounds).as(task.label()).isBetween(1, 1000 - 50);
            FittedModel noValidation = learner.fit(all.select(fit), overfitting(learner, task), FitContext.of(1, 1));
            assertThat(noValidation.refitSettings()).isEmpty();
        }
    }

    @Test
    void theModelKeepsOnlyTheBestRound() {
        TrainingSet all = LearnerContract.data(LearnerContract.BINARY, 400, 7);
        int[] fit = java.util.stream.IntStream.range(0, 300).toArray();
        int[] valid = java.util.stream.IntStream.range(300, 400).toArray();
        LightgbmLearner learner = new LightgbmLearner();
        FittedModel stopped = learner.fit(all.select(fit), overfitting(learner, LearnerContract.BINARY),
                FitContext.of(1, 1).withValidation(all.select(valid)));
        int kept = (Integer) stopped.refitSettings().get("n_estimators");
        var values = new TreeMap<>(overfitting(learner, LearnerContract.BINARY).values());
        values.put("n_estimators", kept);
        FittedModel exactly = learner.fit(all.select(fit), Config.of("lightgbm", values), FitContext.of(1, 1));
        // Rounds do not depend on the validation rows, so the best round's model is the model of that many rounds.
        assertThat(LearnerContract.flatten(stopped.predict(all.features())))
                .isEqualTo(LearnerContract.flatten(exactly.predict(all.features())));
    }

    @Test
    void regressionPredictionsAreOnTheTargetsScale() {
        TrainingSet data = LearnerContract.data(LearnerContract.REGRESSION, 300, 3);
        double[] shifted = Arrays.stream(data.labels().toArray()).map(v -> v * 1000 + 1e5).toArray();
        TrainingSet big = new TrainingSet(data.features(), Labels.of(shifted), data.target());
        LightgbmLearner learner = new LightgbmLearner();
        FittedModel model = learner.fit(big, learner.defaultConfig(LearnerContract.REGRESSION), FitContext.of(1, 1));
        Predictions p = model.predict(big.features());
        double mean = Arrays.stream(shifted).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(shifted).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
        double meanAbsError = 0;
        for (int i = 0; i < shifted.length; i++) {
            meanAbsError += Math.abs(p.value(i) - shifted[i]) / shifted.length;
        }
        assertThat(meanAbsError).isLessThan(0.5 * sd);
    }
}
