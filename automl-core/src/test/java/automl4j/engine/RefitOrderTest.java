package automl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.metric.Metrics;
import automl4j.space.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefitOrderTest {
    private static TrialResult done(int id, double auc, double fitSeconds) {
        return new TrialResult(new Trial(id, Config.of("x", Map.of()), id), new TrialOutcome.Completed(auc, 0, fitSeconds, 1, "cpu"));
    }

    private static List<Integer> ids(List<TrialResult> rs) {
        return rs.stream().map(r -> r.trial().id()).toList();
    }

    @Test
    void theBestConfigIsRefittedFirstWhenItsRefitFitsWithinTheGrace() {
        Leaderboard board = new Leaderboard(Metrics.rocAuc(), List.of(done(0, 0.8, 1), done(1, 0.9, 2), done(2, 0.7, 1)));
        assertThat(ids(Engine.refitOrder(board, 10, 2, 1.0, 0))).containsExactly(1, 0, 2);
        // No time left at all, but the refit (1.5 * 2 + 0.3 s) is within the 4 s grace.
        assertThat(ids(Engine.refitOrder(board, 0, 4, 1.0, 0))).containsExactly(1, 0, 2);
    }

    @Test
    void aBestConfigWhoseRefitWouldOverrunYieldsToTheNextThatFits() {
        Leaderboard board = new Leaderboard(Metrics.rocAuc(), List.of(done(0, 0.8, 1), done(1, 0.9, 20), done(2, 0.7, 1)));
        // Trial 1's refit is estimated at 1.5 * 20 + 0.3 s, far more than the 3 s left plus 2 s of grace.
        assertThat(ids(Engine.refitOrder(board, 3, 2, 1.0, 0))).containsExactly(0, 1, 2);
    }

    @Test
    void whenNoneOfTheTopConfigsFitsTheBestStaysFirst() {
        Leaderboard board = new Leaderboard(Metrics.rocAuc(), List.of(done(0, 0.8, 9), done(1, 0.9, 20), done(2, 0.7, 9),
                done(3, 0.6, 9), done(4, 0.5, 9), done(5, 0.4, 0.1)));
        assertThat(ids(Engine.refitOrder(board, 1, 1, 1.0, 0)).get(0)).isEqualTo(1);
    }
}
