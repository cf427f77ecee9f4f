package automl4j.spark.scoring;

import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Row;
import scala.Option;

/** Reads what {@link AutoMlTransformerWriter} saved: the params, then the model file, checked against its SHA-256. */
final class AutoMlTransformerReader extends MLReader<AutoMlTransformer> {
    @Override
    public AutoMlTransformer load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession(),
                AutoMlTransformer.class.getName());
        Row data = sparkSession().read().schema(AutoMlTransformerWriter.DATA).parquet(path + "/data").head();
        byte[] file = data.getAs("model");
        String sha = data.getAs("sha256");
        AutoMlTransformer t = new AutoMlTransformer(metadata.uid(), file);
        if (!t.modelSha256().equals(sha)) {
            throw new IllegalStateException("the model file saved at " + path + "/data has SHA-256 " + t.modelSha256()
                    + ", but was saved with " + sha + "; the saved transformer is damaged");
        }
        metadata.getAndSetParams(t, Option.empty());
        return t;
    }
}
