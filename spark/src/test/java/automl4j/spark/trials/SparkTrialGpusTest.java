package automl4j.spark.trials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.execute.ContractLearner;
import automl4j.execute.PredictionSink;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialRunnerContract;
import automl4j.learn.Learner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GPU trials in Spark's local mode, whose scheduler offers tasks no resources (Spark 4.2): the runner hands the driver's
 * GPUs ({@code spark.driver.resource.gpu.*}, here two pretend addresses from a discovery script under target/: this
 * machine needs no GPU, the probes only report the device they were given) to trials of GPU learners, one trial per
 * GPU at a time; other trials take none; a GPU trial that trained on the CPU stops GPU trials with one note; and
 * {@code spark.task.resource.gpu.amount}, with which local mode would never start a task, is refused by name. The
 * contract tests (in {@link TrialRunnerContract}) run on this session too, GPUs and all.
 */
class SparkTrialGpusTest extends TrialRunnerContract {
    private static SparkSession spark;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startSpark() throws IOException {
        Path script = GpuDiscovery.script(Path.of("target", "gpu-discovery-local"), "0", "1");
        spark = SparkSession.builder().master("local[2]").appName("SparkTrialGpusTest")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.resource.gpu.amount", "2")
                .config("spark.driver.resource.gpu.discoveryScript", script.toString())
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Override
    protected TrialRunner runner(int capacity, SplitStore splits) {
        return gpuRunner(capacity, splits, Set.of(GpuPack.Probe.ID));
    }

    /** The contract's split set, for the standalone cluster's GPU test. */
    static SplitStore contractSplits() {
        return splits();
    }

    private TrialRunner gpuRunner(int capacity, SplitStore splits, Set<String> gpuLearners) {
        return new SparkTrialRunner(spark, splits, PredictionSink.NONE, capacity, gpuLearners, notes::add);
    }

    private static TrialOutcome.Completed completed(CompletableFuture<TrialOutcome> f) throws Exception {
        TrialOutcome o = f.get(60, TimeUnit.SECONDS);
        assertThat(o).isInstanceOf(TrialOutcome.Completed.class);
        return (TrialOutcome.Completed) o;
    }

    private static double setting(TrialOutcome.Completed c, String key) {
        return ((Number) c.refitSettings().get(key)).doubleValue();
    }

    @Test
    void gpuTrialsRunningAtOnceGetTheDriversGpusOneEachAndOtherTrialsTheCpu() throws Exception {
        try (TrialRunner runner = runner(2, splits())) {
            CompletableFuture<TrialOutcome> a = runner.submit(task(1, GpuPack.Probe.config(600), noDeadline()));
            CompletableFuture<TrialOutcome> b = runner.submit(task(2, GpuPack.Probe.config(600), noDeadline()));
            CompletableFuture<TrialOutcome> cpu = runner.submit(task(3, ContractLearner.config("complete", 0), noDeadline()));
            TrialOutcome.Completed first = completed(a);
            TrialOutcome.Completed second = completed(b);
            assertThat(setting(first, "started_ms")).as("the two GPU trials ran at once")
                    .isLessThan(setting(second, "ended_ms"));
            assertThat(setting(second, "started_ms")).isLessThan(setting(first, "ended_ms"));
            assertThat(List.of(first.device(), second.device())).containsExactlyInAnyOrder("cuda:0", "cuda:1");
            assertThat(completed(cpu).device()).isEqualTo("cpu");
            // Their GPUs are free again: a later GPU trial gets one.
            assertThat(completed(runner.submit(task(4, GpuPack.Probe.config(300), noDeadline()))).device())
                    .isIn("cuda:0", "cuda:1");
        }
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("Spark local mode: the driver's GPUs [cuda:0, cuda:1]")
                .contains("[gpu-probe]"));
    }

