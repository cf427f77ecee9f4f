package automl4j.learners;

import automl4j.learn.Learner;
import automl4j.learners.xgboost.XgboostLearner;

class XgboostLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new XgboostLearner();
    }
}
