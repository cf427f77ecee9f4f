package automl4j.searchloop;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.space.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16: a costly learner's first trial is expected from the cheaper learners' trials, scaled by relative cost. */
class ExpectedSecondsTest {
    private static final Map<String, Double> COSTS = Map.of("linear", 0.3, "sgd", 0.5, "boost", 1.0);

    private static TrialResult done(int id, String learner, double seconds) {
        return new TrialResult(new Trial(id, Config.of(learner, Map.of()), id), new TrialOutcome.Completed(0.8, 0, seconds, 1, "cpu"));
    }

    private static TrialResult failed(int id, String learner) {
        return new TrialResult(new Trial(id, Config.of(learner, Map.of()), id), new TrialOutcome.Failed("boom", 9));
    }

    @Test
    void aLearnerWithoutTrialsIsExpectedToTakeTheCheaperLearnersTimeScaledByCost() {
        List<TrialResult> results = List.of(done(0, "linear", 0.6), done(1, "linear", 0.9), done(2, "sgd", 1.0));
        // 0.6 s / 0.3, 0.9 s / 0.3 and 1.0 s / 0.5: 2, 3 and 2 s per unit of cost, whose median is 2 s.
        assertThat(SearchLoop.expectedSeconds(results, "boost", COSTS)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        // Without the sgd trial: 2 and 3 s, and the upper median is 3 s.
        assertThat(SearchLoop.expectedSeconds(results.subList(0, 2), "boost", COSTS)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theEstimateOrdersLearnersByRelativeCost() {
        List<TrialResult> results = List.of(done(0, "linear", 0.6));
        List<String> learners = Arrays.asList("boost", "linear");
        learners.sort((a, b) -> Double.compare(SearchLoop.expectedSeconds(results, a, COSTS), SearchLoop.expectedSeconds(results, b, COSTS)));
        assertThat(learners).containsExactly("linear", "boost");
    }

    @Test
    void learnersOfSimilarCostAreNotJudgedByEachOther() {
        assertThat(SearchLoop.expectedSeconds(List.of(done(0, "linear", 0.6)), "sgd", COSTS)).isZero();
    }

    @Test
    void aLearnersOwnCompletedTrialsWinOverTheEstimate() {
        List<TrialResult> results = Arrays.asList(done(0, "linear", 0.6), done(1, "boost", 0.5), null, failed(3, "boost"));
        assertThat(SearchLoop.expectedSeconds(results, "boost", COSTS)).isEqualTo(0.5);
    }

    @Test
    void withoutCostsOrCompletedTrialsNothingIsExpected() {
        List<TrialResult> results = List.of(done(0, "linear", 0.6), failed(1, "sgd"));
        assertThat(SearchLoop.expectedSeconds(results, "boost", Map.of())).isZero();
        assertThat(SearchLoop.expectedSeconds(List.of(failed(0, "sgd")), "boost", COSTS)).isZero();
        assertThat(SearchLoop.expectedSeconds(results, "unknown", COSTS)).isZero();
    }
}
