package automl4j.learners;

import automl4j.learn.Learner;
import automl4j.learners.smile.SmileRandomForestLearner;

class SmileRandomForestLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new SmileRandomForestLearner();
    }
}
