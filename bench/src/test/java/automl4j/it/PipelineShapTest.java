package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import automl4j.AutoMl;
import automl4j.AutoMlModel;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.explain.PipelineShap;
import automl4j.explain.ShapValues;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.Predictions;
import automl4j.search.Budget;
import automl4j.searchers.random.RandomSearcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** SHAP values of whole pipelines: exact for a single tree or linear model, sampled for an ensemble; always adding up. */
class PipelineShapTest {
    private static final Table DATA = DefaultDataset.generate(500, 4);

    private static AutoMlModel fit(int ensembleRounds, String... learners) {
        List<Learner> chosen = Learners.discovered().stream().filter(l -> List.of(learners).contains(l.id())).toList();
        AutoMlRun run = AutoMl.builder().seed(5).budget(Budget.ofTrials(6)).searcher(new RandomSearcher()).cores(1)
                .learners(chosen).ensembleRounds(ensembleRounds).build().fit(TaskData.of(DATA, DefaultDataset.TARGET));
        return run.best();
    }

    /** Probabilities from the values' outputs, in the space the values name. */
    private static double positiveProbability(ShapValues v, int row) {
        return switch (v.space()) {
            case "probability" -> v.output(row, 1);
            case "log-odds" -> 1 / (1 + Math.exp(-v.output(row, 0)));
            default -> throw new AssertionError(v.space());
        };
    }

    @Test
    void aSingleTreeModelIsExplainedExactlyAndItsFeaturesSumIntoColumns() {
        AutoMlModel model = fit(0, "xgboost");
        Table rows = DATA.first(20);
        PipelineShap.Explained shap = model.explain(rows, DATA);
        assertThat(shap.method()).startsWith("exact");
        assertThat(shap.features()).isNotNull();
        assertThat(shap.columns().features()).containsExactlyElementsOf(model.transform().inputColumns());
        Predictions p = model.predict(rows);
        for (int r = 0; r < rows.rowCount(); r++) {
            assertThat(positiveProbability(shap.columns(), r)).isCloseTo(p.probabilities(r)[1], within(1e-5));
            for (int k = 0; k < shap.columns().outputs().size(); k++) {
                assertThat(shap.columns().output(r, k)).isCloseTo(shap.features().output(r, k), within(1e-9));
            }
        }
    }

    @Test
    void anEnsembleIsSampledInProbabilitySpaceAndAddsUp() {
        AutoMlModel model = fit(20, "smile-knn", "smile-logistic", "smile-random-forest");
        Table rows = DATA.first(10);
        PipelineShap.Explained shap = model.explain(rows, DATA);
        Predictions p = model.predict(rows);
        if (model.isEnsemble() || model.config().learner().equals("smile-knn")) {
            assertThat(shap.method()).startsWith("sampled");
            assertThat(shap.columns().space()).isEqualTo("probability");
        }
        for (int r = 0; r < rows.rowCount(); r++) {
            assertThat(positiveProbability(shap.columns(), r)).isCloseTo(p.probabilities(r)[1], within(1e-9));
        }
    }
}
