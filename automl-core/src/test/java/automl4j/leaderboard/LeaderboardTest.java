package automl4j.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.execute.TrialOutcome;
import automl4j.metric.Metrics;
import automl4j.space.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardTest {
    private static TrialResult done(int id, double score) {
        return new TrialResult(new Trial(id, Config.of("x", Map.of()), id),
                new TrialOutcome.Completed(score, 0, 1, 1, "cpu"));
    }

    @Test
    void ranksByMetricDirectionThenTrialIdWithUnfinishedLast() {
        TrialResult failed = new TrialResult(new Trial(0, Config.of("x", Map.of()), 0), new TrialOutcome.Failed("boom", 0.1));
        Leaderboard auc = new Leaderboard(Metrics.rocAuc(), List.of(failed, done(3, 0.7), done(1, 0.9), done(2, 0.9)));
        assertThat(auc.rows()).extracting(r -> r.trial().id()).containsExactly(1, 2, 3, 0);
        assertThat(auc.best()).get().extracting(r -> r.trial().id()).isEqualTo(1);
        Leaderboard rmse = new Leaderboard(Metrics.rmse(), List.of(done(1, 0.9), done(2, 0.1)));
        assertThat(rmse.rows()).extracting(r -> r.trial().id()).containsExactly(2, 1);
    }

    @Test
    void csvHasOneRowPerTrialAndNamesTheFailure() {
        TrialResult failed = new TrialResult(new Trial(0, Config.of("x", Map.of()), 0), new TrialOutcome.Failed("trial 0 failed: boom, again", 0.1));
        String csv = new Leaderboard(Metrics.rocAuc(), List.of(failed, done(1, 0.8))).toCsv();
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains("\"trial 0 failed: boom, again\"");
    }
}
