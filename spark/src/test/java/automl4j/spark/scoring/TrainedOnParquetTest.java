package automl4j.spark.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlModel;
import automl4j.AutoMlRun;
import automl4j.learn.Learners;
import automl4j.learn.Predictions;
import automl4j.search.Budget;
import automl4j.spark.data.DriverSample;
import automl4j.spark.data.DriverSampler;
import automl4j.spark.data.SparkTables;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The whole path on typed Parquet columns (int, bigint, float, decimal, boolean, date, timestamp, text, with nulls): a
 * model searched on the driver's sample and exported scores the Parquet rows in Spark exactly as the engine scores the
 * same rows read into a table, with either scorer. This is what keeps the reader's type mapping and the transformer's
 * cells (read from Spark's internal rows) in step.
 */
class TrainedOnParquetTest {
    private static final StructType SCHEMA = new StructType()
            .add("age", DataTypes.IntegerType).add("visits", DataTypes.LongType).add("spend", DataTypes.FloatType)
            .add("fee", DataTypes.createDecimalType(8, 2)).add("member", DataTypes.BooleanType)
            .add("joined", DataTypes.DateType).add("seen", DataTypes.TimestampType).add("plan", DataTypes.StringType)
            .add("churned", DataTypes.StringType);
    private static SparkSession spark;
    private static Dataset<Row> rows;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        // java.time cells: Spark's java.sql.Date/Timestamp conversion needs an --add-opens on Java 17 when embedded
        spark = SparkSession.builder().master("local[2]").appName("TrainedOnParquetTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.sql.datetime.java8API.enabled", "true")
                .getOrCreate();
        SplittableRandom r = new SplittableRandom(21);
        List<Row> list = new ArrayList<>();
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < 600; i++) {
            int age = 18 + r.nextInt(60);
            long visits = r.nextInt(40);
            float spend = (float) (r.nextDouble() * 200);
            boolean member = r.nextBoolean();
            LocalDate joined = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3000));
            Instant seen = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(r.nextInt(86_400 * 90));
            int plan = r.nextInt(3);
            double z = 0.05 * (age - 45) - 0.08 * visits + 0.01 * spend + (member ? -0.7 : 0.3) + 0.4 * plan
                    - 0.0003 * (joined.toEpochDay() - 18_000);
            String churned = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? "yes" : "no";
            boolean gap = i % 17 == 5;   // a row of nulls in the inputs now and then
            list.add(RowFactory.create(gap ? null : age, visits, gap ? null : spend,
                    new BigDecimal(String.format(java.util.Locale.ROOT, "%.2f", 20 + 25.0 * plan)), gap ? null : member,
                    joined, gap ? null : seen, gap ? null : plans[plan], churned));
        }
        String path = dir.resolve("train.parquet").toString();
        spark.createDataFrame(new JavaSparkContext(spark.sparkContext()).parallelize(list, 3), SCHEMA).write().parquet(path);
        rows = spark.read().parquet(path);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void modelSearchedOnTheSampleScoresParquetRowsAsTheEngineDoes() throws Exception {
        DriverSample sample = DriverSampler.builder("churned").seed(3).maxRows(400).build().sample(rows, "train.parquet");
        AutoMlRun run = AutoMl.builder().seed(1).cores(2).budget(Budget.ofTime(Duration.ofSeconds(60)).withMaxTrials(2))
                .learners(List.of(Learners.byId(Learners.discovered()).get("xgboost")))
                .build().fit(sample.data());
        Path file = dir.resolve("churn.automl");
        run.best().exportTo(file);

        Table table = SparkTables.toTable(rows, "train");
        Predictions expected = AutoMlModel.load(file).predict(table);
        List<Row> input = rows.collectAsList();
        for (String scorer : List.of(AutoMlTransformer.SCORING, AutoMlTransformer.ENGINE)) {
            List<Row> scored = AutoMlTransformer.of(file).setScorer(scorer).transform(rows).collectAsList();
            assertThat(scored).hasSize(table.rowCount());
            for (int i = 0; i < scored.size(); i++) {
                assertThat(scored.get(i).<String>getAs("prediction")).as(scorer + " row " + i).isEqualTo(expected.label(i));
                assertThat(scored.get(i).<Vector>getAs("probability").toArray()).as(scorer + " row " + i)
                        .isEqualTo(expected.probabilities(i));
                for (int c = 0; c < SCHEMA.size(); c++) {   // every input cell passes through as it was
                    assertThat(scored.get(i).get(c)).as(scorer + " row " + i + " column " + c).isEqualTo(input.get(i).get(c));
                }
            }
        }
        assertThat(AutoMlModel.load(file).members().get(0).transform().report().kinds())
                .containsEntry("age", "numeric").containsEntry("member", "boolean").containsEntry("joined", "datetime")
                .containsEntry("seen", "datetime").containsEntry("plan", "categorical");
    }
}
