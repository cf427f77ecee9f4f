package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.learn.Learner;
import automl4j.learners.lightgbm.LightgbmLearner;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LightgbmLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new LightgbmLearner();
    }

    // The id is written into every exported file, so it must never change.
    @Test
    void idAndTasksAreStable() {
        assertThat(learner().id()).isEqualTo("lightgbm");
        assertThat(learner().tasks()).isEqualTo(Set.of(Classification.class, Regression.class));
    }
}
