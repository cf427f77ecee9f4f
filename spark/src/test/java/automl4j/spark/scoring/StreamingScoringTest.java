package automl4j.spark.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.datasets.DefaultDataset;
import automl4j.spark.refit.RefitFixtures;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A streaming Dataset has no plan of internal rows to score before it runs: the transformer scores its micro-batches
 * through {@code Row}s (its other path), with the same predictions as the same rows in a batch.
 */
class StreamingScoringTest {
    private static final Path GOLDEN = Path.of("..", "bench", "src", "test", "resources", "golden", "export-v2");
    private static final Table ROWS = DefaultDataset.generate(300, 17);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = RefitFixtures.start("StreamingScoringTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void streamingRowsScoreAsBatchRows(@TempDir Path dir) throws Exception {
        Dataset<Row> frame = RefitFixtures.frame(spark, ROWS, 2);
        String in = dir.resolve("in").toString();
        frame.write().parquet(in);
        AutoMlTransformer t = AutoMlTransformer.of(GOLDEN.resolve("xgboost.automl"));
        Dataset<Row> stream = spark.readStream().schema(frame.schema()).parquet(in);
        StreamingQuery query = t.transform(stream).writeStream().format("memory").queryName("scored_stream")
                .option("checkpointLocation", dir.resolve("checkpoint").toString()).start();
        try {
            query.processAllAvailable();
        } finally {
            query.stop();
        }
        List<Row> streamed = spark.table("scored_stream").orderBy("customer_id").collectAsList();
        List<Row> batch = t.transform(frame).orderBy("customer_id").collectAsList();
        assertThat(streamed).isEqualTo(batch).hasSize(ROWS.rowCount());
    }
}
