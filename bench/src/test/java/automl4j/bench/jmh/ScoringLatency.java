package automl4j.bench.jmh;

import automl4j.AutoMlModel;
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
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.pipeline.Pipeline;
import automl4j.scoring.BatchPredictions;
import automl4j.scoring.Prediction;
import automl4j.scoring.ScoringModel;
import automl4j.space.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.Table;

/**
 * Scoring an exported model with automl4j-scoring's {@link ScoringModel} against the engine's {@link AutoMlModel}, on
 * the same file: one row (a map of cells against a one-row table) and a batch of {@value #BATCH} rows (maps against a
 * table). Models ({@code model}): {@code linear} (Tribuo linear SGD), {@code xgboost300} (300 trees of depth 6) and
 * {@code ensemble} (those two and Tribuo extra trees, weights 0.5/0.3/0.2), fitted on 2,000 rows of the default
 * dataset (binary churn). The score is microseconds per call; batch rows/s is {@value #BATCH} divided by the batch
 * time. Run with {@code bench/jmh.sh ScoringLatency}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ScoringLatency {
    static final int BATCH = 1000;
    private static final Target CHURN = new Target(DefaultDataset.TARGET, new Classification(List.of("no", "yes")));

    @Param({"linear", "xgboost300", "ensemble"})
    public String model;

    private AutoMlModel engine;
    private ScoringModel scoring;
    private Table oneRow;
    private Table batchTable;
    private Map<String, Object> oneCells;
    private List<Map<String, Object>> batchCells;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Table train = DefaultDataset.generate(2000, 1);
        double[] y = train.stringColumn(CHURN.name()).asList().stream().mapToDouble(s -> CHURN.classes().indexOf(s)).toArray();
        FittedTransform transform = new TabularFeaturizer(FeaturizerOptions.defaults())
                .fit(train, IntStream.range(0, train.rowCount()).toArray(), CHURN, y);
        TrainingSet data = new TrainingSet(transform.transform(train, null), Labels.of(y), CHURN);
        Map<String, Learner> learners = Learners.byId(Learners.discovered());
        List<Pipeline.Member> members = new ArrayList<>();
        switch (model) {
            case "linear" -> members.add(member(learners.get("tribuo-linear-sgd"), Map.of(), data, transform, 1.0));
            case "xgboost300" -> members.add(member(learners.get("xgboost"), Map.of("n_estimators", 300, "max_depth", 6), data, transform, 1.0));
            case "ensemble" -> {
                members.add(member(learners.get("xgboost"), Map.of("n_estimators", 300, "max_depth", 6), data, transform, 0.5));
                members.add(member(learners.get("tribuo-linear-sgd"), Map.of(), data, transform, 0.3));
                members.add(member(learners.get("tribuo-extra-trees"), Map.of(), data, transform, 0.2));
            }
            default -> throw new IllegalArgumentException("model must be linear, xgboost300 or ensemble, but was " + model);
        }
        Config config = members.size() == 1 ? members.get(0).config() : Config.of("ensemble", Map.of());
        Path file = Files.createTempFile("scoring-latency", ".automl");
        PipelineBundle.write(new Pipeline(CHURN, members, config, Map.of("kind", "benchmark")), file);
        engine = AutoMlModel.load(file);
        scoring = ScoringModel.load(file);
        Files.delete(file);

        Table test = DefaultDataset.generate(BATCH, 2).removeColumns(CHURN.name());
        batchTable = test;
        oneRow = test.inRange(0, 1);
        batchCells = new ArrayList<>();
        for (int r = 0; r < test.rowCount(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String c : test.columnNames()) {
                row.put(c, test.column(c).isMissing(r) ? null : test.column(c).get(r));
            }
            batchCells.add(row);
        }
        oneCells = batchCells.get(0);
    }

    private static Pipeline.Member member(Learner learner, Map<String, Object> overrides, TrainingSet data,
                                          FittedTransform transform, double weight) {
        Map<String, Object> values = new TreeMap<>(learner.defaultConfig(CHURN.task()).values());
        values.putAll(overrides);
        Config config = Config.of(learner.id(), values);
        FittedModel fitted = learner.fit(data, config, FitContext.of(1, 1));
        return new Pipeline.Member(transform, fitted, config, weight);
    }

    @Benchmark
    public Predictions engineOneRow() {
        return engine.predict(oneRow);
    }

    @Benchmark
    public Prediction scoringOneRow() {
        // Cycle through the rows so that branch prediction does not learn one path through the trees.
        next = (next + 1) % BATCH;
        return scoring.predict(batchCells.get(next));
    }

    @Benchmark
    public Prediction scoringSameRow() {
        return scoring.predict(oneCells);
    }

    @Benchmark
    public Predictions engineBatch() {
        return engine.predict(batchTable);
    }

    @Benchmark
    public BatchPredictions scoringBatch() {
        return scoring.predictRows(batchCells);
    }
}
