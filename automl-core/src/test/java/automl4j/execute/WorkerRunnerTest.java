package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.space.Config;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The worker-process runner keeps the {@link TrialRunner} contract: its workers rebuild {@link ContractLearner} and the
 * metric by id, and a hung fit past its hard deadline costs its worker.
 */
class WorkerRunnerTest extends TrialRunnerContract {
    @Override
    protected TrialRunner runner(int capacity, SplitStore splits) {
        return new WorkerRunner(capacity, 128, splits, PredictionSink.NONE);
    }

    @Test
    void aMetricIdTheWorkerCannotRebuildFailsTheTrialNamingTheServicesFileAndTheWorkerLivesOn() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            Config config = ContractLearner.config("complete", 0);
            TrialTask unknown = new TrialTask(0, config, 1, SplitStore.DEFAULT_KEY, "users-own-metric", noDeadline(),
                    Pruning.NONE, 1, false);
            TrialOutcome o = runner.submit(unknown).get(60, TimeUnit.SECONDS);
            assertThat(o).isInstanceOf(TrialOutcome.Failed.class);
            assertThat(((TrialOutcome.Failed) o).message()).contains("metric 'users-own-metric'")
                    .contains("META-INF/services/automl4j.metric.Metric");

            TrialOutcome next = runner.submit(task(1, config, noDeadline())).get(60, TimeUnit.SECONDS);
            assertThat(next).isInstanceOf(TrialOutcome.Completed.class);
        }
    }
}
