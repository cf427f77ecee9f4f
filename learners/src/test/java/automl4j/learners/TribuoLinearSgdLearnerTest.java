package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.TaskType;
import automl4j.learn.Learner;
import java.util.EnumSet;
import automl4j.learners.tribuo.TribuoLinearSgdLearner;

class TribuoLinearSgdLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new TribuoLinearSgdLearner();
    }

    // The id is written into every exported file, so it must never change.
    @org.junit.jupiter.api.Test
    void idAndTasksAreStable() {
        assertThat(learner().id()).isEqualTo("tribuo-linear-sgd");
        assertThat(learner().tasks()).isEqualTo(Set.of(Classification.class, Regression.class));
    }
}
