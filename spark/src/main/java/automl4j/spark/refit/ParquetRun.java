package automl4j.spark.refit;

import automl4j.AutoMlModel;
import automl4j.spark.data.DriverSample;
import automl4j.spark.data.DriverSampler;
import automl4j.spark.data.SparkTables;
import automl4j.spark.trials.SparkCluster;
import java.util.Objects;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * A run on Parquet data through a {@link SparkCluster}: its driver-sized sample for the search, and the final model
 * refitted on all of its rows. No Spark type appears in this class's methods, so that code compiled without Spark on
 * its class path (the command-line tool, whose jar leaves Spark to {@code spark-submit}) can call it.
 */
public final class ParquetRun {
    private final SparkCluster cluster;
    private final String path;

    private ParquetRun(SparkCluster cluster, String path) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.path = Objects.requireNonNull(path, "path");
    }

    /** The Parquet file or folder at {@code path} (any file system Spark reads), read through {@code cluster}. */
    public static ParquetRun of(SparkCluster cluster, String path) {
        return new ParquetRun(cluster, path);
    }

    /**
     * The sample {@code sampler} draws from the data.
     *
     * @throws automl4j.DataException       as {@link DriverSampler#sample}
     * @throws IllegalArgumentException     as {@link DriverSampler#sample}
     * @throws IllegalStateException        as {@link DriverSampler#sample}
     */
    public DriverSample sample(DriverSampler sampler) {
        return sampler.sampleParquet(cluster.session(), path);
    }

    /**
     * The Parquet data at {@code other} as one table on the driver (a test set, expected to fit it).
     *
     * @throws IllegalArgumentException if a column has a type the engine cannot read
     */
    public Table readWhole(String other) {
        return SparkTables.toTable(cluster.session().read().parquet(other), other);
    }

    /**
     * {@code model} (searched on the sample) refitted on all rows of the data: {@link DistributedRefit} with every task
     * slot of the cluster.
     *
     * @throws IllegalArgumentException as {@link DistributedRefit#refit}
     * @throws IllegalStateException    as {@link DistributedRefit#refit}
     */
    public RefitResult refit(AutoMlModel model, long seed, Consumer<String> log) {
        return DistributedRefit.builder(cluster.session()).seed(seed).log(log).build()
                .refit(model, cluster.session().read().parquet(path));
    }
}
