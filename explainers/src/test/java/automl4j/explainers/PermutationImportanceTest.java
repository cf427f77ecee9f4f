package automl4j.explainers;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.explain.Explanation;
import automl4j.learn.Learners;
import automl4j.metric.Metrics;
import automl4j.search.Budget;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PermutationImportanceTest {
    @Test
    void signalColumnsOutrankNoiseAndTheIdIsWorthNothing() {
        Table table = DefaultDataset.generate(1500, 11);
        AutoMlRun run = AutoMl.builder().budget(Budget.ofTrials(1)).cores(1)
                .learners(Learners.discovered().stream().filter(l -> l.id().equals("xgboost")).toList())
                .build().fit(TaskData.of(table, DefaultDataset.TARGET));
        Explanation e = new PermutationImportance(2, 800).explain(run.best(), TaskData.of(table, DefaultDataset.TARGET), Metrics.rocAuc(), 1);
        List<String> order = e.columns().stream().map(Explanation.ColumnImportance::column).toList();
        assertThat(order).hasSize(table.columnCount() - 1);
        assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("tenure_months", "support_calls");
        double id = e.columns().stream().filter(c -> c.column().equals("customer_id")).findFirst().orElseThrow().importance();
        assertThat(id).isZero();   // the ID column is dropped by the featurizer, so shuffling it changes nothing
        assertThat(e.toCsv().lines().findFirst()).contains("column,importance,std");
    }

    @Test
    void withNoTimeLeftItMeasuresOneColumnOnceOnFewRowsAndSaysWhatItCut() {
        Table table = DefaultDataset.generate(1500, 11);
        AutoMlRun run = AutoMl.builder().budget(Budget.ofTrials(1)).cores(1)
                .learners(Learners.discovered().stream().filter(l -> l.id().equals("xgboost")).toList())
                .build().fit(TaskData.of(table, DefaultDataset.TARGET));
        TaskData data = TaskData.of(table, DefaultDataset.TARGET);
        PermutationImportance explainer = new PermutationImportance(3, 1000);

        PermutationImportance.Outcome cut = explainer.explainWithin(run.best(), data, Metrics.rocAuc(), 1, System.nanoTime());

        assertThat(cut.cut()).isTrue();
        assertThat(cut.repeats()).isEqualTo(1);
        assertThat(cut.rows()).isEqualTo(PermutationImportance.MIN_ROWS);
        assertThat(cut.explanation().columns()).hasSize(1);
        assertThat(cut.leftOut()).hasSize(table.columnCount() - 2);
        assertThat(cut.describe()).startsWith("permutation importance was cut to fit the time budget: 1 repeat on 200 rows; "
                + "columns not measured: [");

        PermutationImportance.Outcome whole = explainer.explainWithin(run.best(), data, Metrics.rocAuc(), 1, Long.MAX_VALUE);
        assertThat(whole.cut()).isFalse();
        assertThat(whole.describe()).isEmpty();
        assertThat(whole.explanation()).isEqualTo(explainer.explain(run.best(), data, Metrics.rocAuc(), 1));
        assertThat(whole.rows()).isEqualTo(1000);
    }
}
