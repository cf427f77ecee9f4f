package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMlModel;
import automl4j.datasets.DefaultDataset;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code automl run} with a Parquet {@code data.train}: the search runs on the driver's sample, the plan is printed and
 * written, and the best XGBoost model is refitted on all rows by Spark tasks before the outputs are written; without
 * Spark, or without a master, a usage error naming data.train.
 */
class ParquetRunCliTest {
    private static final String LOCAL_SPARK = "spark:\n  master: local[2]\n  conf:\n    spark.ui.enabled: false\n"
            + "    spark.sql.shuffle.partitions: 2\n    spark.driver.host: 127.0.0.1\n    spark.driver.bindAddress: 127.0.0.1\n";

    @TempDir
    static Path data;
    @TempDir
    Path dir;
    private CliHarness cli;

    @BeforeAll
    static void writeParquet() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("ParquetRunCliTest")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            write(spark, DefaultDataset.generate(3000, 1), data.resolve("train.parquet"));
            write(spark, DefaultDataset.generate(500, 2), data.resolve("test.parquet"));
        } finally {
            spark.stop();
        }
    }

    static void write(SparkSession spark, Table table, Path path) {
        StructType schema = new StructType();
        for (Column<?> c : table.columns()) {
            schema = schema.add(c.name(), c instanceof tech.tablesaw.api.DoubleColumn ? DataTypes.DoubleType : DataTypes.StringType, true);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] cells = new Object[table.columnCount()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = table.column(c).isMissing(r) ? null : table.column(c).get(r);
            }
            rows.add(RowFactory.create(cells));
        }
        spark.createDataFrame(new JavaSparkContext(spark.sparkContext()).parallelize(rows, 3), schema).write().parquet(path.toString());
    }

    @BeforeEach
    void harness() {
        cli = new CliHarness(dir);
    }

    @Test
    void theSearchRunsOnTheSampleAndTheXgboostModelIsRefittedOnAllRows() throws IOException {
        CliHarness.Result r = cli.run("data:\n  train: " + data.resolve("train.parquet") + "\n  test: "
                + data.resolve("test.parquet") + "\n  target: churned\nbudget:\n  seconds: 120\n  max_trials: 3\n"
                + "search:\n  seed: 3\n  learners: [xgboost]\n  ensemble_rounds: 0\ncores: 2\noutput: out\n" + LOCAL_SPARK);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Sampled data.train for the search: ").contains("3000 rows")
                .contains("Refitted the final model on data.train: ").contains("xgboost refitted on all 3000 rows by 2 Spark tasks");
        Path out = dir.resolve("out");
        assertThat(Files.readString(out.resolve(ParquetTrain.NOTES_FILE))).startsWith("sample: ")
                .contains("refit: final refit in").contains("xgboost refitted on all 3000 rows");
        assertThat(Files.readString(out.resolve("effective-config.yaml")))
                .startsWith("# data.train is Parquet: the search ran on a sample (");
        AutoMlModel model = AutoMlModel.load(out.resolve("model.automl"));
        assertThat(model.info()).containsEntry("refit_rows", "3000");
        assertThat(model.predict(DefaultDataset.generate(50, 4)).size()).isEqualTo(50);
        assertThat(Files.readAllLines(out.resolve("leaderboard.csv")).stream().skip(1)).hasSize(3);
        assertThat(SparkSession.getDefaultSession().isEmpty()).as("the run's Spark session is stopped").isTrue();
    }

    @Test
    void anInterruptedParquetRunResumesToTheUninterruptedLeaderboardAndRefitsOnAllRows() throws IOException {
        String config = "data:\n  train: " + data.resolve("train.parquet") + "\n  target: churned\nbudget:\n"
                + "  seconds: 120\n  max_trials: 5\nsearch:\n  seed: 5\n  learners: [xgboost, smile-logistic]\n"
                + "  ensemble_rounds: 0\ncores: 2\noutput: out\n" + LOCAL_SPARK;
        CliHarness.Result full = cli.run(config);
        assertThat(full.code()).as(full.err()).isZero();
        Path out = dir.resolve("out");
        List<String> uninterrupted = leaderboard(out);
        java.util.Map<String, String> info = AutoMlModel.load(out.resolve("model.automl")).info();
        // The run as a kill after its second trial would have left it: the journal cut there, mid-line.
        Path journal = out.resolve(RunExecution.JOURNAL_FILE);
        List<String> lines = Files.readAllLines(journal);
        StringBuilder kept = new StringBuilder();
        int finished = 0;
        int i = 0;
        while (finished < 2) {
            String line = lines.get(i++);
            kept.append(line).append('\n');
            finished += line.contains("\"trial_finished\"") ? 1 : 0;
        }
        kept.append(lines.get(i), 0, 12);
        Files.writeString(journal, kept);

        CliHarness.Result resumed = cli.cli("run", "--resume", out.toString());

        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Sampled data.train for the search: ")
                .contains("Refitted the final model on data.train: ");
        assertThat(leaderboard(out)).isEqualTo(uninterrupted);
        assertThat(AutoMlModel.load(out.resolve("model.automl")).info()).isEqualTo(info);
        assertThat(SparkSession.getDefaultSession().isEmpty()).as("the run's Spark session is stopped").isTrue();
    }

    // The leaderboard's trial, config, status and score columns (not its times).
    private static List<String> leaderboard(Path out) throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("leaderboard.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        List<String> kept = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < header.size() && c < cells.length; c++) {
                if (!header.get(c).contains("seconds") && !header.get(c).contains("_us_")) {
                    line.append(header.get(c)).append('=').append(cells[c]).append(' ');
                }
            }
            kept.add(line.toString());
        }
        return kept;
    }

    @Test
    void parquetWithoutAMasterOutsideSparkSubmitIsAUsageErrorNamingDataTrain() throws IOException {
        CliHarness.Result r = cli.run("data:\n  train: " + data.resolve("train.parquet") + "\n  target: churned\n");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("config key 'data.train' is Parquet").contains("spark-submit");
        assertThat(SparkSession.getDefaultSession().isEmpty()).isTrue();
    }

    @Test
    void parquetWithoutSparkOnTheClassPathIsAUsageErrorNamingDataTrain() throws IOException {
        try (URLClassLoader noSpark = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> SparkTrials.requireSparkForParquet(noSpark)).isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("config key 'data.train' is Parquet, which automl reads in Apache Spark, but "
                            + "Spark is not on the class path")
                    .hasMessageContaining("spark-submit --class automl4j.cli.Main automl.jar run --config");
        }
    }
}
