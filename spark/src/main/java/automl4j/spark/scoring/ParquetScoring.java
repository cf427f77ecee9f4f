package automl4j.spark.scoring;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code automl predict --model m.automl --data in.parquet --out out.parquet} under {@code spark-submit}: reads the
 * Parquet input, scores it with an {@link AutoMlTransformer} (its default scorer, {@value AutoMlTransformer#AUTO}:
 * automl.jar holds the engine and every learner, so large tree models get the native predictors) and writes every input column plus the prediction (and for classification the
 * probability vector) as Parquet. Its signatures hold no Spark type, so that the command-line tool
 * links against it without Spark and calls it only when Spark is on the class path.
 */
public final class ParquetScoring {
    private ParquetScoring() {
    }

    /** True if {@code path} names Parquet data: a file or folder whose name ends in {@code .parquet} (any case). */
    public static boolean isParquet(String path) {
        return path != null && path.replaceAll("/+$", "").toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /**
     * Scores the Parquet data at {@code in} with the model file {@code model} and writes the result to {@code out}, in
     * the Spark session of {@code spark-submit} (its master and settings), or a local one on every core when run
     * outside it. A session this method starts is stopped before it returns; one that was running is left running.
     *
     * @param model the model file, on the driver's file system
     * @param in    Parquet files or folder, on any file system Spark reads ({@code hdfs://}, {@code s3a://}...)
     * @param out   the folder to write, which must not exist
     * @return the number of rows written
     * @throws automl4j.scoring.ModelFileException if the model file is missing, damaged or not one the scoring
     *                                             library evaluates
     * @throws IllegalStateException               if {@code out} exists (nothing is written), or the Spark job
     *                                             failed for another reason than a row (its message)
     * @throws IllegalArgumentException            if a column the model reads is missing or mistyped, or a row holds a
     *                                             value the model cannot read (the task's message: partition, rows,
     *                                             column)
     */
    public static long predict(Path model, String in, String out) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        // The default scorer, auto: the command's jar carries the engine and every learner, so a large XGBoost or
        // LightGBM model is scored by their native predictors, a small one by the scoring library (spark/bench-scoring.sh)
        AutoMlTransformer transformer = AutoMlTransformer.of(model);
        boolean ours = SparkSession.getDefaultSession().isEmpty();   // a session the caller made is left running
        SparkSession.Builder b = SparkSession.builder().appName("automl predict");
        if (ours && System.getProperty("spark.master") == null) {   // not under spark-submit
            b = b.master("local[*]");
        }
        SparkSession spark = b.getOrCreate();
        try {
            if (exists(spark, out)) {
                throw new IllegalStateException("--out " + out + " already exists; remove it or name another folder");
            }
            Dataset<Row> scored = transformer.transform(spark.read().parquet(in));
            try {
                scored.write().parquet(out);
            } catch (Exception e) {   // Spark's job failure is a checked SparkException, thrown undeclared
                throw rowError(e);
            }
            return spark.read().parquet(out).count();   // from the files' footers: no second pass over the rows
        } finally {
            if (ours) {
                spark.stop();
            }
        }
    }

    // A row the model refused fails its task; Spark wraps the scorer's message in a job failure: give it back as the bad
    // input it is.
    private static RuntimeException rowError(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException bad) {
                return new IllegalArgumentException(bad.getMessage(), e);
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException("the scoring job failed: " + e.getMessage(), e);
    }

    private static boolean exists(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            FileSystem fs = p.getFileSystem(conf);
            return fs.exists(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot check whether " + path + " exists: " + e.getMessage(), e);
        }
    }
}
