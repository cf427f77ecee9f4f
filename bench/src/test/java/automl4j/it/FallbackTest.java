package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMl;
import automl4j.AutoMlException;
import automl4j.AutoMlModel;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.BaselineLearner;
import automl4j.learn.Learner;
import automl4j.learn.Predictions;
import automl4j.engine.Fallback;
import automl4j.search.Budget;
import automl4j.searchers.random.RandomSearcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Issue 14: a run on valid data always ends with a model, unless every trial failed with an error. */
class FallbackTest {
    // 3,000 rows: an 80/20 holdout, so every search trial fits 2,400 rows, more than the slow learner can do quickly.
    private static final Table TABLE = DefaultDataset.generate(3000, 3);

    private static AutoMlRun run(Learner learner, double seconds) {
        return run(learner, Budget.ofTime(Duration.ofMillis((long) (seconds * 1000))));
    }

    private static AutoMlRun run(Learner learner, Budget budget) {
        return AutoMl.builder().seed(2).budget(budget).learners(List.of(learner))
                .searcher(new RandomSearcher()).isolation(Isolation.IN_PROCESS).ensembleRounds(0).cores(2).build()
                .fit(TaskData.of(TABLE, DefaultDataset.TARGET));
    }

    private static double[] churnShare(AutoMlModel model, Table table) {
        Predictions p = model.predict(table.copy().removeColumns(DefaultDataset.TARGET));
        return p.probabilities(0);
    }

    @Test
    void whenNoSearchTrialFinishesTheCheapestLearnersDefaultsOnASampleAreExportedAndFlagged(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        AutoMlRun run = run(new FaultyLearners.SlowOnLargeData(), 3);
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(run.bestTrial().trial().config().learner()).isEqualTo(Fallback.FALLBACK);
        assertThat(run.bestTrial().trial().config().values()).containsEntry("learner", "slow-on-large-data");
        // A stratified sample: each class keeps its share of the 500 rows, rounded down.
        assertThat(run.bestTrial().trial().config().intValue("sample_rows")).isBetween(Fallback.SAMPLE_ROWS - 2, Fallback.SAMPLE_ROWS);
        assertThat(run.best().info()).containsKey(Fallback.INFO_KEY);
        assertThat(run.leaderboard().rows()).filteredOn(r -> r.completed() != null).hasSize(1);
        assertThat(run.leaderboard().rows()).filteredOn(r -> r.completed() == null).isNotEmpty()
                .allSatisfy(r -> assertThat(r.outcome()).isInstanceOfAny(TrialOutcome.Cancelled.class, TrialOutcome.TimedOut.class));
        // Budget 3 s plus a grace of 2 s; generous for a busy machine, far below the minute a search fit takes.
        assertThat(seconds).isLessThan(20);
        Path file = dir.resolve("model.automl");
        run.best().exportTo(file);
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void whenNotEvenTheFallbackFitFinishesTheBaselineIsExportedFlaggedAndLoadable(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        AutoMlRun run = run(FaultyLearners.failing(FaultyLearners.Fault.HANGS), 2);
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(run.bestTrial().trial().config().learner()).isEqualTo(BaselineLearner.ID);
        assertThat(run.best().info().get(Fallback.INFO_KEY)).contains("class prior");
        assertThat(run.leaderboard().best()).contains(run.bestTrial());
        assertThat(run.leaderboard().toCsv()).contains("," + BaselineLearner.ID + ",completed,");
        assertThat(seconds).isLessThan(20);
        double churned = TABLE.stringColumn(DefaultDataset.TARGET).isEqualTo("yes").size() / (double) TABLE.rowCount();
        double[] p = churnShare(run.best(), TABLE);
        int yes = run.best().target().indexOf("yes");
        assertThat(p[yes]).isCloseTo(churned, org.assertj.core.data.Offset.offset(1e-9));

        Path file = dir.resolve("model.automl");
        run.best().exportTo(file);
        AutoMlModel loaded = AutoMlModel.load(file);
        assertThat(loaded.info()).containsKey(Fallback.INFO_KEY);
        assertThat(churnShare(loaded, TABLE.first(5))).containsExactly(p);
    }

    @Test
    void aRunWhoseEveryTrialThrowsStillEndsWithoutAModel() {
        // A trial count, not a time budget: no trial can be cancelled at the end, so every one fails with its error.
        assertThatThrownBy(() -> run(FaultyLearners.failing(FaultyLearners.Fault.THROWS), new Budget(Duration.ofSeconds(60), 6)))
                .isInstanceOf(AutoMlException.class).hasMessageContaining("no trial completed");
    }

    @Test
    void onlyFailedOrCrashedTrialsCountAsErrors() {
        TrialResult failed = new TrialResult(new Trial(0, automl4j.space.Config.of("x", java.util.Map.of()), 0),
                new TrialOutcome.Failed("boom", 1));
        TrialResult crashed = new TrialResult(new Trial(1, automl4j.space.Config.of("x", java.util.Map.of()), 1),
                new TrialOutcome.Crashed("exit 134", 1));
        TrialResult cancelled = new TrialResult(new Trial(2, automl4j.space.Config.of("x", java.util.Map.of()), 2),
                new TrialOutcome.Cancelled());
        assertThat(Fallback.onlyErrors(List.of(failed, crashed))).isTrue();
        assertThat(Fallback.onlyErrors(List.of(failed, cancelled))).isFalse();
        assertThat(Fallback.onlyErrors(List.of())).isFalse();
    }
}
