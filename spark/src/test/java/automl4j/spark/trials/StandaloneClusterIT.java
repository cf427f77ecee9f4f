package automl4j.spark.trials;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.datasets.DefaultDataset;
import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches on a real standalone cluster (a master and two workers of one core each, separate JVMs on the loopback
 * interface, the run's classes shipped as jars): a seed and a max-trials budget give the leaderboard of an in-process
 * run; and one executor JVM is killed with SIGKILL in the middle of a search, and the run still ends with every trial
 * accounted for (the trial it was running is run once more elsewhere). Every process the tests started is gone
 * afterwards. Skipped, saying why, where no cluster can start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final int TRIALS = 8;

    @TempDir
    static Path shared;
    private static StandaloneCluster cluster;
    private static SparkCluster spark;
    private static String unavailable;
    private static final List<String> NOTES = Collections.synchronizedList(new ArrayList<>());

    /** The cluster of the searches: two workers of one core; executors mark their fits in {@code fits}. */
    @BeforeAll
    static void startCluster() throws Exception {
        try {
            cluster = StandaloneCluster.start(shared, 2, 1, "768m");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            unavailable = "cannot start a standalone Spark cluster here: " + e.getMessage();
            return;
        }
        Path fits = java.nio.file.Files.createDirectories(shared.resolve("fits"));
        try {
            spark = SparkCluster.start(cluster.masterUrl(), Map.of("spark.executor.memory", "512m", "spark.executor.cores", "1",
                    "spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
                    "spark.jars", cluster.appJars(),
                    "spark.executor.extraJavaOptions", "-D" + FaultyPack.Sleepy.FITS_PROPERTY + "=" + fits),
                    "StandaloneClusterIT", null, NOTES::add);
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

    /**
     * The distributed refit across two executor JVMs (local mode runs its tasks as threads of one JVM): the XGBoost
     * collective's tracker on the driver, a worker in each executor, the booster as good as one fit in this JVM.
     */
    @Test
    @Order(0)
    void aRefitOnTwoExecutorsTrainsOneXgboostAcrossThem() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        automl4j.data.Target churn = new automl4j.data.Target(DefaultDataset.TARGET,
                new automl4j.data.Classification(List.of("no", "yes")));
        tech.tablesaw.api.Table all = DefaultDataset.generate(3000, 11);
        tech.tablesaw.api.Table test = DefaultDataset.generate(1000, 12);
        automl4j.featurize.FittedTransform transform = automl4j.spark.refit.RefitFixtures.featurizer(all.inRange(0, 300), churn);
        automl4j.space.Config config = automl4j.spark.refit.RefitFixtures.config("xgboost", churn, Map.of("n_estimators", 30, "max_depth", 3));
        automl4j.pipeline.Pipeline.Member onSample = automl4j.spark.refit.RefitFixtures.fitted(all.inRange(0, 300), churn, transform, config, 1);
        automl4j.pipeline.Pipeline.Member oneJvm = automl4j.spark.refit.RefitFixtures.fitted(all, churn, transform, config, 1);

        automl4j.spark.refit.RefitResult r = automl4j.spark.refit.DistributedRefit.builder(spark.session()).workers(2).build()
                .refit(new automl4j.AutoMlModel(churn, transform, onSample.model(), config, Map.of()),
                        automl4j.spark.refit.RefitFixtures.frame(spark.session(), all, 2));

        assertThat(r.members()).singleElement().satisfies(m -> assertThat(m.distributed()).isTrue())
                .satisfies(m -> assertThat(m.rows()).isEqualTo(3000));
        double auc = r.model().score(test, automl4j.metric.Metrics.forName("auc"));
        double single = new automl4j.AutoMlModel(churn, transform, oneJvm.model(), config, Map.of())
                .score(test, automl4j.metric.Metrics.forName("auc"));
        assertThat(auc).isCloseTo(single, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    @Order(1)
    void sameSeedAndMaxTrialsGiveTheSameLeaderboardOnTheClusterAsInProcess() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        assertThat(NOTES).anySatisfy(n -> assertThat(n).contains("2 executor(s), 2 task slots"));
        List<Learner> learners = Learners.discovered().stream().filter(l -> l.id().equals("tribuo-linear-sgd")).toList();
        AutoMl base = AutoMl.builder().seed(5).budget(Budget.ofTrials(TRIALS)).learners(learners).searcher(new RandomSearcher())
                .isolation(automl4j.execute.Isolation.IN_PROCESS).cores(2).build();
        TaskData data = TaskData.of(DefaultDataset.generate(300, 2), DefaultDataset.TARGET);
        AutoMlRun inProcess = base.fit(data);
        AutoMlRun onCluster = base.toBuilder().trialRunner(spark.trialRunner()).build().fit(data);
        assertThat(signature(onCluster)).isEqualTo(signature(inProcess));
        assertThat(onCluster.leaderboard().rows()).filteredOn(r -> r.completed() != null).hasSizeGreaterThan(TRIALS / 2);
    }

    /** Each row: trial id, config, status and score, in leaderboard order. */
    private static List<String> signature(AutoMlRun run) {
        return run.leaderboard().rows().stream().map(r -> r.trial().id() + " " + r.trial().config() + " " + r.outcome().status()
                + " " + (r.completed() == null ? "" : Double.toString(r.completed().score()))).toList();
    }

    @Test
    @Order(2)
    void aSearchSurvivesTheKillOfAnExecutorWithEveryTrialAccountedFor() throws Exception {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        Path fits = shared.resolve("fits");
        AtomicInteger finished = new AtomicInteger();
        CompletableFuture<Long> killed = new CompletableFuture<>();
        RunListener listener = new RunListener() {
            @Override
            public void info(String message) {
                NOTES.add(message);
            }

            @Override
            public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
                if (finished.incrementAndGet() == 3) {
                    killed.complete(killAFittingExecutor(cluster, fits));
                }
            }
        };
        AutoMlRun run = AutoMl.builder().seed(11).budget(Budget.ofTrials(TRIALS)).learners(List.of(new FaultyPack.Sleepy()))
                .searcher(new RandomSearcher()).portfolio(Portfolio.none()).ensembleRounds(0).pruning(false).listener(listener)
                .trialRunner(spark.trialRunner()).build()
                .fit(TaskData.of(DefaultDataset.generate(120, 3), DefaultDataset.TARGET));
        assertThat(killed.get(1, TimeUnit.SECONDS)).as("an executor was killed while fitting").isPositive();
        List<Integer> ids = run.leaderboard().rows().stream().map(r -> r.trial().id()).sorted().toList();
        assertThat(ids).hasSize(TRIALS).doesNotHaveDuplicates();
        assertThat(run.leaderboard().rows()).extracting(TrialResult::outcome).allSatisfy(o -> assertThat(o)
                .isInstanceOfAny(TrialOutcome.Completed.class, TrialOutcome.Crashed.class));
        assertThat(run.leaderboard().rows()).filteredOn(r -> r.completed() != null).hasSizeGreaterThanOrEqualTo(TRIALS - 1);
        assertThat(NOTES).anySatisfy(n -> assertThat(n).containsPattern("trial \\d+ \\(sleepy-probe\\) lost its Spark task .*"
                + "running it once more"));
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
