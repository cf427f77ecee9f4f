package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code automl predict} with Parquet paths in the tool without Spark (a class loader without it, like automl.jar run with
 * {@code java -jar}): a usage error (exit 2) that says how to run it, before the model or data are read. The scoring
 * itself is tested in automl-spark ({@code ParquetScoringTest}), where Spark is on the class path.
 */
class ParquetPredictCliTest {
    private static final String MODEL = Path.of("src/test/resources/golden/export-v2/xgboost.automl").toString();

    @TempDir
    Path dir;

    @Test
    void parquetWithoutSparkIsAUsageErrorSayingToUseSparkSubmit() throws Exception {
        // automl.jar run with java -jar has no Spark: a class loader without it stands in (bench's tests have Spark).
        try (java.net.URLClassLoader noSpark = new java.net.URLClassLoader(new java.net.URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(SparkPredict.sparkPresent(noSpark)).isFalse();
            assertThatThrownBy(() -> SparkPredict.requireSpark(noSpark, Path.of(MODEL), "s3a://bucket/in.parquet", "out.parquet"))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("--data s3a://bucket/in.parquet is Parquet").hasMessageContaining("Spark is not on the class path")
                    .hasMessageContaining("spark-submit --class automl4j.cli.Main automl.jar predict");
        }
        assertThat(SparkPredict.sparkPresent()).as("bench's tests have Spark SQL and ML").isTrue();
    }

    @Test
    void parquetInputWithCsvOutputIsAUsageError() {
        CliHarness.Result r = new CliHarness(dir).cli("predict", "--model", MODEL, "--data", "in.parquet",
                "--out", dir.resolve("out.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--data and --out must both be Parquet");
    }

    @Test
    void csvOnlyOptionsAreRefusedWithParquet() {
        CliHarness.Result r = new CliHarness(dir).cli("predict", "--model", MODEL, "--data", "in.parquet",
                "--out", "out.parquet", "--keep", "customer_id");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("with Parquet data these options are not supported: --keep");
    }
}
