package automl4j.it;

import automl4j.AutoMl;
import automl4j.AutoMlModel;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.learn.Learner;
import automl4j.learners.smile.SmileKnnLearner;
import automl4j.learners.smile.SmileLogisticLearner;
import automl4j.learners.smile.SmileRandomForestLearner;
import automl4j.learners.tribuo.TribuoExtraTreesLearner;
import automl4j.learners.tribuo.TribuoLinearSgdLearner;
import automl4j.learners.xgboost.XgboostLearner;
import automl4j.search.Budget;
import automl4j.space.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tech.tablesaw.api.Table;

/**
 * Writes the golden model files of the current format version, one per learner plus an ensemble and two regression
 * models, into the folder named by {@code -Dgolden.out}; skipped otherwise. The command is in
 * {@code golden/export-v2/README.md}.
 */
class GoldenWriter {
    @Test
    @EnabledIfSystemProperty(named = "golden.out", matches = ".+")
    void writesOneFilePerLearner() throws IOException {
        Path out = Path.of(System.getProperty("golden.out"));
        Files.createDirectories(out);
        Table table = DefaultDataset.generate(120, 5);
        List<Learner> learners = List.of(new XgboostLearner(), new TribuoLinearSgdLearner(), new TribuoExtraTreesLearner(),
                new SmileRandomForestLearner(), new SmileLogisticLearner(), new SmileKnnLearner());
        AutoMlModel first = null;
        AutoMlModel second = null;
        for (Learner l : learners) {
            AutoMlModel m = fit(table, DefaultDataset.TARGET, l);
            export(m, out, l.id());
            if (first == null) {
                first = m;
            } else if (second == null) {
                second = m;
            }
        }
        AutoMlModel ensemble = new AutoMlModel(first.target(), List.of(
                new automl4j.pipeline.Pipeline.Member(first.transform(), first.model(), first.config(), 0.75),
                new automl4j.pipeline.Pipeline.Member(second.transform(), second.model(), second.config(), 0.25)),
                Config.of("ensemble", Map.of("members", first.config().learner() + "+" + second.config().learner())), Map.of());
        export(ensemble, out, "ensemble");
        for (Learner l : List.of(new XgboostLearner(), new TribuoLinearSgdLearner())) {
            export(fit(table.rejectColumns(DefaultDataset.TARGET), "monthly_fee", l), out, l.id() + "-regression");
        }
    }

    /** Writes {@code name.automl} and {@code name.expected} (its predictions of {@link GoldenFiles#input()}). */
    private static void export(AutoMlModel m, Path out, String name) throws IOException {
        m.exportTo(out.resolve(name + ".automl"));
        Files.write(out.resolve(name + ".expected"), GoldenFiles.predictionLines(m));
    }

    private static AutoMlModel fit(Table table, String target, Learner learner) {
        return AutoMl.builder().learners(List.of(learner)).budget(Budget.ofTrials(1)).ensembleRounds(0).seed(3).cores(1)
                .build().fit(TaskData.of(table, target)).best();
    }
}
