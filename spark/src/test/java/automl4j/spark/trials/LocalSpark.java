package automl4j.spark.trials;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: {@code local[2]} on the loopback interface, no UI, two shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** A fresh session named {@code app}; the test class stops it. */
    static SparkSession start(String app) {
        return SparkSession.builder().master("local[2]").appName(app)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
