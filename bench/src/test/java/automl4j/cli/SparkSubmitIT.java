package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMlModel;
import automl4j.datasets.DefaultDataset;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code automl.jar} under Spark's own {@code spark-submit} ({@code org.apache.spark.deploy.SparkSubmit},
 * client mode, {@code local[2]}), as a user with a cluster runs it: {@code run --config} with a Parquet
 * {@code data.train} and no {@code spark} section (the session is spark-submit's), then {@code predict} of a Parquet
 * table. The submitting JVM's class path is this test's without the project's own classes and jars (Spark and the
 * libraries the test resolved, standing in for a distribution's {@code jars/} folder), so the run's classes come from
 * automl.jar.
 */
class SparkSubmitIT {
    @TempDir
    Path dir;

    private static List<String> sparkClassPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // The project's classes and installed modules out: they must come from automl.jar.
            String name = Path.of(entry).getFileName().toString();
            boolean own = !entry.endsWith(".jar") || entry.replace(File.separatorChar, '/').contains("/io/automl4j/")
                    || name.startsWith("automl-") || name.startsWith("automl4j-");   // failsafe's own packaged module
            if (!own) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private int submit(Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", String.join(File.pathSeparator, sparkClassPath()), "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1", "--class", "automl4j.cli.Main",
                Path.of(System.getProperty("automl.jar", "target/automl.jar")).toAbsolutePath().toString()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("spark-submit did not finish in 240 s; its output:\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    @Test
    void automlJarRunsAParquetSearchAndScoresParquetUnderSparkSubmit() throws Exception {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("SparkSubmitIT")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            ParquetRunCliTest.write(spark, DefaultDataset.generate(2500, 1), dir.resolve("train.parquet"));
        } finally {
            spark.stop();
        }
        Files.writeString(dir.resolve("run.yaml"), "data:\n  train: train.parquet\n  target: churned\nbudget:\n"
                + "  seconds: 120\n  max_trials: 3\nsearch:\n  seed: 3\n  learners: [xgboost]\n  ensemble_rounds: 0\n"
                + "cores: 2\noutput: out\n");

        Path runLog = dir.resolve("run.log");
        int run = submit(runLog, "run", "--config", "run.yaml");

        String out = Files.readString(runLog);
        assertThat(run).as(out).isZero();
        assertThat(out).contains("Sampled data.train for the search: ").contains("2500 rows")
                .contains("Refitted the final model on data.train: ").contains("xgboost refitted on all 2500 rows");
        AutoMlModel model = AutoMlModel.load(dir.resolve("out/model.automl"));
        assertThat(model.info()).containsEntry("refit_rows", "2500");

        Path predictLog = dir.resolve("predict.log");
        int predict = submit(predictLog, "predict", "--model", "out/model.automl", "--data", "train.parquet", "--out",
                "scored.parquet");

        assertThat(predict).as(Files.readString(predictLog)).isZero();
        SparkSession check = SparkSession.builder().master("local[1]").appName("SparkSubmitIT-check")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            Dataset<Row> scored = check.read().parquet(dir.resolve("scored.parquet").toString());
            assertThat(scored.count()).isEqualTo(2500);
            assertThat(Arrays.asList(scored.columns())).contains("churned", "prediction", "probability");
        } finally {
            check.stop();
        }
        try (Stream<ProcessHandle> children = ProcessHandle.current().children()) {
            assertThat(children.filter(ProcessHandle::isAlive).count()).as("nothing left running").isZero();
        }
    }
}
