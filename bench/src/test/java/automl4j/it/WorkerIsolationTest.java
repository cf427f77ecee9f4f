package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.execute.TrialOutcome;
import automl4j.it.FaultyLearners.Fault;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.search.Budget;
import automl4j.searchers.random.RandomSearcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerIsolationTest {
    private static final TaskData DATA = TaskData.of(DefaultDataset.generate(300, 5), DefaultDataset.TARGET);

    private static List<Learner> learners(String... ids) {
        List<Learner> out = new ArrayList<>();
        for (String id : ids) {
            out.add(Learners.byId(Learners.discovered()).get(id));
        }
        return out;
    }

    private static List<String> signature(AutoMlRun run) {
        return run.leaderboard().rows().stream().map(r -> r.trial().id() + " " + r.trial().config() + " " + r.outcome().status()
                + " " + (r.completed() == null ? "" : Double.toString(r.completed().score()))).sorted().toList();
    }

    @Test
    void trialsInWorkersGiveTheLeaderboardAndEnsembleOfInProcessTrialsOnOneTwoAndFourSlots() {
        AutoMl base = AutoMl.builder().seed(6).budget(Budget.ofTrials(10)).learners(learners("xgboost", "smile-logistic"))
                .workerHeapMb(256).build();
        AutoMlRun inProcess = base.toBuilder().isolation(Isolation.IN_PROCESS).cores(2).build().fit(DATA);
        for (int slots : new int[] {1, 2, 4}) {
            AutoMlRun workers = base.toBuilder().isolation(Isolation.WORKERS).cores(slots).build().fit(DATA);
            assertThat(signature(workers)).as("%d slots", slots).isEqualTo(signature(inProcess));
        }
        assertThat(inProcess.leaderboard().rows()).anyMatch(r -> r.trial().config().learner().equals("ensemble"));
    }

    @Test
    void crashingHangingAndMemoryExhaustingTrialsCostOnlyTheirWorker() {
        List<Learner> ls = learners("smile-logistic");
        for (Fault f : Fault.values()) {
            ls.add(FaultyLearners.failing(f));
        }
        AutoMlRun run = AutoMl.builder().seed(3).budget(new Budget(Duration.ofSeconds(120), 14)).learners(ls)
                .searcher(new RandomSearcher()).trialTimeout(Duration.ofSeconds(8)).isolation(Isolation.WORKERS)
                .workerHeapMb(128).ensembleRounds(0).pruning(false).cores(2).build().fit(DATA);
        List<TrialResult> rows = run.leaderboard().rows();
        assertThat(rows).hasSize(14);
        for (TrialResult r : rows) {
            Class<?> expected = switch (r.trial().config().learner()) {
                case "throws" -> TrialOutcome.Failed.class;
                case "hangs" -> TrialOutcome.TimedOut.class;
                case "exhausts-memory" -> TrialOutcome.OutOfMemory.class;
                case "kills-jvm" -> TrialOutcome.Crashed.class;
                default -> TrialOutcome.Completed.class;
            };
            assertThat(r.outcome()).as("trial %d (%s): %s", r.trial().id(), r.trial().config(), Leaderboard.detail(r.outcome()))
                    .isInstanceOf(expected);
        }
        assertThat(rows.stream().map(r -> r.trial().config().learner()).distinct())
                .contains("throws", "hangs", "exhausts-memory", "kills-jvm", "smile-logistic");
        assertThat(rows).filteredOn(r -> r.outcome() instanceof TrialOutcome.Crashed)
                .allSatisfy(r -> assertThat(Leaderboard.detail(r.outcome())).contains("exited with code 7"));
        assertThat(rows).filteredOn(r -> r.outcome() instanceof TrialOutcome.OutOfMemory)
                .allSatisfy(r -> assertThat(Leaderboard.detail(r.outcome())).contains("128 MiB heap"));
    }
}
