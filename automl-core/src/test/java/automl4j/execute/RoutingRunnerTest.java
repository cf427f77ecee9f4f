package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.learn.Learner;
import automl4j.metric.Metrics;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the router does with a trial meant for a worker when the worker processes cannot be started. */
class RoutingRunnerTest {
    private static final Supplier<WorkerRunner> NO_WORKERS = () -> {
        throw new UncheckedIOException("cannot start worker processes: no java here", new java.io.IOException("no java"));
    };

    private static RoutingRunner router(Isolation isolation, List<String> info) {
        SplitStore splits = TrialRunnerContract.splits();
        InProcessRunner inProcess = new InProcessRunner(TrialExecutor.of(1, 1), splits, TrialRunnerContract.learners(),
                TrialRunnerContract.metrics(), PredictionSink.NONE);
        java.util.Map<String, Learner> learners = TrialRunnerContract.learners();
        return new RoutingRunner(inProcess, NO_WORKERS, 1, List.of(), isolation, learners, Metrics.accuracy(),
                MemoryBudget.unlimited(), c -> 0L, info::add);
    }

    private static TrialOutcome run(RoutingRunner router, int id) throws Exception {
        return router.submit(TrialRunnerContract.task(id, ContractLearner.config("complete", 0), TrialRunnerContract.noDeadline()))
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void underWorkersIsolationATrialFailsRatherThanRunInProcess() throws Exception {
        List<String> info = new CopyOnWriteArrayList<>();
        try (RoutingRunner router = router(Isolation.WORKERS, info)) {
            for (int id = 0; id < 2; id++) {
                TrialOutcome o = run(router, id);
                assertThat(o).isInstanceOf(TrialOutcome.Failed.class);
                assertThat(((TrialOutcome.Failed) o).message()).startsWith("trial " + id + " (contract-probe) was not run")
                        .contains("isolation 'workers'").contains("no java here");
            }
        }
        assertThat(info).anyMatch(m -> m.contains("worker processes cannot be used") && m.contains("fail"));
    }

    @Test
    void underGuardedIsolationATrialRunsInProcessInstead() throws Exception {
        List<String> info = new CopyOnWriteArrayList<>();
        try (RoutingRunner router = router(Isolation.GUARDED, info)) {
            assertThat(Isolation.GUARDED.inWorker(new ContractLearner())).isTrue();   // so it was meant for a worker
            TrialOutcome o = run(router, 0);
            assertThat(o).isInstanceOf(TrialOutcome.Completed.class);
        }
        assertThat(info).anyMatch(m -> m.contains("all trials run in-process"));
    }
}
