package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.datasets.DefaultDataset;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config file's spark section: {@code automl run} starts a Spark session on the master, runs the trials as Spark
 * tasks, echoes the section in the effective config and stops the session; a bad section, or Spark missing from the
 * class path (as in automl.jar run with java -jar), is a config error naming the key.
 */
class SparkCliTest {
    private static final String DATA = "data:\n  train: train.csv\n  target: churned\n";
    private static final String LOCAL_SPARK = "spark:\n  master: local[2]\n  conf:\n    spark.ui.enabled: false\n"
            + "    spark.sql.shuffle.partitions: 2\n    spark.driver.host: 127.0.0.1\n    spark.driver.bindAddress: 127.0.0.1\n";

    @TempDir
    Path dir;
    private CliHarness cli;

    @BeforeEach
    void writeTrainingFile() throws IOException {
        cli = new CliHarness(dir);
        cli.file("train.csv", DefaultDataset.generate(200, 1).write().toString("csv"));
    }

    @Test
    void theTrialsRunOnTheSparkMasterAndTheSessionIsStoppedAfterTheRun() throws IOException {
        CliHarness.Result r = cli.run(DATA + "budget:\n  seconds: 60\n  max_trials: 4\nsearch:\n  seed: 3\n"
                + "  learners: [tribuo-linear-sgd]\n  ensemble_rounds: 0\ncores: 2\noutput: out\n" + LOCAL_SPARK);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Spark 4\\.\\d+\\.\\d+ on local\\[2\\]: .*2 task slots");
        assertThat(r.out() + r.err()).contains("trials run on Spark (local[2]), 2 at once");
        Path out = dir.resolve("out");
        List<String> board = Files.readAllLines(out.resolve("leaderboard.csv"));
        assertThat(board.stream().skip(1)).hasSize(4);
        assertThat(Files.readString(out.resolve("journal.jsonl"))).contains("\"trial_finished\"");
        assertThat(Files.readString(out.resolve("effective-config.yaml"))).contains("spark:\n  master: \"local[2]\"")
                .contains("spark.sql.shuffle.partitions: \"2\"");
        assertThat(SparkSession.getDefaultSession().isEmpty()).as("the run's Spark session is stopped").isTrue();
    }

    @Test
    void sparkConfWithoutAMasterIsAConfigError() throws IOException {
        CliHarness.Result r = cli.run(DATA + "spark:\n  conf:\n    spark.executor.memory: 2g\n");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("config key 'spark.conf' needs 'spark.master'");
    }

    @Test
    void aConfPropertyOutsideSparksNamesIsAConfigError() throws IOException {
        CliHarness.Result r = cli.run(DATA + "spark:\n  master: local[2]\n  conf:\n    executor.memory: 2g\n");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("config key 'spark.conf.executor.memory': Spark properties start with 'spark.'");
    }

    @Test
    void withoutSparkOnTheClassPathTheSectionIsAConfigErrorNamingTheKeyAndSparkSubmit() throws IOException {
        try (URLClassLoader noSpark = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> SparkTrials.requireSpark(noSpark)).isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("config key 'spark.master' is set, but Spark is not on the class path")
                    .hasMessageContaining("spark-submit --class automl4j.cli.Main automl.jar run --config");
        }
        SparkTrials.requireSpark(getClass().getClassLoader());   // this test's class path has Spark
    }
}
