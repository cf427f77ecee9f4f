package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.TaskType;
import automl4j.learn.Learner;
import java.util.EnumSet;
import automl4j.learners.tribuo.TribuoExtraTreesLearner;

class TribuoExtraTreesLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new TribuoExtraTreesLearner();
    }

    // The id is written into every exported file, so it must never change.
    @org.junit.jupiter.api.Test
    void idAndTasksAreStable() {
        assertThat(learner().id()).isEqualTo("tribuo-extra-trees");
        assertThat(learner().tasks()).isEqualTo(EnumSet.allOf(TaskType.class));
    }

    // Probability 0 for a class costs about 34.5 in log loss when a row of that class turns up.
    @org.junit.jupiter.api.Test
    void everyClassKeepsTheFloorOfOneUniformVote() {
        automl4j.learn.TrainingSet data = LearnerContract.data(TaskType.MULTICLASS, 200, 5);
        automl4j.space.Config config = learner().defaultConfig(TaskType.MULTICLASS);
        automl4j.learn.Predictions p = learner().fit(data, config, automl4j.learn.FitContext.of(1, 1)).predict(data.features());
        int k = data.target().numClasses();
        double floor = 1.0 / (k * (config.intValue("n_trees") + 1));
        for (int i = 0; i < p.size(); i++) {
            for (double v : p.probabilities(i)) {
                assertThat(v).isGreaterThanOrEqualTo(floor - 1e-12);
            }
        }
    }
}
