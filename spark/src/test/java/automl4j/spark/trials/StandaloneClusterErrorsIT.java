package automl4j.spark.trials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone cluster that cannot run the run's executors (its one worker has less memory than
 * {@code spark.executor.memory}) is a clear error naming the master and the memory setting, and nothing is left
 * running. A class of its own: it needs no other Spark session in its JVM. Skipped, saying why, where no cluster can
 * start.
 */
class StandaloneClusterErrorsIT {
    @TempDir
    Path dir;

    @Test
    void aClusterWithoutMemoryForAnExecutorIsAClearErrorNamingTheMasterAndNothingIsLeftRunning() throws Exception {
        StandaloneCluster cluster;
        try {
            cluster = StandaloneCluster.start(dir, 1, 1, "256m");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot start a standalone Spark cluster here: " + e.getMessage());
            return;
        }
        try (cluster) {
            Map<String, String> conf = Map.of("spark.executor.memory", "1g", SparkCluster.EXECUTOR_WAIT_PROPERTY, "8",
                    "spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1");
            assertThatThrownBy(() -> SparkCluster.start(cluster.masterUrl(), conf, "StandaloneClusterIT", null, s -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("spark.master '" + cluster.masterUrl() + "': no Spark executor registered within 8 s")
                    .hasMessageContaining("enough memory for spark.executor.memory");
            assertThat(org.apache.spark.sql.SparkSession.getDefaultSession().isEmpty()).as("the session is stopped").isTrue();
        }
        assertThat(cluster.allStopped()).as("every JVM the test started has ended").isTrue();
    }
}
