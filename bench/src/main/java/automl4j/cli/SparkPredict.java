package automl4j.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code automl predict} on Parquet data ({@code --data in.parquet --out out.parquet}): scored in Spark by
 * {@code automl-spark}'s transformer, when the tool runs under {@code spark-submit} (or with Spark's jars on the class
 * path). automl.jar does not bundle Spark (its dependency is provided), so without it a Parquet path is a usage error
 * that says how to run the command, and no Spark class is touched: this class names none, and calls
 * {@code automl4j.spark.scoring.ParquetScoring} only once Spark is found.
 */
final class SparkPredict {
    /** Spark SQL reads and writes the Parquet; Spark ML's Transformer scores it: a distribution has both. */
    private static final java.util.List<String> SPARK_CLASSES = java.util.List.of("org.apache.spark.sql.SparkSession",
            "org.apache.spark.ml.util.MLWritable");

    private SparkPredict() {
    }

    /** True if {@code path} names Parquet data: a file or folder whose name ends in {@code .parquet} (any case). */
    static boolean isParquet(String path) {
        return path != null && path.replaceAll("/+$", "").toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** True if Spark's SQL and ML classes are on the class path. */
    static boolean sparkPresent() {
        return sparkPresent(SparkPredict.class.getClassLoader());
    }

    /** True if {@code loader} finds Spark's SQL and ML classes. */
    static boolean sparkPresent(ClassLoader loader) {
        try {
            for (String c : SPARK_CLASSES) {
                Class.forName(c, false, loader);
            }
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Checks that {@code loader} finds Spark for scoring {@code data} into {@code out}.
     *
     * @throws UsageException saying to run the tool with spark-submit, with the command line to use
     */
    static void requireSpark(ClassLoader loader, Path model, String data, String out) {
        if (!sparkPresent(loader)) {
            throw new UsageException("--data " + data + " is Parquet, which automl scores in Apache Spark, but Spark is not "
                    + "on the class path (its SQL and ML modules; automl.jar does not bundle them); run it with spark-submit: "
                    + "spark-submit --class "
                    + "automl4j.cli.Main automl.jar predict --model " + model + " --data " + data + " --out " + out);
        }
    }

    /**
     * Scores {@code data} into {@code out} and prints what it wrote.
     *
     * @throws UsageException if only one of the paths is Parquet, Spark is absent, or a local {@code out} exists
     */
    static int run(Path model, String data, String out, PrintStream console) {
        if (!isParquet(data) || !isParquet(out)) {
            throw new UsageException("--data and --out must both be Parquet (names ending in .parquet) to score in Spark, "
                    + "but were " + data + " and " + out + "; score CSV or ARFF into CSV without Spark");
        }
        requireSpark(SparkPredict.class.getClassLoader(), model, data, out);
        if (isLocal(out) && Files.exists(Path.of(out))) {
            throw new UsageException("--out " + out + " already exists; remove it or name another folder");
        }
        long start = System.nanoTime();
        long rows = automl4j.spark.scoring.ParquetScoring.predict(model, data, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        console.println("Wrote " + rows + " predictions to " + out);
        console.println(String.format(Locale.ROOT, "Read, scored and wrote %d rows in %.1f s: %.0f rows/s", rows, seconds,
                rows / Math.max(seconds, 1e-9)));
        return ExitCodes.OK;
    }

    // A path without a scheme (or file:) is on this machine's file system, where the check needs no Spark.
    private static boolean isLocal(String path) {
        try {
            String scheme = URI.create(path).getScheme();
            return scheme == null || scheme.equals("file");
        } catch (IllegalArgumentException e) {
            return true;   // not a URI: a local path with characters a URI does not allow
        }
    }
}
