package automl4j.spark.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import automl4j.AutoMlModel;
import automl4j.datasets.DefaultDataset;
import automl4j.learn.Predictions;
import automl4j.spark.refit.RefitFixtures;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** What {@code automl predict --data in.parquet --out out.parquet} runs: every input column, then the predictions. */
class ParquetScoringTest {
    private static final Path MODEL = Path.of("..", "bench", "src", "test", "resources", "golden", "export-v2", "xgboost.automl");
    private static final Table ROWS = DefaultDataset.generate(200, 11);
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = RefitFixtures.start("ParquetScoringTest");
        RefitFixtures.frame(spark, ROWS, 2).write().parquet(dir.resolve("in.parquet").toString());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void writesEveryInputColumnAndThePredictionsOfEachRow() {
        String out = dir.resolve("out.parquet").toString();
        long rows = ParquetScoring.predict(MODEL, dir.resolve("in.parquet").toString(), out);
        assertThat(rows).isEqualTo(ROWS.rowCount());
        assertThat(spark.sparkContext().isStopped()).as("the caller's session is left running").isFalse();

        List<Row> written = spark.read().parquet(out).collectAsList();
        assertThat(spark.read().parquet(out).columns()).containsExactly("customer_id", "age", "tenure_months",
                "monthly_fee", "support_calls", "plan", "region", "noise", "churned", "prediction", "probability");
        Predictions expected = AutoMlModel.load(MODEL).predict(ROWS);
        List<String> ids = ROWS.stringColumn("customer_id").asList();
        for (Row row : written) {   // files may be read back in another order: match rows by id
            int i = ids.indexOf(row.<String>getAs("customer_id"));
            assertThat(row.<String>getAs("prediction")).isEqualTo(expected.label(i));
            assertThat(row.<Vector>getAs("probability").toArray()).isEqualTo(expected.probabilities(i));
        }
    }

    @Test
    void existingOutputIsRefusedAndKept() {
        String out = dir.resolve("taken.parquet").toString();
        RefitFixtures.frame(spark, ROWS.first(3), 1).write().parquet(out);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ParquetScoring.predict(MODEL, dir.resolve("in.parquet").toString(), out));
        assertThat(e).hasMessage("--out " + out + " already exists; remove it or name another folder");
        assertThat(spark.read().parquet(out).count()).isEqualTo(3);
    }

    @Test
    void rowTheModelCannotReadIsABadInputErrorNamingTheColumn() {
        String in = dir.resolve("infinite.parquet").toString();
        RefitFixtures.frame(spark, ROWS.first(20), 2).withColumn("age", org.apache.spark.sql.functions.lit(Double.POSITIVE_INFINITY))
                .write().parquet(in);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParquetScoring.predict(MODEL, in, dir.resolve("never.parquet").toString()));
        assertThat(e.getMessage()).startsWith("scoring failed in partition ").contains("'age'");
    }

    @Test
    void parquetPathsAreRecognisedByName() {
        assertThat(ParquetScoring.isParquet("s3a://bucket/in.parquet/")).isTrue();
        assertThat(ParquetScoring.isParquet("IN.PARQUET")).isTrue();
        assertThat(ParquetScoring.isParquet("in.csv")).isFalse();
        assertThat(ParquetScoring.isParquet(null)).isFalse();
    }

}
