package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.learn.Learner;
import automl4j.learners.tribuo.TribuoExtraTreesLearner;
import java.util.Set;

class TribuoExtraTreesLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new TribuoExtraTreesLearner();
    }

    // The id is written into every exported file, so it must never change.
    @org.junit.jupiter.api.Test
    void idAndTasksAreStable() {
        assertThat(learner().id()).isEqualTo("tribuo-extra-trees");
        assertThat(learner().tasks()).isEqualTo(Set.of(Classification.class, Regression.class));
    }

    // Probability 0 for a class costs about 34.5 in log loss when a row of that class turns up.
    @org.junit.jupiter.api.Test
    void everyClassKeepsTheFloorOfOneUniformVote() {
        LearnerContract.assertEveryClassKeepsOneUniformVote(learner());
    }
}
