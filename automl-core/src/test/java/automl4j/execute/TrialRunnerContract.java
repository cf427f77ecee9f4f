package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import automl4j.data.Target;
import automl4j.data.Classification;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.TrainingSet;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TrialRunner}, for every implementation to pass: extend this class and make a runner of the
 * given capacity over the given splits that can run {@link ContractLearner} (by id, see {@link ContractPack}) and the
 * built-in {@code accuracy} metric. Shipped in automl-core's test jar ({@code <type>test-jar</type>}), so that a runner
 * in another module (a Spark one) runs the same tests.
 */
public abstract class TrialRunnerContract {
    /** Longest a test waits for an outcome: a worker JVM may have to start first on a busy machine. */
    private static final long WAIT_SECONDS = 60;
    private static final Metric METRIC = Metrics.accuracy();

    /**
     * A fresh runner of {@code capacity} trials at once over {@code splits}, with {@link #learners()} and
     * {@link #metrics()}; the test closes it.
     */
    protected abstract TrialRunner runner(int capacity, SplitStore splits);

    /** The learners the runner must know by id: {@link ContractLearner}. */
    protected static Map<String, Learner> learners() {
        return Map.of(ContractLearner.ID, new ContractLearner());
    }

    /** The metrics the runner must know by id: accuracy. */
    protected static Map<String, Metric> metrics() {
        return Map.of(METRIC.id(), METRIC);
    }

    /** One split of 20 training and 10 validation rows, half of each class. */
    protected static SplitStore splits() {
        Target target = new Target("y", new Classification(List.of("no", "yes")));
        return SplitStore.of(List.of(new PreparedSplit(new TrainingSet(matrix(20), labels(20), target), matrix(10), labels(10))));
    }

    private static FeatureMatrix matrix(int rows) {
        float[] x = new float[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = i;
        }
        return FeatureMatrix.of(x, rows, List.of("a"));
    }

    private static Labels labels(int rows) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 2;
        }
        return Labels.of(y);
    }

    /** A task of {@code config} under {@code deadline}. */
    protected static TrialTask task(int id, Config config, TrialTask.Deadline deadline) {
        return new TrialTask(id, config, 100 + id, SplitStore.DEFAULT_KEY, METRIC.id(), deadline, Pruning.NONE, 1, false);
    }

    /** A deadline that no test reaches. */
    protected static TrialTask.Deadline noDeadline() {
        return new TrialTask.Deadline(System.nanoTime() + TimeUnit.HOURS.toNanos(1), TimeUnit.HOURS.toNanos(1), 0);
    }

    private static TrialOutcome await(CompletableFuture<TrialOutcome> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aCompletedTrialCarriesItsValidationScore() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            TrialOutcome o = await(runner.submit(task(0, ContractLearner.config("complete", 0), noDeadline())));
            assertThat(o).isInstanceOf(TrialOutcome.Completed.class);
            assertThat(((TrialOutcome.Completed) o).score()).isEqualTo(0.5);   // predicts "yes" for every row, half are
        }
    }

    @Test
    void aThrowingLearnerFailsItsTrialWithTheMessage() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            TrialOutcome o = await(runner.submit(task(1, ContractLearner.config("throw", 0), noDeadline())));
            assertThat(o).isInstanceOf(TrialOutcome.Failed.class);
            assertThat(((TrialOutcome.Failed) o).message()).startsWith("trial 1 (").contains("contract-probe was told to throw");
        }
    }

    @Test
    void anUnknownLearnerIdFailsItsTrialNamingTheId() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            TrialOutcome o = await(runner.submit(task(2, Config.of("no-such-learner", Map.of()), noDeadline())));
            assertThat(o).isInstanceOf(TrialOutcome.Failed.class);
            assertThat(((TrialOutcome.Failed) o).message()).contains("'no-such-learner'");
        }
    }

    @Test
    void aTrialPastItsHardDeadlineTimesOut() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            TrialTask.Deadline deadline = new TrialTask.Deadline(System.nanoTime() + TimeUnit.HOURS.toNanos(1),
                    TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.MILLISECONDS.toNanos(100));
            TrialOutcome o = await(runner.submit(task(3, ContractLearner.config("sleep", 120_000), deadline)));
            assertThat(o).isInstanceOf(TrialOutcome.TimedOut.class);
            assertThat(((TrialOutcome.TimedOut) o).seconds()).isBetween(0.3, WAIT_SECONDS * 1.0);
        }
    }

    @Test
    void aTrialStoppedAtTheSearchEndRatherThanItsOwnTimeoutIsCancelled() throws Exception {
        try (TrialRunner runner = runner(1, splits())) {
            TrialTask.Deadline deadline = new TrialTask.Deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300),
                    TimeUnit.HOURS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(100));
            TrialOutcome o = await(runner.submit(task(4, ContractLearner.config("sleep", 120_000), deadline)));
            assertThat(o).isInstanceOf(TrialOutcome.Cancelled.class);
        }
    }

    @Test
    void neverRunsMoreTrialsAtOnceThanItsCapacity() throws Exception {
        int capacity = 2;
        try (TrialRunner runner = runner(capacity, splits())) {
            assertThat(runner.capacity()).isEqualTo(capacity);
            List<CompletableFuture<TrialOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(runner.submit(task(10 + i, ContractLearner.config("sleep", 300), noDeadline())));
            }
            List<double[]> intervals = new ArrayList<>();
            for (CompletableFuture<TrialOutcome> f : futures) {
                TrialOutcome o = await(f);
                assertThat(o).isInstanceOf(TrialOutcome.Completed.class);
                Map<String, Object> ran = ((TrialOutcome.Completed) o).refitSettings();
                intervals.add(new double[] {(Double) ran.get("started_ms"), (Double) ran.get("ended_ms")});
            }
            assertThat(mostAtOnce(intervals)).isBetween(1, capacity);
        }
    }

    /** Most intervals that hold a common moment: checked at each interval's start. */
    private static int mostAtOnce(List<double[]> intervals) {
        int most = 0;
        for (double[] a : intervals) {
            int n = 0;
            for (double[] b : intervals) {
                if (b[0] <= a[0] && a[0] < b[1]) {
                    n++;
                }
            }
            most = Math.max(most, n);
        }
        return most;
    }

    @Test
    void closeEndsRunningAndQueuedTrials() throws Exception {
        TrialRunner runner = runner(1, splits());
        CompletableFuture<TrialOutcome> running = runner.submit(task(20, ContractLearner.config("sleep", 120_000), noDeadline()));
        CompletableFuture<TrialOutcome> queued = runner.submit(task(21, ContractLearner.config("sleep", 120_000), noDeadline()));
        runner.close();
        assertThat(await(running)).isInstanceOf(TrialOutcome.Cancelled.class);
        assertThat(await(queued)).isInstanceOf(TrialOutcome.Cancelled.class);
    }

    @Test
    void submitAfterCloseFailsClearly() {
        TrialRunner runner = runner(1, splits());
        runner.close();
        TrialTask task = task(30, ContractLearner.config("complete", 0), noDeadline());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.submit(task));
        assertThat(e.getMessage()).contains("trial 30").contains("closed");
    }
}
