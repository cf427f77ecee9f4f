package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlModel;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.explain.HeldOutImportance;
import automl4j.explain.PipelineShap;
import automl4j.learn.Predictions;
import automl4j.metric.Metrics;
import automl4j.search.Budget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The README's Java example, kept compiling and passing. */
class ApiExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeExampleRunsAndTheExportedModelPredictsIdentically() throws Exception {
        Table table = DefaultDataset.generate(1000, 7);
        AutoMlRun run = AutoMl.builder()
                .metric(Metrics.rocAuc())                 // or left out: chosen from the task
                .budget(Budget.ofTime(Duration.ofSeconds(60)).withMaxTrials(12))
                .seed(7)
                .cores(2)
                .build()
                .fit(TaskData.of(table, "churned"));      // task inferred: binary
        System.out.println(run.leaderboard());            // ranked rows
        Predictions p = run.best().predict(table);        // labels + class probabilities
        Path file = dir.resolve("model.automl");
        run.best().exportTo(file);
        AutoMlModel model = AutoMlModel.load(file);       // needs no search code
        Map<String, Double> scores = model.evaluate(DefaultDataset.generate(500, 8));  // labelled rows: every metric
        PipelineShap.Explained shap = model.explain(table.first(20), table);         // SHAP per raw column
        HeldOutImportance.Result importance = run.importance();                      // on held-out rows, with p-values
        AutoMlRun tested = run.withTestScores(TaskData.of(DefaultDataset.generate(500, 8), "churned"),
                System.nanoTime() + Duration.ofSeconds(20).toNanos());              // test column in the leaderboard
        tested.report(dir.resolve("report.html"));                                 // self-contained HTML report

        // Twelve trials, and the ensemble of the best of them when it validates better than each.
        assertThat(run.leaderboard().rows()).filteredOn(r -> !r.trial().config().learner().equals("ensemble")).hasSize(12);
        assertThat(run.bestTrial().completed().score()).isGreaterThan(0.7);
        Predictions q = model.predict(table);
        for (int i = 0; i < p.size(); i++) {
            assertThat(q.probabilities(i)).containsExactly(p.probabilities(i));
        }
        assertThat(model.config()).isEqualTo(run.best().config());
        assertThat(p.classes()).containsExactly("no", "yes");
        assertThat(scores.keySet()).startsWith("auc").contains("logloss", "f1", "mcc", "average_precision");
        assertThat(scores.get("auc")).isGreaterThan(0.7);
        assertThat(shap.columns().features()).containsExactlyElementsOf(model.transform().inputColumns());
        assertThat(shap.columns().rows()).isEqualTo(20);
        assertThat(importance.columns().get(0).column()).isIn("tenure_months", "support_calls");
        assertThat(importance.splits()).isEqualTo(5);
        assertThat(tested.leaderboard().testScore(run.bestTrial().trial().id())).isPresent();
        assertThat(java.nio.file.Files.readString(dir.resolve("report.html"))).contains("Permutation importance").contains("Leaderboard");
    }
}
