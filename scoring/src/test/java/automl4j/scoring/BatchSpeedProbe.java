package automl4j.scoring;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.datasets.DefaultDataset;
import automl4j.export.PipelineBundle;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.TrainingSet;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A rough timing of {@link ScoringModel#predictRows} on the three models of the bench module's JMH
 * {@code ScoringLatency} (same data, learners and settings), to guide work on the batch path between JMH runs. It
 * asserts nothing about time, a shared machine's numbers being noise; it runs only with {@code -Dscoring.speed=true}.
 */
@EnabledIfSystemProperty(named = "scoring.speed", matches = "true")
class BatchSpeedProbe {
    private static final int BATCH = 1000;
    private static final Target CHURN = new Target(DefaultDataset.TARGET, new Classification(List.of("no", "yes")));

    @TempDir
    Path dir;

    @Test
    void timesBatchesOfTheBenchmarkModels() throws IOException {
        Table train = DefaultDataset.generate(2000, 1);
        double[] y = train.stringColumn(CHURN.name()).asList().stream().mapToDouble(s -> CHURN.classes().indexOf(s)).toArray();
        FittedTransform transform = new TabularFeaturizer(FeaturizerOptions.defaults())
                .fit(train, IntStream.range(0, train.rowCount()).toArray(), CHURN, y);
        TrainingSet data = new TrainingSet(transform.transform(train, null), Labels.of(y), CHURN);
        Map<String, Learner> learners = Learners.byId(Learners.discovered());
        Map<String, Object> xgb = Map.of("n_estimators", 300, "max_depth", 6);
        Pipeline.Member linear = member(learners.get("tribuo-linear-sgd"), Map.of(), data, transform, 1.0);
        Pipeline.Member trees = member(learners.get("xgboost"), xgb, data, transform, 1.0);
        Map<String, List<Pipeline.Member>> models = new LinkedHashMap<>();
        models.put("linear", List.of(linear));
        models.put("xgboost300", List.of(trees));
        models.put("extra-trees", List.of(member(learners.get("tribuo-extra-trees"), Map.of(), data, transform, 1.0)));
        models.put("ensemble", List.of(member(learners.get("xgboost"), xgb, data, transform, 0.5),
                member(learners.get("tribuo-linear-sgd"), Map.of(), data, transform, 0.3),
                member(learners.get("tribuo-extra-trees"), Map.of(), data, transform, 0.2)));

        Table test = DefaultDataset.generate(BATCH, 2).removeColumns(CHURN.name());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int r = 0; r < test.rowCount(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String c : test.columnNames()) {
                row.put(c, test.column(c).isMissing(r) ? null : test.column(c).get(r));
            }
            cells.add(row);
        }
        Map<String, ScoringModel> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, List<Pipeline.Member>> e : models.entrySet()) {
            List<Pipeline.Member> members = e.getValue();
            Config config = members.size() == 1 ? members.get(0).config() : Config.of("ensemble", Map.of());
            Path file = dir.resolve(e.getKey() + ".automl");
            PipelineBundle.write(new Pipeline(CHURN, members, config, Map.of("kind", "probe")), file);
            loaded.put(e.getKey(), ScoringModel.load(file));
        }
        // Every model warmed up before any is timed, so that the shared code (the featurizer) is compiled for all.
        for (ScoringModel model : loaded.values()) {
            for (int i = 0; i < 100; i++) {
                model.predictRows(cells);
            }
        }
        int batches = 20;
        for (Map.Entry<String, ScoringModel> e : loaded.entrySet()) {
            double best = 0;
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < batches; i++) {
                    e.getValue().predictRows(cells);
                }
                best = Math.max(best, batches * BATCH / ((System.nanoTime() - start) / 1e9));
            }
            System.out.printf("BatchSpeedProbe %-12s %,10.0f rows/s (best of 5 x %d batches of %d rows)%n", e.getKey(), best,
                    batches, BATCH);
        }
    }

    private static Pipeline.Member member(Learner learner, Map<String, Object> overrides, TrainingSet data,
                                          FittedTransform transform, double weight) {
        Map<String, Object> values = new TreeMap<>(learner.defaultConfig(CHURN.task()).values());
        values.putAll(overrides);
        Config config = Config.of(learner.id(), values);
        FittedModel fitted = learner.fit(data, config, FitContext.of(1, 1));
        return new Pipeline.Member(transform, fitted, config, weight);
    }
}
