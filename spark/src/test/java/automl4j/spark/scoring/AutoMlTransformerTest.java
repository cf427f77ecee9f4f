package automl4j.spark.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import automl4j.AutoMlModel;
import automl4j.datasets.DefaultDataset;
import automl4j.learn.Predictions;
import automl4j.spark.refit.RefitFixtures;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * The transformer predicts exactly what {@code AutoMlModel.predict} predicts for the same rows (the golden model files
 * of bench: XGBoost, Tribuo and Smile classification, XGBoost and Tribuo regression, an ensemble of XGBoost and
 * Tribuo), with either scorer, keeps the rows, their cells of every type and their order over partitions and batches,
 * and refuses a missing or mistyped column by name before scoring.
 */
class AutoMlTransformerTest {
    private static final Path GOLDEN = Path.of("..", "bench", "src", "test", "resources", "golden", "export-v2");
    private static final Table ROWS = DefaultDataset.generate(1000, 11);   // with missing fees and plans
    private static SparkSession spark;
    private static Dataset<Row> frame;

    @BeforeAll
    static void start() {
        spark = RefitFixtures.start("AutoMlTransformerTest");
        frame = RefitFixtures.frame(spark, ROWS, 3).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {AutoMlTransformer.SCORING, AutoMlTransformer.ENGINE})
    void classificationPredictsExactlyWhatTheEnginePredictsInRowOrder(String scorer) {
        for (String name : List.of("xgboost", "ensemble", "tribuo-linear-sgd", "smile-random-forest")) {
            Path file = GOLDEN.resolve(name + ".automl");
            // batches of 64 rows: several per partition, the last one short
            List<Row> scored = AutoMlTransformer.of(file).setScorer(scorer).setBatchRows(64).transform(frame).collectAsList();
            Predictions expected = AutoMlModel.load(file).predict(ROWS);
            assertThat(scored).as(name).hasSize(ROWS.rowCount());
            for (int i = 0; i < scored.size(); i++) {
                Row row = scored.get(i);
                assertThat(row.<String>getAs("customer_id")).isEqualTo(ROWS.stringColumn("customer_id").get(i));
                assertThat(row.<String>getAs("prediction")).as(name + " row " + i).isEqualTo(expected.label(i));
                assertThat(row.<Vector>getAs("probability").toArray()).as(name + " row " + i).isEqualTo(expected.probabilities(i));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {AutoMlTransformer.SCORING, AutoMlTransformer.ENGINE})
    void regressionPredictsExactlyWhatTheEnginePredictsWithoutAProbabilityColumn(String scorer) {
        for (String name : List.of("xgboost-regression", "tribuo-linear-sgd-regression")) {
            Path file = GOLDEN.resolve(name + ".automl");
            AutoMlTransformer t = AutoMlTransformer.of(file).setScorer(scorer).setPredictionCol("fee_hat");
            Dataset<Row> out = t.transform(frame);
            assertThat(out.columns()).doesNotContain("probability").endsWith("fee_hat");
            assertThat(out.schema().apply("fee_hat").dataType()).isEqualTo(DataTypes.DoubleType);
            List<Row> scored = out.collectAsList();
            Predictions expected = AutoMlModel.load(file).predict(ROWS);
            assertThat(scored).hasSize(ROWS.rowCount());
            for (int i = 0; i < scored.size(); i++) {
                assertThat(scored.get(i).<Double>getAs("fee_hat")).as(name + " row " + i).isEqualTo(expected.value(i));
            }
        }
    }

    @Test
    void probabilityColumnIsAVectorNamedByClassAndCanBeLeftOut() {
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl"));
        assertThat(t.classes()).containsExactly("no", "yes");
        Dataset<Row> out = t.setProbabilityCol("p").transform(frame);
        AttributeGroup group = AttributeGroup.fromStructField(out.schema().apply("p"));
        assertThat(group.size()).isEqualTo(2);
        assertThat(group.getAttr(0).name().get()).isEqualTo("no");
        assertThat(group.getAttr(1).name().get()).isEqualTo("yes");
        assertThat(out.schema().apply("prediction").dataType()).isEqualTo(DataTypes.StringType);
        Row first = out.first();
        double[] p = first.<Vector>getAs("p").toArray();
        assertThat(p[0] + p[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));   // XGBoost computes in float

        Dataset<Row> labelsOnly = t.setProbabilityCol("").transform(frame);
        assertThat(labelsOnly.columns()).hasSize(ROWS.columnCount() + 1).endsWith("prediction");
    }

    @Test
    void missingInputColumnIsNamedBeforeScoring() {
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl"));
        Dataset<Row> noAge = frame.drop("age");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.transform(noAge));
        assertThat(e).hasMessageContaining("input column 'age' is missing");
    }

    @Test
    void mistypedInputColumnIsNamedWithTheTypesItTakes() {
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl"));
        Dataset<Row> arrays = frame.withColumn("age", functions.array(functions.col("age")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.transform(arrays));
        assertThat(e).hasMessage("input column 'age' must be a numeric type or string (the model reads it as numeric), "
                + "but was array<double>");
    }

    @Test
    void outputColumnThatExistsIsRefused() {
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl")).setPredictionCol("plan");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.transformSchema(frame.schema()));
        assertThat(e).hasMessageContaining("output column 'plan' already exists");
    }

    @ParameterizedTest
    @ValueSource(strings = {AutoMlTransformer.SCORING, AutoMlTransformer.ENGINE})
    void textInANumericColumnFailsNamingTheColumn(String scorer) {
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost-regression.automl")).setScorer(scorer);
        Dataset<Row> text = frame.withColumn("age", functions.lit("Infinity"));
        Exception e = assertThrows(Exception.class, () -> t.transform(text).collectAsList());
        assertThat(rootMessages(e)).contains("'age'");
    }

    @Test
    void savedTransformerAndPipelineLoadAndPredictTheSame(@TempDir Path dir) throws Exception {
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl")).setPredictionCol("label_hat");
        t.write().save(dir.resolve("t").toString());
        AutoMlTransformer back = AutoMlTransformer.load(dir.resolve("t").toString());
        assertThat(back.uid()).isEqualTo(t.uid());
        assertThat(back.getPredictionCol()).isEqualTo("label_hat");
        assertThat(back.modelSha256()).isEqualTo(t.modelSha256());
        assertThat(back.transform(frame).collectAsList()).isEqualTo(t.transform(frame).collectAsList());

        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {t}).fit(frame);
        pipeline.write().save(dir.resolve("p").toString());
        PipelineModel loaded = PipelineModel.load(dir.resolve("p").toString());
        assertThat(loaded.transform(frame).collectAsList()).isEqualTo(t.transform(frame).collectAsList());
    }

    @Test
    void executorsLoadTheModelOnceAndCopiesShareIt() {
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl"));
        AutoMlTransformer copy = t.copy(new org.apache.spark.ml.param.ParamMap());
        assertThat(copy.modelSha256()).isEqualTo(t.modelSha256());
        t.transform(frame).count();
        int loaded = ModelCache.size();
        copy.transform(frame).collectAsList();
        assertThat(ModelCache.size()).isEqualTo(loaded);
    }

    @ParameterizedTest
    @ValueSource(strings = {AutoMlTransformer.SCORING, AutoMlTransformer.ENGINE})
    void columnsTheModelDropsMayBeAbsent(String scorer) {
        // customer_id was fitted on but dropped as an id: rows without it score as rows with it
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl")).setScorer(scorer);
        List<Row> without = t.transform(frame.drop("customer_id")).select("prediction").collectAsList();
        assertThat(without).isEqualTo(t.transform(frame).select("prediction").collectAsList());
    }

    @Test
    void builtFromBytesOrCopiedItIsTheSameModelWithTheSameParams() throws Exception {
        Path file = GOLDEN.resolve("xgboost.automl");
        AutoMlTransformer fromFile = AutoMlTransformer.of(file).setPredictionCol("p1").setProbabilityCol("");
        AutoMlTransformer fromBytes = AutoMlTransformer.of(java.nio.file.Files.readAllBytes(file)).setPredictionCol("p1")
                .setProbabilityCol("");
        assertThat(fromBytes.modelSha256()).isEqualTo(fromFile.modelSha256());
        assertThat(fromBytes.transform(frame).collectAsList()).isEqualTo(fromFile.transform(frame).collectAsList());

        AutoMlTransformer copy = fromFile.copy(new org.apache.spark.ml.param.ParamMap().put(fromFile.predictionCol(), "p2"));
        assertThat(copy.uid()).isEqualTo(fromFile.uid());
        assertThat(copy.getPredictionCol()).isEqualTo("p2");
        assertThat(copy.getProbabilityCol()).isEmpty();
        assertThat(fromFile.getPredictionCol()).isEqualTo("p1");
    }

    @ParameterizedTest
    @ValueSource(strings = {AutoMlTransformer.SCORING, AutoMlTransformer.ENGINE})
    void columnsOfEveryTypePassThroughAsTheyAre(String scorer) {
        // types no model reads, beside those it reads: they go through the scorer untouched, in Spark's own row format
        Dataset<Row> wide = frame.withColumn("tags", functions.array(functions.col("plan"), functions.lit("x")))
                .withColumn("extra", functions.struct(functions.col("age"), functions.lit(7).as("seven")))
                .withColumn("by_plan", functions.map(functions.col("customer_id"), functions.col("age")))
                .withColumn("bytes", functions.col("customer_id").cast(DataTypes.BinaryType));   // dates: TrainedOnParquetTest
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl")).setScorer(scorer);
        List<Row> in = wide.collectAsList();
        List<Row> out = t.transform(wide).collectAsList();
        List<Row> narrow = t.transform(frame).collectAsList();
        assertThat(out).hasSize(in.size());
        for (int i = 0; i < out.size(); i++) {
            for (int c = 0; c < in.get(i).length(); c++) {
                Object expected = in.get(i).get(c);
                Object actual = out.get(i).get(c);
                if (expected instanceof byte[] bytes) {
                    assertThat((byte[]) actual).isEqualTo(bytes);
                } else {
                    assertThat(actual).as("row " + i + " column " + wide.columns()[c]).isEqualTo(expected);
                }
            }
            assertThat(out.get(i).<String>getAs("prediction")).isEqualTo(narrow.get(i).<String>getAs("prediction"));
            assertThat(out.get(i).<Vector>getAs("probability")).isEqualTo(narrow.get(i).<Vector>getAs("probability"));
        }
    }

    @Test
    void unknownScorerIsRefused() {
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.setScorer("onnx"));
        assertThat(e).hasMessageContaining("scorer").hasMessageContaining("onnx");
    }

    private static String rootMessages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }
}
