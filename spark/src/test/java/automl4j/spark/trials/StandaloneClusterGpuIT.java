package automl4j.spark.trials;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.ContractLearner;
import automl4j.execute.PredictionSink;
import automl4j.execute.Pruning;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialTask;
import automl4j.leaderboard.TrialResult;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.searchers.random.RandomSearcher;
import automl4j.searchloop.RunListener;
import automl4j.space.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU trials through Spark's resource scheduling on a real standalone cluster: two workers of two cores, each given the
 * GPUs {@code 0} and {@code 1} by a discovery script the test writes (Spark's documented mechanism; this machine has no
 * GPU, so the addresses are Spark's bookkeeping only, and the probe learner only reports the device it was given), and
 * executors of {@code spark.executor.resource.gpu.amount=2}. Trials of a GPU learner ask for one GPU through a task
 * resource profile and train on {@code cuda:<the address Spark assigned the task>}, trials running at once on one
 * executor on distinct addresses; trials of other learners take none; a GPU fit that the library moved to the CPU (as
 * XGBoost without CUDA says on the executor's standard error) is read back; a search accounts for every trial; every
 * process the test started is gone afterwards. Skipped, saying why, where no cluster can start.
 */
class StandaloneClusterGpuIT {
    private static final List<String> NOTES = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    static Path shared;
    private static StandaloneCluster cluster;
    private static SparkCluster spark;
    private static String unavailable;

    @BeforeAll
    static void startCluster() throws Exception {
        Path script = GpuDiscovery.script(Path.of("target", "gpu-discovery-standalone"), "0", "1");
        try {
            cluster = StandaloneCluster.start(shared, 2, 2, "768m", List.of("-Dspark.worker.resource.gpu.amount=2",
                    "-Dspark.worker.resource.gpu.discoveryScript=" + script));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            unavailable = "cannot start a standalone Spark cluster here: " + e.getMessage();
            return;
        }
        try {
            spark = SparkCluster.start(cluster.masterUrl(), Map.of("spark.executor.memory", "512m", "spark.executor.cores", "2",
                    "spark.executor.resource.gpu.amount", "2", "spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1",
                    "spark.driver.bindAddress", "127.0.0.1", "spark.jars", cluster.appJars()),
                    "StandaloneClusterGpuIT", null, NOTES::add);
        } catch (IllegalStateException e) {
            unavailable = "the standalone cluster started no executor: " + e.getMessage();
        }
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.close();
        }
        if (cluster != null) {
            cluster.close();
            assertThat(cluster.allStopped()).as("every JVM the test started has ended").isTrue();
        }
    }

    @Test
    void gpuTrialsAtOnceOnAnExecutorGetDistinctAddressesAndOtherTrialsNone() throws Exception {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        List<CompletableFuture<TrialOutcome>> gpu = new ArrayList<>();
        List<TrialOutcome.Completed> done = new ArrayList<>();
        try (TrialRunner runner = new SparkTrialRunner(spark.session(), SparkTrialGpusTest.contractSplits(), PredictionSink.NONE,
                0, Set.of(GpuPack.Probe.ID), NOTES::add)) {
            assertThat(runner.capacity()).as("two executors of two cores").isEqualTo(4);
            for (int i = 0; i < 4; i++) {
                gpu.add(runner.submit(task(i, GpuPack.Probe.config(1500))));
            }
            for (CompletableFuture<TrialOutcome> f : gpu) {
                done.add(completed(f));
            }
            assertThat(completed(runner.submit(task(4, ContractLearner.config("complete", 0)))).device()).isEqualTo("cpu");
        }
        assertThat(NOTES).anySatisfy(n -> assertThat(n).isEqualTo("Spark GPUs: 2 executor(s) of 2 GPU(s), 1 per trial: up "
                + "to 4 trials of [gpu-probe] at once on a GPU (the others on the CPU), each also taking its CPUs"));
        assertThat(done).extracting(TrialOutcome.Completed::device).allSatisfy(d -> assertThat(d).isIn("cuda:0", "cuda:1"));
        Map<Double, List<TrialOutcome.Completed>> byExecutor = done.stream().collect(Collectors.groupingBy(c -> setting(c, "pid")));
        assertThat(byExecutor).as("two GPU trials on each executor").hasSize(2).allSatisfy((pid, trials) -> {
            assertThat(trials).hasSize(2);
            assertThat(overlap(trials.get(0), trials.get(1))).as("they ran at once").isTrue();
            assertThat(trials.get(0).device()).as("on distinct GPUs").isNotEqualTo(trials.get(1).device());
        });
    }

    @Test
    void aGpuFitTheLibraryMovedToTheCpuIsReadBackFromTheExecutorsStderrAndStopsGpuTrials() throws Exception {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        try (TrialRunner runner = new SparkTrialRunner(spark.session(), SparkTrialGpusTest.contractSplits(), PredictionSink.NONE,
                0, Set.of(GpuPack.StderrProbe.ID, GpuPack.Probe.ID), NOTES::add)) {
            assertThat(completed(runner.submit(task(10, GpuPack.StderrProbe.config(300)))).device()).isEqualTo("cpu");
            assertThat(completed(runner.submit(task(11, GpuPack.Probe.config(100)))).device()).as("no GPU after a fallback")
                    .isEqualTo("cpu");
        }
        assertThat(NOTES).anySatisfy(n -> assertThat(n).startsWith("trial 10 (gpu-stderr-probe) was given a GPU of its Spark "
                + "task but trained on the CPU"));
    }

    @Test
    void aSearchOfAGpuLearnerAndACpuLearnerAccountsForEveryTrialEachOnItsDevice() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        int trials = 8;
        RunListener listener = new RunListener() {
            @Override
            public void info(String message) {
                NOTES.add(message);
            }
        };
        AutoMlRun run = AutoMl.builder().seed(3).budget(Budget.ofTrials(trials))
                .learners(List.of(new GpuPack.Probe(), new FaultyPack.Sleepy())).searcher(new RandomSearcher())
                .portfolio(Portfolio.none()).ensembleRounds(0).pruning(false).listener(listener)
                .trialRunner(spark.trialRunner()).build()
                .fit(TaskData.of(DefaultDataset.generate(120, 3), DefaultDataset.TARGET));
        List<TrialResult> rows = run.leaderboard().rows();
        assertThat(rows.stream().map(r -> r.trial().id()).sorted().toList()).hasSize(trials).doesNotHaveDuplicates();
        assertThat(rows).allSatisfy(r -> assertThat(r.outcome()).isInstanceOf(TrialOutcome.Completed.class));
        assertThat(rows).extracting(r -> r.trial().config().learner()).contains(GpuPack.Probe.ID, FaultyPack.Sleepy.ID);
        assertThat(rows).allSatisfy(r -> {
            String device = r.completed().device();
            if (r.trial().config().learner().equals(GpuPack.Probe.ID)) {
                assertThat(device).isIn("cuda:0", "cuda:1");   // four GPU slots: never more GPU trials at once than that
            } else {
                assertThat(device).isEqualTo("cpu");
            }
        });
        List<TrialOutcome.Completed> gpuTrials = rows.stream().filter(r -> r.trial().config().learner().equals(GpuPack.Probe.ID))
                .map(TrialResult::completed).toList();
        gpuTrials.stream().collect(Collectors.groupingBy(c -> setting(c, "pid"))).values()
                .forEach(StandaloneClusterGpuIT::assertOverlappingOnDistinctDevices);
    }

    private static TrialTask task(int id, Config config) {
        return new TrialTask(id, config, 100 + id, SplitStore.DEFAULT_KEY, "accuracy",
                new TrialTask.Deadline(System.nanoTime() + TimeUnit.HOURS.toNanos(1), TimeUnit.HOURS.toNanos(1), 0), Pruning.NONE, 1,
                false);
    }

    private static TrialOutcome.Completed completed(CompletableFuture<TrialOutcome> f) throws Exception {
        TrialOutcome o = f.get(60, TimeUnit.SECONDS);
        assertThat(o).isInstanceOf(TrialOutcome.Completed.class);
        return (TrialOutcome.Completed) o;
    }

    private static double setting(TrialOutcome.Completed c, String key) {
        return ((Number) c.refitSettings().get(key)).doubleValue();
    }

    /** Whether {@code a} and {@code b} fitted at the same time (their fits' wall-clock intervals overlap). */
    private static boolean overlap(TrialOutcome.Completed a, TrialOutcome.Completed b) {
        return setting(a, "started_ms") < setting(b, "ended_ms") && setting(b, "started_ms") < setting(a, "ended_ms");
    }

    /** Any two of {@code trials} (of one executor) that fitted at the same time trained on distinct devices. */
    private static void assertOverlappingOnDistinctDevices(List<TrialOutcome.Completed> trials) {
        for (int i = 0; i < trials.size(); i++) {
            for (int j = i + 1; j < trials.size(); j++) {
                if (overlap(trials.get(i), trials.get(j))) {
                    assertThat(trials.get(i).device()).as("GPU trials at once on one executor")
                            .isNotEqualTo(trials.get(j).device());
                }
            }
        }
    }
}
