package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.learn.Learner;
import automl4j.learners.xgboost.XgboostLearner;
import java.util.Set;

class XgboostLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new XgboostLearner();
    }

    // XGBoost computes its contributions and predictions in float.
    @Override
    public double shapTolerance() {
        return 1e-5;
    }

    // The id is written into every exported file, so it must never change.
    @org.junit.jupiter.api.Test
    void idAndTasksAreStable() {
        assertThat(learner().id()).isEqualTo("xgboost");
        assertThat(learner().tasks()).isEqualTo(Set.of(Classification.class, Regression.class));
    }
}
