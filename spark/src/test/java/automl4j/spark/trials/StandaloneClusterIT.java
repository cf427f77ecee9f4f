package automl4j.spark.trials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Learner;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.searchers.random.RandomSearcher;
import automl4j.searchloop.RunListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search on a real standalone cluster (a master and two workers of one core each, separate JVMs on the loopback
 * interface, the run's classes shipped as jars): one executor JVM is killed with SIGKILL in the middle of the search,
 * and the run still ends with every trial accounted for (the trial it was running is run once more elsewhere), and
 * every process the test started is gone afterwards. Skipped, saying why, where the cluster cannot start.
 */
class StandaloneClusterIT {
    private static final int TRIALS = 8;

    @TempDir
    Path dir;

    @Test
    void aSearchSurvivesTheKillOfAnExecutorWithEveryTrialAccountedFor() throws Exception {
        StandaloneCluster cluster;
        try {
            cluster = StandaloneCluster.start(dir, 2, 1, "768m");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot start a standalone Spark cluster here: " + e.getMessage());
            return;
        }
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        Path fits = java.nio.file.Files.createDirectories(dir.resolve("fits"));
        try (cluster) {
            SparkCluster spark;
            try {
                spark = SparkCluster.start(cluster.masterUrl(), Map.of("spark.executor.memory", "512m", "spark.executor.cores", "1",
                        "spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
                        "spark.jars", cluster.appJars(),
                        "spark.executor.extraJavaOptions", "-D" + FaultyPack.Sleepy.FITS_PROPERTY + "=" + fits),
                        "StandaloneClusterIT", null, notes::add);
            } catch (IllegalStateException e) {
                Assumptions.abort("the standalone cluster started no executor: " + e.getMessage());
                return;
            }
            AutoMlRun run;
            try (spark) {
                assertThat(notes).anySatisfy(n -> assertThat(n).contains("2 executor(s), 2 task slots"));
                AtomicInteger finished = new AtomicInteger();
                CompletableFuture<Long> killed = new CompletableFuture<>();
                RunListener listener = new RunListener() {
                    @Override
                    public void info(String message) {
                        notes.add(message);
                    }

                    @Override
                    public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
                        if (finished.incrementAndGet() == 3) {
                            killed.complete(killAFittingExecutor(cluster, fits));
                        }
                    }
                };
                List<Learner> learners = List.of(new FaultyPack.Sleepy());
                run = AutoMl.builder().seed(11).budget(Budget.ofTrials(TRIALS)).learners(learners).searcher(new RandomSearcher())
                        .portfolio(Portfolio.none()).ensembleRounds(0).pruning(false).listener(listener)
                        .trialRunner(spark.trialRunner()).build()
                        .fit(TaskData.of(DefaultDataset.generate(120, 3), DefaultDataset.TARGET));
                assertThat(killed.get(1, TimeUnit.SECONDS)).as("an executor was killed").isPositive();
            }
            List<Integer> ids = run.leaderboard().rows().stream().map(r -> r.trial().id()).sorted().toList();
            assertThat(ids).hasSize(TRIALS).doesNotHaveDuplicates();
            assertThat(run.leaderboard().rows()).extracting(TrialResult::outcome).allSatisfy(o -> assertThat(o)
                    .isInstanceOfAny(TrialOutcome.Completed.class, TrialOutcome.Crashed.class));
            assertThat(run.leaderboard().rows()).filteredOn(r -> r.completed() != null).hasSizeGreaterThanOrEqualTo(TRIALS - 1);
        }
        assertThat(notes).anySatisfy(n -> assertThat(n).containsPattern("trial \\d+ \\(sleepy-probe\\) lost its Spark task .*"
                + "running it once more"));
        assertThat(cluster.allStopped()).as("every JVM the test started has ended").isTrue();
    }

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

    /**
     * Kills (SIGKILL) the executor JVM that is fitting now, as its mark in {@code fits} says, waiting up to 5 s for one.
     *
     * @return its process id, or 0 if none was fitting
     */
    private static long killAFittingExecutor(StandaloneCluster cluster, Path fits) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() - end < 0) {
            for (ProcessHandle executor : cluster.executors()) {
                if (java.nio.file.Files.exists(fits.resolve(Long.toString(executor.pid())))) {
                    executor.destroyForcibly();
                    return executor.pid();
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return 0;
    }
}
