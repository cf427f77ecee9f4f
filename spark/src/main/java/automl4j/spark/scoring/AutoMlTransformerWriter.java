package automl4j.spark.scoring;

import java.util.List;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Saves an {@link AutoMlTransformer} as Spark ML saves its own models: the params as JSON metadata under
 * {@code path/metadata}, the data (here the model file's bytes and their SHA-256) as one Parquet row under
 * {@code path/data}, so that it works on any file system Spark writes to and inside a saved {@code PipelineModel}.
 */
final class AutoMlTransformerWriter extends MLWriter {
    /** The schema of the saved data row. */
    static final StructType DATA = new StructType()
            .add("model", DataTypes.BinaryType, false)
            .add("sha256", DataTypes.StringType, false);

    private final AutoMlTransformer instance;

    AutoMlTransformerWriter(AutoMlTransformer instance) {
        this.instance = instance;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter.saveMetadata(instance, path, sparkSession());
        sparkSession().createDataFrame(List.of(RowFactory.create(instance.modelFile(), instance.modelSha256())), DATA)
                .repartition(1).write().parquet(path + "/data");
    }
}
