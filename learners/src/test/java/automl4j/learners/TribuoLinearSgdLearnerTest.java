package automl4j.learners;

import automl4j.learn.Learner;
import automl4j.learners.tribuo.TribuoLinearSgdLearner;

class TribuoLinearSgdLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new TribuoLinearSgdLearner();
    }
}
