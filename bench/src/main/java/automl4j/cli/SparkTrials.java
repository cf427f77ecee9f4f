package automl4j.cli;

import automl4j.execute.TrialRunnerFactory;
import automl4j.spark.trials.SparkCluster;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the Spark session of a run whose config has a {@code spark} section, and stops it after the run. Kept apart
 * from {@link RunExecution} so that a run without Spark never loads a class that links to Spark: automl.jar does not
 * contain Spark (run it with {@code spark-submit}, or with Spark's jars on the class path, to use the section).
 */
final class SparkTrials implements AutoCloseable {
    /** The Spark class that must be loadable for the spark section to work. */
    static final String SPARK_CLASS = "org.apache.spark.sql.SparkSession";

    private final SparkCluster cluster;

    private SparkTrials(SparkCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts the session of {@code section}; its trials' runner is {@link #factory()}.
     *
     * @throws UsageException naming {@code spark.master} when Spark is not on the class path, the master is refused or
     *                        no executor registers
     */
    static SparkTrials start(SparkSection section, PrintStream out) {
        requireSpark(SparkTrials.class.getClassLoader());
        try {
            return new SparkTrials(SparkCluster.start(section.master(), section.conf(), "automl run", ownJar(), out::println));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Checks that {@code loader} finds Spark.
     *
     * @throws UsageException naming {@code spark.master} and how to bring Spark
     */
    static void requireSpark(ClassLoader loader) {
        try {
            Class.forName(SPARK_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("config key '" + SparkSection.MASTER + "' is set, but Spark is not on the class path "
                    + "(automl.jar does not contain it): run the jar with spark-submit --class automl4j.cli.Main automl.jar "
                    + "run --config …, or put Spark 4's jars (Scala 2.13) on the class path");
        }
    }

    /** The jar this command runs from, shipped to the executors; null when it runs from classes (tests). */
    private static String ownJar() {
        try {
            Path p = Path.of(SparkTrials.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toString() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** The runner factory of the session's cluster. */
    TrialRunnerFactory factory() {
        return cluster.trialRunner();
    }

    /** Stops the session and its executors. */
    @Override
    public void close() {
        cluster.close();
    }
}
