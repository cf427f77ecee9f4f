package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlModel;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.Isolation;
import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.Leaderboard;
import automl4j.learn.Learners;
import automl4j.learn.Predictions;
import automl4j.search.Budget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The lightgbm learner end to end: its trials in worker JVMs and in-process, its model in a pipeline file. */
class LightgbmPipelineTest {
    @TempDir
    Path dir;

    private static AutoMl.Builder lightgbmOnly() {
        return AutoMl.builder().seed(5).budget(Budget.ofTrials(4)).learners(List.of(Learners.byId(Learners.discovered()).get("lightgbm")))
                .ensembleRounds(0).workerHeapMb(256).cores(2);
    }

    @Test
    void trialsInWorkersMatchInProcessOnesAndTheExportedModelPredictsIdentically() throws Exception {
        Table table = DefaultDataset.generate(400, 9);
        TaskData binary = TaskData.of(table, DefaultDataset.TARGET);
        TaskData regression = TaskData.of(table.copy().removeColumns(DefaultDataset.TARGET), "tenure_months");
        for (TaskData data : List.of(binary, regression)) {
            AutoMlRun workers = lightgbmOnly().isolation(Isolation.WORKERS).build().fit(data);
            AutoMlRun inProcess = lightgbmOnly().isolation(Isolation.IN_PROCESS).build().fit(data);
            assertThat(workers.leaderboard().rows()).hasSize(4).allSatisfy(r -> assertThat(r.outcome())
                    .as("trial %d: %s", r.trial().id(), Leaderboard.detail(r.outcome())).isInstanceOf(TrialOutcome.Completed.class));
            assertThat(rows(workers)).isEqualTo(rows(inProcess));

            Path file = dir.resolve(data.equals(binary) ? "binary.automl" : "regression.automl");
            workers.best().exportTo(file);
            AutoMlModel loaded = AutoMlModel.load(file);
            assertThat(flat(loaded.predict(table))).isEqualTo(flat(workers.best().predict(table)));
        }
    }

    private static List<String> rows(AutoMlRun run) {
        return run.leaderboard().rows().stream().map(r -> r.trial().id() + " " + r.trial().config() + " "
                + (r.completed() == null ? "" : Double.toString(r.completed().score()))).sorted().toList();
    }

    private static List<Double> flat(Predictions p) {
        return java.util.Arrays.stream(p.toFlat()).boxed().toList();
    }
}