    @Test
    void aGpuTrialWhenEveryGpuIsBusyRunsOnTheCpuRatherThanWait() throws Exception {
        try (TrialRunner runner = runner(3, splits())) {
            List<CompletableFuture<TrialOutcome>> three = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                three.add(runner.submit(task(10 + i, GpuPack.Probe.config(600), noDeadline())));
            }
            List<String> devices = new ArrayList<>();
            for (CompletableFuture<TrialOutcome> f : three) {
                devices.add(completed(f).device());
            }
            assertThat(devices).containsExactlyInAnyOrder("cuda:0", "cuda:1", "cpu");
        }
    }

    @Test
    void aGpuTrialThatTrainedOnTheCpuStopsGpuTrialsWithOneNote() throws Exception {
        try (TrialRunner runner = gpuRunner(1, splits(), Set.of(GpuPack.Probe.ID, GpuPack.FallbackProbe.ID))) {
            assertThat(completed(runner.submit(task(20, GpuPack.FallbackProbe.config(300), noDeadline()))).device()).isEqualTo("cpu");
            assertThat(completed(runner.submit(task(21, GpuPack.Probe.config(300), noDeadline()))).device())
                    .as("no GPU is given after a fit fell back to the CPU").isEqualTo("cpu");
            assertThat(completed(runner.submit(task(22, GpuPack.FallbackProbe.config(300), noDeadline()))).device()).isEqualTo("cpu");
        }
        assertThat(notes).filteredOn(n -> n.contains("but trained on the CPU")).singleElement().satisfies(n -> assertThat(n)
                .startsWith("trial 20 (gpu-fallback-probe) was given cuda:0 but trained on the CPU")
                .endsWith("the rest of the search asks Spark for no GPU"));
    }

    @Test
    void theFactoryGivesTheGpusToTheRunsLearnersThatCanUseThem() throws Exception {
        Map<String, Learner> learners = Map.of(ContractLearner.ID, new ContractLearner(), GpuPack.Probe.ID, new GpuPack.Probe());
        automl4j.execute.TrialRunnerFactory.Context context = new automl4j.execute.TrialRunnerFactory.Context(splits(), learners,
                metrics(), PredictionSink.NONE, 1, notes::add);
        try (TrialRunner runner = SparkTrialRunner.factory(spark).create(context)) {
            assertThat(completed(runner.submit(task(30, GpuPack.Probe.config(300), noDeadline()))).device()).isEqualTo("cuda:0");
            assertThat(completed(runner.submit(task(31, ContractLearner.config("complete", 0), noDeadline()))).device()).isEqualTo("cpu");
        }
    }

    @Test
    void aRunnerToldOfNoGpuLearnersGivesNoTrialAGpu() throws Exception {
        try (TrialRunner runner = new SparkTrialRunner(spark, splits(), PredictionSink.NONE, 1, notes::add)) {
            assertThat(completed(runner.submit(task(40, GpuPack.Probe.config(300), noDeadline()))).device()).isEqualTo("cpu");
        }
    }

    @Test
    void taskGpusInLocalModeAreRefusedNamingTheKeyBeforeAnyJobWaitsForever() {
        SparkConf local = new SparkConf().setMaster("local[2]").set(TrialGpus.TASK_AMOUNT, "1");
        assertThatThrownBy(() -> TrialGpus.refuseTaskGpusInLocalMode(local)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("spark.task.resource.gpu.amount is 1 on local[2], but Spark's local mode offers its "
                        + "tasks no GPUs").hasMessageContaining("spark.driver.resource.gpu.amount");
        TrialGpus.refuseTaskGpusInLocalMode(new SparkConf().setMaster("spark://head:7077").set(TrialGpus.TASK_AMOUNT, "1"));
        TrialGpus.refuseTaskGpusInLocalMode(new SparkConf().setMaster("local-cluster[2,1,1024]").set(TrialGpus.TASK_AMOUNT, "1"));
        assertThatThrownBy(() -> SparkCluster.start("local[2]", Map.of(TrialGpus.TASK_AMOUNT, "1"), "refused", null, notes::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spark.task.resource.gpu.amount");
        assertThat(spark.sparkContext().isStopped()).as("the test's own session is untouched").isFalse();
    }
}
