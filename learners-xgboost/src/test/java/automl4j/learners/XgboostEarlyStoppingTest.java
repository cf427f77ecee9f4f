package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.TrainingSet;
import automl4j.learners.xgboost.XgboostLearner;
import automl4j.space.Config;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class XgboostEarlyStoppingTest {
    private static Config overfitting(XgboostLearner learner, Task task) {
        var values = new TreeMap<>(learner.defaultConfig(task).values());
        values.put("n_estimators", 1000);
        values.put("learning_rate", 0.5);
        values.put("max_depth", 8);
        values.put("min_child_weight", 1e-3);
        return Config.of("xgboost", values);
    }

    @Test
    void validationRowsStopTrainingAndTheKeptRoundsGoToTheRefit() {
        for (Task task : LearnerContract.ALL) {
            TrainingSet all = LearnerContract.data(task, 400, 7);
            int[] fit = new int[300];
            int[] valid = new int[100];
            for (int i = 0; i < 400; i++) {
                if (i < 300) {
                    fit[i] = i;
                } else {
                    valid[i - 300] = i;
                }
            }
            XgboostLearner learner = new XgboostLearner();
            FittedModel model = learner.fit(all.select(fit), overfitting(learner, task), FitContext.of(1, 1).withValidation(all.select(valid)));
            Object rounds = model.refitSettings().get("n_estimators");
            assertThat(rounds).as(task.label()).isInstanceOf(Integer.class);
            // Deep trees at a high learning rate stop improving on unseen rows long before a thousand rounds.
            assertThat((Integer) rounds).as(task.label()).isBetween(1, 1000 - 50);
            FittedModel noValidation = learner.fit(all.select(fit), overfitting(learner, task), FitContext.of(1, 1));
            assertThat(noValidation.refitSettings()).isEmpty();
        }
    }

    @Test
    void regressionPredictionsAreOnTheTargetsScale() {
        TrainingSet data = LearnerContract.data(LearnerContract.REGRESSION, 300, 3);
        double[] y = data.labels().toArray();
        double shift = 1e5;
        double[] shifted = java.util.Arrays.stream(y).map(v -> v * 1000 + shift).toArray();
        TrainingSet big = new TrainingSet(data.features(), automl4j.learn.Labels.of(shifted), data.target());
        XgboostLearner learner = new XgboostLearner();
        FittedModel model = learner.fit(big, learner.defaultConfig(LearnerContract.REGRESSION), FitContext.of(1, 1));
        automl4j.learn.Predictions p = model.predict(big.features());
        double meanAbsError = 0;
        for (int i = 0; i < shifted.length; i++) {
            meanAbsError += Math.abs(p.value(i) - shifted[i]) / shifted.length;
        }
        double sd = Math.sqrt(java.util.Arrays.stream(shifted).map(v -> v - java.util.Arrays.stream(shifted).average().orElseThrow())
                .map(v -> v * v).average().orElseThrow());
        assertThat(meanAbsError).isLessThan(0.5 * sd);
    }
}
