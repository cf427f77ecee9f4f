package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.Learner;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.learners.tribuo.TribuoLibLinearLearner;
import automl4j.space.Config;
import org.junit.jupiter.api.Test;

class TribuoLibLinearLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new TribuoLibLinearLearner();
    }

    @Test
    void declaresItsTraitsAndASpacePerTask() {
        assertThat(learner().id()).isEqualTo("tribuo-liblinear");
        assertThat(learner().traits().acceptsSparse()).isTrue();
        assertThat(learner().traits().nativeCode()).isFalse();
        assertThat(learner().space(LearnerContract.BINARY).names()).containsExactly("cost", "penalty");
        assertThat(learner().space(LearnerContract.REGRESSION).names()).containsExactly("cost", "epsilon");
    }

    @Test
    void theL1PenaltyFitsAndPredictsProbabilities() {
        TrainingSet data = LearnerContract.data(LearnerContract.MULTICLASS, 200, 8);
        Config l1 = Config.builder(learner().id()).with(TribuoLibLinearLearner.COST, 0.5).with(TribuoLibLinearLearner.PENALTY, "l1").build();
        Predictions p = learner().fit(data, l1, FitContext.of(3, 1)).predict(data.features());
        for (int i = 0; i < p.size(); i++) {
            assertThat(java.util.Arrays.stream(p.probabilities(i)).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aSmallerCostRegularizesMore() {
        TrainingSet data = LearnerContract.data(LearnerContract.BINARY, 200, 9);
        Config strong = Config.builder(learner().id()).with(TribuoLibLinearLearner.COST, 1e-3).with(TribuoLibLinearLearner.PENALTY, "l2").build();
        Config weak = Config.builder(learner().id()).with(TribuoLibLinearLearner.COST, 1e3).with(TribuoLibLinearLearner.PENALTY, "l2").build();
        double spreadStrong = spread(learner().fit(data, strong, FitContext.of(1, 1)).predict(data.features()));
        double spreadWeak = spread(learner().fit(data, weak, FitContext.of(1, 1)).predict(data.features()));
        assertThat(spreadStrong).isLessThan(spreadWeak);   // heavy regularization keeps probabilities near the prior
    }

    private static double spread(Predictions p) {
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            s += Math.abs(p.probabilities(i)[1] - 0.5);
        }
        return s / p.size();
    }
}
