package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.learn.Learners;
import automl4j.search.Budget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 14: the time a caller spends outside {@code fit} comes out of the budget it gives the fit. */
class TimeOutsideTest {
    @Test
    void theFitRunsWithinTheBudgetLessTheTimeOutside() {
        AutoMlRun run = AutoMl.builder().seed(1).budget(Budget.ofTime(Duration.ofSeconds(30)))
                .timeOutside(Duration.ofSeconds(27)).cores(2).isolation(Isolation.IN_PROCESS).ensembleRounds(0)
                .learners(Learners.discovered().stream().filter(l -> l.id().equals("smile-logistic")).toList())
                .build().fit(TaskData.of(DefaultDataset.generate(300, 1), DefaultDataset.TARGET));
        // 3 s left for the fit, plus its grace of 2 s; a fit that ignored the time outside would search for 30 s.
        assertThat(run.elapsedSeconds()).isLessThan(3 + 2 + 5);
        assertThat(run.leaderboard().completedCount()).isPositive();
    }

    @Test
    void theFitKeepsATenthOfTheBudgetWhateverTheTimeOutside() {
        AutoMlRun run = AutoMl.builder().seed(1).budget(Budget.ofTime(Duration.ofSeconds(20)))
                .timeOutside(Duration.ofSeconds(60)).cores(2).isolation(Isolation.IN_PROCESS).ensembleRounds(0)
                .learners(Learners.discovered().stream().filter(l -> l.id().equals("smile-logistic")).toList())
                .build().fit(TaskData.of(DefaultDataset.generate(300, 1), DefaultDataset.TARGET));
        assertThat(run.elapsedSeconds()).isGreaterThan(1.5).isLessThan(2 + 2 + 5);
    }

    @Test
    void rejectsANegativeTimeOutside() {
        assertThatThrownBy(() -> AutoMl.builder().timeOutside(Duration.ofSeconds(-1)))
                .hasMessage("time outside the fit must be >= 0, but was PT-1S");
    }
}
