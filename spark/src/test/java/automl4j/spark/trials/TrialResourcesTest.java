package automl4j.spark.trials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.resource.TaskResourceRequests;
import org.junit.jupiter.api.Test;

/**
 * What a trial's task asks Spark for on a cluster, beside the session's defaults: nothing more when the defaults fit; its
 * CPUs when it has more threads; one GPU for a GPU trial; and no GPU for a CPU trial even in a session whose tasks take
 * one by default ({@code spark.task.resource.gpu.amount}). And the GPU slots a cluster's executors give.
 */
class TrialResourcesTest {
    private static Map<String, Double> asked(TaskResourceRequests r) {
        return r.requestsJMap().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().amount()));
    }

    @Test
    void aTrialThatTheDefaultsFitAsksForNothingMore() {
        assertThat(TrialResources.requests(1, 0, 1, 0)).isNull();
        assertThat(TrialResources.requests(2, 0, 1, 0)).isNull();
        assertThat(TrialResources.requests(1, 1, 1, 1)).as("a GPU trial where every task takes a GPU").isNull();
    }

    @Test
    void aTrialOfMoreThreadsAsksForItsCpus() {
        assertThat(asked(TrialResources.requests(1, 0, 4, 0))).containsExactlyEntriesOf(Map.of("cpus", 4.0));
    }

    @Test
    void aGpuTrialAsksForItsGpuBesideItsCpus() {
        assertThat(asked(TrialResources.requests(1, 0, 1, 1))).containsOnly(Map.entry("cpus", 1.0), Map.entry("gpu", 1.0));
        assertThat(asked(TrialResources.requests(1, 0, 3, 0.5))).containsOnly(Map.entry("cpus", 3.0), Map.entry("gpu", 0.5));
    }

    @Test
    void aCpuTrialTakesNoGpuEvenWhereTasksTakeOneByDefault() {
        assertThat(asked(TrialResources.requests(1, 1, 1, 0))).containsExactlyEntriesOf(Map.of("cpus", 1.0));
    }

    @Test
    void gpuSlotsAreTheExecutorsGpusOverATrialsAmount() {
        assertThat(TrialGpus.clusterSlots(2, 2, 1)).isEqualTo(4);
        assertThat(TrialGpus.clusterSlots(3, 1, 1)).isEqualTo(3);
        assertThat(TrialGpus.clusterSlots(2, 1, 1.0 / 3)).as("three trials share a GPU").isEqualTo(6);
        assertThat(TrialGpus.clusterSlots(2, 1, 2)).as("a trial wants more GPUs than an executor has").isZero();
        assertThat(TrialGpus.clusterSlots(4, 0, 1)).isZero();
    }
}
