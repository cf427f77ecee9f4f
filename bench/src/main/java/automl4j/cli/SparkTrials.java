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

    /**
     * Starts the session that reads a Parquet {@code data.train} and refits on it: {@code section}'s, or with none the
     * master {@code spark-submit} was given (the trials then stay on this machine).
     *
     * @throws UsageException naming {@code data.train} when Spark is not on the class path; as {@link #start} otherwise
     */
    static SparkTrials startForData(SparkSection section, PrintStream out) {
        requireSparkForParquet(SparkTrials.class.getClassLoader());
        if (section != null) {
            return start(section, out);
        }
        try {
            return start(new SparkSection(SparkCluster.FROM_SUBMIT, java.util.Map.of()), out);
        } catch (UsageException e) {
            throw new UsageException("config key 'data.train' is Parquet, read in Apache Spark: give a spark section "
                    + "(spark.master) or run under spark-submit; " + e.getMessage());
        }
    }

    /**
     * Checks that {@code loader} finds Spark, for a Parquet {@code data.train}.
     *
     * @throws UsageException naming {@code data.train} and how to bring Spark
     */
    static void requireSparkForParquet(ClassLoader loader) {
        try {
            Class.forName(SPARK_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("config key 'data.train' is Parquet, which automl reads in Apache Spark, but Spark is "
                    + "not on the class path (automl.jar does not contain it): run the jar with spark-submit --class "
                    + "automl4j.cli.Main automl.jar run --config …, or give CSV or ARFF data");
        }
    }

    /** The session's cluster. */
    SparkCluster cluster() {
        return cluster;
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
