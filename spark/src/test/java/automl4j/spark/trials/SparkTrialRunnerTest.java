package automl4j.spark.trials;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.execute.ContractLearner;
import automl4j.execute.PredictionSink;
import automl4j.execute.Pruning;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialRunnerContract;
import automl4j.execute.TrialTask;
import automl4j.spark.refit.RefitFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark trial runner keeps the {@link automl4j.execute.TrialRunner} contract on {@code local[2]}: its tasks
 * rebuild {@link ContractLearner} and the metric by id, and a hung fit past its hard deadline is cancelled through its
 * job group. Besides: the capacity follows the cluster's slots, predictions come back to the driver, each split set is
 * broadcast once, and a task that dies is retried once, then recorded crashed.
 */
class SparkTrialRunnerTest extends TrialRunnerContract {
    private static SparkSession spark;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startSpark() {
        spark = RefitFixtures.start("SparkTrialRunnerTest");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Override
    protected TrialRunner runner(int capacity, SplitStore splits) {
        return new SparkTrialRunner(spark, splits, PredictionSink.NONE, capacity, notes::add);
    }

    private static TrialOutcome await(TrialRunner runner, TrialTask task) throws Exception {
        return runner.submit(task).get(60, TimeUnit.SECONDS);
    }

    @Test
    void capacityIsTheClustersSlotsOverTheThreadsOfATrial() {
        try (TrialRunner r = new SparkTrialRunner(spark, splits(), PredictionSink.NONE, 0, notes::add)) {
            assertThat(r.capacity()).isEqualTo(2);
        }
        assertThat(SparkTrialRunner.slots(spark, 1)).isEqualTo(2);
        assertThat(SparkTrialRunner.slots(spark, 2)).isEqualTo(1);
        assertThat(SparkTrialRunner.slots(spark, 8)).isEqualTo(1);
    }

    @Test
    void aTrialOfMoreThreadsThanATaskHasCpusRunsAndLocalModeSaysItSchedulesNoProfiles() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            TrialTask task = new TrialTask(60, ContractLearner.config("complete", 0), 160, SplitStore.DEFAULT_KEY, "accuracy",
                    noDeadline(), Pruning.NONE, 2, false);
            assertThat(await(runner, task)).isInstanceOf(TrialOutcome.Completed.class);
        }
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("Spark local mode schedules no task resource profiles")
                .contains("uses 2 threads"));
    }

    @Test
    void theFactoryCountsSlotsForTheRunsThreadsPerTrial() {
        automl4j.execute.TrialRunnerFactory.Context context = new automl4j.execute.TrialRunnerFactory.Context(splits(), learners(),
                metrics(), PredictionSink.NONE, 2, notes::add);
        try (TrialRunner r = SparkTrialRunner.factory(spark).create(context)) {
            assertThat(r.capacity()).isEqualTo(1);
            assertThat(r).hasToString("Spark (local[2])");
        }
    }

    @Test
    void aLearnerTheExecutorsCannotRebuildStopsTheRunBeforeTheSearchNamingItAndTheKey() {
        automl4j.learn.Learner own = new FaultyPack.Faulty() {
            @Override
            public String id() {
                return "users-own-learner";   // a learner of the user's own, in no services file
            }
        };
        java.util.Map<String, automl4j.learn.Learner> learners = new java.util.HashMap<>(learners());
        learners.put(own.id(), own);
        automl4j.execute.TrialRunnerFactory.Context context = new automl4j.execute.TrialRunnerFactory.Context(splits(), learners,
                metrics(), PredictionSink.NONE, 1, notes::add);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkTrialRunner.factory(spark).create(context))
                .isInstanceOfSatisfying(automl4j.ConfigException.class, e -> assertThat(e.key()).isEqualTo("search.learners"))
                .hasMessageStartingWith("the Spark executors of local[2] cannot rebuild 1 of the run's learners by id")
                .hasMessageContaining("users-own-learner: learner 'users-own-learner' cannot be rebuilt")
                .hasMessageNotContaining("contract-probe:");
    }

    @Test
    void validationPredictionsComeBackToTheDriversSink() throws Exception {
        Map<Integer, float[]> received = new ConcurrentHashMap<>();
        PredictionSink sink = (id, learner, loss, p) -> received.put(id, p);
        try (TrialRunner runner = new SparkTrialRunner(spark, splits(), sink, 1, notes::add)) {
            TrialTask task = new TrialTask(7, ContractLearner.config("complete", 0), 107, SplitStore.DEFAULT_KEY, "accuracy",
                    noDeadline(), Pruning.NONE, 1, true);
            assertThat(await(runner, task)).isInstanceOf(TrialOutcome.Completed.class);
        }
        float[] p = received.get(7);
        assertThat(p).hasSize(20);   // 10 validation rows, 2 class probabilities each
        for (int i = 0; i < p.length; i += 2) {
            assertThat(p[i]).isEqualTo(0.25f);
            assertThat(p[i + 1]).isEqualTo(0.75f);
        }
    }

    @Test
    void eachSplitSetIsBroadcastOnce() throws Exception {
        try (SparkTrialRunner runner = new SparkTrialRunner(spark, splits(), PredictionSink.NONE, 2, notes::add)) {
            for (int i = 0; i < 3; i++) {
                assertThat(await(runner, task(40 + i, ContractLearner.config("complete", 0), noDeadline())))
                        .isInstanceOf(TrialOutcome.Completed.class);
            }
            assertThat(runnerBroadcasts(runner)).isEqualTo(1);
        }
    }

    private static int runnerBroadcasts(SparkTrialRunner runner) throws Exception {
        java.lang.reflect.Field f = SparkTrialRunner.class.getDeclaredField("broadcasts");
        f.setAccessible(true);
        return ((SplitBroadcasts) f.get(runner)).count();
    }

    @Test
    void aTaskThatDiesIsRunOnceMore() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            TrialOutcome o = await(runner, task(50, FaultyPack.Faulty.config("once", 1), noDeadline()));
            assertThat(o).isInstanceOf(TrialOutcome.Completed.class);
            assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("trial 50 (faulty-probe) lost its Spark task")
                    .contains("simulated death of the executor, fit 1").endsWith("running it once more"));
        }
    }

    @Test
    void aTaskThatDiesTwiceIsRecordedCrashedWithSparksReason() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            TrialOutcome o = await(runner, task(51, FaultyPack.Faulty.config("always", 99), noDeadline()));
            assertThat(o).isInstanceOf(TrialOutcome.Crashed.class);
            assertThat(((TrialOutcome.Crashed) o).message()).startsWith("trial 51 (").contains("crashed twice on Spark")
                    .contains("simulated death of the executor, fit 1").contains("fit 2");
        }
    }

    @Test
    void theLearnersOwnExceptionIsNotRetried() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            assertThat(await(runner, task(52, ContractLearner.config("throw", 0), noDeadline()))).isInstanceOf(TrialOutcome.Failed.class);
        }
        assertThat(notes).noneMatch(n -> n.startsWith("trial 52"));
    }
}
