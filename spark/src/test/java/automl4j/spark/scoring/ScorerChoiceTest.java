package automl4j.spark.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMlModel;
import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.datasets.DefaultDataset;
import automl4j.export.PipelineBundle;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.learn.FitContext;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import automl4j.spark.refit.RefitFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The default scorer, {@code auto}: the scoring library for small models and models without native trees, the engine
 * for a large XGBoost when the engine is on the class path (as here, in the tests); the same predictions either way,
 * and an explicit scorer is kept.
 */
class ScorerChoiceTest {
    private static final Path GOLDEN = Path.of("..", "bench", "src", "test", "resources", "golden", "export-v2");
    private static final Target CHURN = new Target(DefaultDataset.TARGET, new Classification(List.of("no", "yes")));
    private static final Table ROWS = DefaultDataset.generate(500, 5);
    private static SparkSession spark;
    private static Dataset<Row> frame;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = RefitFixtures.start("ScorerChoiceTest");
        frame = RefitFixtures.frame(spark, ROWS, 2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void smallModelsAndModelsWithoutNativeTreesScoreWithTheLibrary() {
        for (String name : List.of("xgboost", "tribuo-extra-trees", "smile-random-forest", "tribuo-linear-sgd")) {
            AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve(name + ".automl"));
            assertThat(t.getOrDefault(t.scorer())).isEqualTo(AutoMlTransformer.AUTO);
            assertThat(t.scorerInUse()).as(name).isEqualTo(AutoMlTransformer.SCORING);
        }
    }

    @Test
    void largeXgboostScoresWithTheEngineAndPredictsWhatTheLibraryPredicts() throws Exception {
        Path file = xgboost(40, 6);   // about 90 KB of trees
        AutoMlTransformer auto = AutoMlTransformer.of(file);
        assertThat(auto.scorerInUse()).isEqualTo(AutoMlTransformer.ENGINE);
        assertThat(auto.setScorer(AutoMlTransformer.SCORING).scorerInUse()).isEqualTo(AutoMlTransformer.SCORING);
        auto.setScorer(AutoMlTransformer.AUTO);

        Predictions expected = AutoMlModel.load(file).predict(ROWS);
        List<Row> byAuto = auto.transform(frame).collectAsList();
        List<Row> byLibrary = AutoMlTransformer.of(file).setScorer(AutoMlTransformer.SCORING).transform(frame).collectAsList();
        assertThat(byAuto).isEqualTo(byLibrary).hasSize(ROWS.rowCount());
        for (int i = 0; i < byAuto.size(); i++) {
            assertThat(byAuto.get(i).<String>getAs("prediction")).as("row " + i).isEqualTo(expected.label(i));
            assertThat(byAuto.get(i).<Vector>getAs("probability").toArray()).as("row " + i).isEqualTo(expected.probabilities(i));
        }
    }

    @Test
    void fewTreesStayWithTheLibrary() throws Exception {
        assertThat(AutoMlTransformer.of(xgboost(5, 3)).scorerInUse()).isEqualTo(AutoMlTransformer.SCORING);
    }

    // An XGBoost of `trees` trees of depth `depth` on 1,000 churn rows, exported.
    private static Path xgboost(int trees, int depth) throws Exception {
        Table train = DefaultDataset.generate(1000, 1);
        double[] y = train.stringColumn(CHURN.name()).asList().stream().mapToDouble(s -> CHURN.classes().indexOf(s)).toArray();
        FittedTransform transform = new TabularFeaturizer(FeaturizerOptions.defaults())
                .fit(train, IntStream.range(0, train.rowCount()).toArray(), CHURN, y);
        TrainingSet data = new TrainingSet(transform.transform(train, null), Labels.of(y), CHURN);
        Learner xgb = Learners.byId(Learners.discovered()).get("xgboost");
        Map<String, Object> values = new TreeMap<>(xgb.defaultConfig(CHURN.task()).values());
        values.putAll(Map.of("n_estimators", trees, "max_depth", depth));
        Config config = Config.of(xgb.id(), values);
        Pipeline.Member member = new Pipeline.Member(transform, xgb.fit(data, config, FitContext.of(1, 1)), config, 1.0);
        Path file = dir.resolve("xgboost-" + trees + "x" + depth + ".automl");
        PipelineBundle.write(new Pipeline(CHURN, List.of(member), config, Map.of("kind", "test")), file);
        return file;
    }
}
