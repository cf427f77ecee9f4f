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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FaultToleranceTest {
    private static final Map<String, Fault> FAULTS = Map.of("throws", Fault.THROWS, "hangs", Fault.HANGS,
            "exhausts-memory", Fault.EXHAUSTS_MEMORY);

    private static AutoMlRun run(List<Learner> faulty) {
        // Not XGBoost: the trial timeout would stop its boosting early on a busy machine and change its scores.
        Learner logistic = Learners.byId(Learners.discovered()).get("smile-logistic");
        List<Learner> learners = new java.util.ArrayList<>(List.of(logistic));
        learners.addAll(faulty);
        // The random searcher's proposals do not depend on outcomes, so both runs try the same configs.
        return AutoMl.builder().seed(4).budget(new Budget(Duration.ofSeconds(60), 16)).learners(learners)
                .searcher(new RandomSearcher()).trialTimeout(Duration.ofSeconds(6)).pruning(false).ensembleRounds(0)
                .isolation(Isolation.IN_PROCESS)
                .cores(2).build().fit(TaskData.of(DefaultDataset.generate(300, 8), DefaultDataset.TARGET));
    }

    private static Map<Integer, Double> logisticScores(AutoMlRun run) {
        return run.leaderboard().rows().stream().filter(r -> r.trial().config().learner().equals("smile-logistic"))
                .collect(Collectors.toMap(r -> r.trial().id(), r -> r.completed().score()));
    }

    @Test
    void throwingHangingAndMemoryExhaustingTrialsGetTheirOutcomesAndLeaveTheOthersAlone() {
        AutoMlRun faulty = run(FAULTS.values().stream().map(FaultyLearners::failing).toList());
        Learner constant = Learners.byId(Learners.discovered()).get("tribuo-linear-sgd");
        AutoMlRun healthy = run(FAULTS.keySet().stream().map(id -> FaultyLearners.wellBehaved(id, constant)).toList());

        List<TrialResult> rows = faulty.leaderboard().rows();
        assertThat(rows).hasSize(16);
        for (TrialResult r : rows) {
            Class<?> expected = switch (r.trial().config().learner()) {
                case "throws" -> TrialOutcome.Failed.class;
                case "hangs" -> TrialOutcome.TimedOut.class;
                case "exhausts-memory" -> TrialOutcome.OutOfMemory.class;
                default -> TrialOutcome.Completed.class;
            };
            assertThat(r.outcome()).as("trial %d (%s)", r.trial().id(), r.trial().config()).isInstanceOf(expected);
        }
        assertThat(rows.stream().map(r -> r.trial().config().learner()).distinct()).containsAll(FAULTS.keySet());
        assertThat(rows).filteredOn(r -> r.outcome() instanceof TrialOutcome.OutOfMemory)
                .allSatisfy(r -> assertThat(Leaderboard.detail(r.outcome())).contains("ran out of memory").contains("heap limit"));
        assertThat(logisticScores(faulty)).isNotEmpty().isEqualTo(logisticScores(healthy));
        assertThat(faulty.bestTrial().trial().config().learner()).isEqualTo("smile-logistic");
    }
}
