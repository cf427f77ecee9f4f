package automl4j.cli;

import automl4j.AutoMlRun;
import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.spark.data.DriverSample;
import automl4j.spark.data.DriverSampler;
import automl4j.spark.refit.ParquetRun;
import automl4j.spark.refit.RefitResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A run whose {@code data.train} is Parquet: the search runs on {@code automl-spark}'s driver-sized sample
 * ({@link DriverSampler}), and after it the best model's XGBoost members are refitted on all rows on the executors
 * ({@code automl4j.spark.refit.DistributedRefit}). Only loaded once Spark is known to be on the class path (see {@link SparkTrials}).
 * What was sampled and how each member was refitted is printed and written as {@value #NOTES_FILE} in the output
 * folder, and the sample plan as a comment in the effective config.
 */
final class ParquetTrain {
    /** The file in the output folder that says how the data was sampled and the final model refitted. */
    static final String NOTES_FILE = "spark-data.txt";

    private final SparkTrials spark;
    private final ParquetRun data;
    private final DriverSample sample;
    private final List<String> notes = new ArrayList<>();

    private ParquetTrain(SparkTrials spark, ParquetRun data, DriverSample sample) {
        this.spark = spark;
        this.data = data;
        this.sample = sample;
        notes.add("sample: " + sample.plan().summary());
    }

    /**
     * Samples {@code c.train()} on the driver of {@code spark}'s session, as the config's target, task and seed say.
     *
     * @throws automl4j.datasets.DataFormatException naming data.train when the target is absent or empty, a column
     *                                               cannot be read, or the driver's heap is too small for a sample
     */
    static ParquetTrain sample(SparkTrials spark, RunConfig c, PrintStream out) {
        String path = c.train().toString();
        DriverSampler.Builder b = DriverSampler.builder(c.target()).seed(c.automl().settings().seed());
        if (c.task() != null) {
            b.task(c.task());
        }
        ParquetRun data = ParquetRun.of(spark.cluster(), path);
        DriverSample sample;
        try {
            sample = data.sample(b.build());
        } catch (DataException | ConfigException | IllegalArgumentException | IllegalStateException e) {
            throw new automl4j.datasets.DataFormatException("config key 'data.train': " + e.getMessage());
        }
        ParquetTrain train = new ParquetTrain(spark, data, sample);
        out.println("Sampled data.train for the search: " + sample.plan().summary());
        return train;
    }

    /** The session that sampled the data (and runs the trials when the config has a spark section). */
    SparkTrials spark() {
        return spark;
    }

    /** The sample as a table: the run's training data. */
    Table table() {
        return sample.data().table();
    }

    /** The test rows of a Parquet {@code data.test}, read whole (a test set is expected to fit the driver). */
    Table readTest(Path test) {
        try {
            return data.readWhole(test.toString());
        } catch (IllegalArgumentException e) {
            throw new automl4j.datasets.DataFormatException("config key 'data.test': " + e.getMessage());
        }
    }

    /** Comment lines for the effective config: the data was sampled, and how. */
    String effectiveComment() {
        return "# data.train is Parquet: the search ran on a sample (" + sample.plan().summary().replace('\n', ' ') + ")\n";
    }

    /**
     * {@code run} with its best model refitted on all rows of {@code data.train}: XGBoost members across the executors,
     * others kept as fitted on the sample (said in the notes).
     */
    AutoMlRun refit(AutoMlRun run, long seed, PrintStream out) {
        RefitResult r = data.refit(run.best(), seed, line -> { });
        notes.add("refit: " + r.summary());
        out.println("Refitted the final model on data.train: " + r.summary());
        return new AutoMlRun(run.leaderboard(), r.model(), run.bestTrial(), run.validation(), run.report(),
                run.elapsedSeconds() + r.seconds(), run.refitSeconds() + r.seconds(), run.heldOut(), run.finishedAt());
    }

    /** The lines of {@value #NOTES_FILE}. */
    String notes() {
        return String.join("\n", notes) + "\n";
    }
}
