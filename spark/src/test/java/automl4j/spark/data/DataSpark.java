package automl4j.spark.data;

import org.apache.spark.sql.SparkSession;

/** A small local Spark for one test class of this package. */
final class DataSpark {
    private DataSpark() {
    }

    /** {@code local[2]}, no UI, two shuffle partitions, and the settings given as key, value, key, value... */
    static SparkSession start(String name, String... settings) {
        SparkSession.Builder b = SparkSession.builder();
        for (int i = 0; i + 1 < settings.length; i += 2) {
            b = b.config(settings[i], settings[i + 1]);
        }
        return b.master("local[2]").appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
