package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code automl predict} with Parquet paths in the tool without Spark (bench's class path, like automl.jar run with
 * {@code java -jar}): a usage error (exit 2) that says how to run it, before the model or data are read. The scoring
 * itself is tested in automl-spark ({@code ParquetScoringTest}), where Spark is on the class path.
 */
class ParquetPredictCliTest {
    private static final String MODEL = Path.of("src/test/resources/golden/export-v2/xgboost.automl").toString();

    @TempDir
    Path dir;

    @Test
    void parquetWithoutSparkIsAUsageErrorSayingToUseSparkSubmit() {
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result r = cli.cli("predict", "--model", MODEL, "--data", "s3a://bucket/in.parquet",
                "--out", dir.resolve("out.parquet").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--data s3a://bucket/in.parquet is Parquet").contains("Spark is not on the class path")
                .contains("spark-submit --class automl4j.cli.Main automl.jar predict");
        assertThat(SparkPredict.sparkPresent()).isFalse();
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
