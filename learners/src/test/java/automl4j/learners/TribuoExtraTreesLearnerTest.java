package automl4j.learners;

import automl4j.learn.Learner;
import automl4j.learners.tribuo.TribuoExtraTreesLearner;

class TribuoExtraTreesLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new TribuoExtraTreesLearner();
    }
}
