package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.ConfigException;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.leaderboard.TrialResult;
import automl4j.searchloop.RunListener;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Issue 18: an interrupted fit returns its best model so far instead of throwing it away; learners chosen by id. */
class CancelTest {
    @Test
    void anInterruptedFitReturnsTheBestSoFarAndKeepsTheInterrupt() {
        Table table = DefaultDataset.generate(600, 3);
        AtomicInteger completed = new AtomicInteger();
        // The listener runs on the thread that drives the search, the one that called fit: it cancels after 3 trials.
        RunListener cancelAfterThree = new RunListener() {
            @Override
            public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
                if (result.completed() != null && completed.incrementAndGet() == 3) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        long start = System.nanoTime();
        AutoMlRun run = AutoMl.builder().seconds(120).seed(1).cores(2).learners("smile-logistic", "xgboost")
                .listener(cancelAfterThree).build().fit(TaskData.of(table, DefaultDataset.TARGET));
        boolean interrupted = Thread.interrupted();   // reads and clears, so the next tests run normally
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(interrupted).as("the interrupt is set again when fit returns").isTrue();
        assertThat(seconds).as("a 120 s run cancelled after three trials").isLessThan(60);
        assertThat(run.leaderboard().completedCount()).isGreaterThanOrEqualTo(3);
        assertThat(run.best().predict(table).size()).isEqualTo(table.rowCount());
        assertThat(run.leaderboard().rows()).allMatch(r -> r.completed() != null || r.outcome().status().equals("cancelled")
                || r.outcome().status().equals("pruned"));
    }

    @Test
    void learnersAreChosenByIdAndAnUnknownIdIsNamed() {
        assertThat(AutoMl.builder().learners("xgboost", "smile-logistic").build().settings().learners())
                .extracting(automl4j.learn.Learner::id).containsExactly("xgboost", "smile-logistic");
        assertThatThrownBy(() -> AutoMl.builder().learners("xgbost")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("search.learners: learner 'xgbost' is unknown; known learners are [").hasMessageContaining("xgboost");
    }
}
