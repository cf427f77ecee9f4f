package automl4j.spark.trials;

import automl4j.execute.ContractLearner;
import automl4j.execute.InProcessRunner;
import automl4j.execute.PredictionSink;
import automl4j.execute.Pruning;
import automl4j.execute.SplitStore;
import automl4j.execute.TrialExecutor;
import automl4j.execute.TrialOutcome;
import automl4j.execute.TrialRunner;
import automl4j.execute.TrialRunnerContract;
import automl4j.execute.TrialTask;
import automl4j.metric.Metrics;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * Measures the Spark runner's overhead per trial against the in-process runner: the median latency of one trial run
 * alone (instant trials, and trials of {@code millis} ms), and trials per second with every slot busy. Not a test (no
 * assertions, prints figures); run by hand:
 * <pre>
 * java -cp "spark/target/classes:spark/target/test-classes:$(cat cp.txt)" automl4j.spark.trials.TrialOverheadBenchmark \
 *     local[2] 200 1000
 * </pre>
 * with {@code standalone} as the master for a cluster of two one-core workers started as in {@link StandaloneClusterIT}.
 */
public final class TrialOverheadBenchmark {
    private TrialOverheadBenchmark() {
    }

    /**
     * Runs the measurement.
     *
     * @param args master ({@code local[2]} or {@code standalone}), trials per figure, and the long trials' milliseconds
     */
    public static void main(String[] args) throws Exception {
        String master = args.length > 0 ? args[0] : "local[2]";
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int millis = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        StandaloneCluster cluster = null;
        if (master.equals("standalone")) {
            cluster = StandaloneCluster.start(Files.createTempDirectory("spark-bench"), 2, 1, "768m");
        }
        try {
            SparkSession spark = SparkSession.builder().master(cluster == null ? master : cluster.masterUrl())
                    .appName("TrialOverheadBenchmark").config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.jars", cluster == null ? "" : cluster.appJars()).config("spark.task.maxFailures", "1")
                    .config("spark.executor.memory", "512m").config("spark.executor.cores", "1")
                    .getOrCreate();
            if (cluster != null) {
                while (spark.sparkContext().statusTracker().getExecutorInfos().length < 3) {
                    Thread.sleep(200);
                }
            }
            SplitStore splits = Splits.contract();
            try (TrialRunner inProcess = new InProcessRunner(TrialExecutor.of(2, 1), splits,
                    Map.of(ContractLearner.ID, new ContractLearner()), Map.of("accuracy", Metrics.accuracy()), PredictionSink.NONE);
                 TrialRunner onSpark = new SparkTrialRunner(spark, splits, PredictionSink.NONE, 2, s -> { })) {
                report("in-process", inProcess, trials, millis);
                report("spark " + spark.sparkContext().master(), onSpark, trials, millis);
            }
            spark.stop();
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    private static void report(String name, TrialRunner runner, int trials, int millis) throws Exception {
        sequential(runner, 20, 0);   // warm-up: class loading, the broadcast, JIT
        double[] instant = sequential(runner, trials, 0);
        double[] slow = sequential(runner, Math.max(5, trials / 20), millis);
        double instantRate = throughput(runner, trials, 0);
        double slowRate = throughput(runner, Math.max(6, trials / 10), millis);
        System.out.printf(Locale.ROOT, "%-28s instant: median %.2f ms, p90 %.2f ms, %.1f trials/s at capacity; "
                        + "%d ms trials: median %.2f ms (%.2f ms over the sleep), %.2f trials/s at capacity%n",
                name, median(instant), quantile(instant, 0.9), instantRate, millis, median(slow), median(slow) - millis, slowRate);
    }

    /** Each trial's latency in ms, run one at a time. */
    private static double[] sequential(TrialRunner runner, int n, int millis) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            TrialOutcome o = runner.submit(task(i, millis)).get(60, TimeUnit.SECONDS);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (!(o instanceof TrialOutcome.Completed)) {
                throw new IllegalStateException("trial " + i + " ended " + o);
            }
        }
        return ms;
    }

    /** Trials per second with {@code n} trials submitted at once (the runner keeps its capacity busy). */
    private static double throughput(TrialRunner runner, int n, int millis) throws Exception {
        long t0 = System.nanoTime();
        List<CompletableFuture<TrialOutcome>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(runner.submit(task(i, millis)));
        }
        for (CompletableFuture<TrialOutcome> f : all) {
            f.get(10, TimeUnit.MINUTES);
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static TrialTask task(int id, int millis) {
        TrialTask.Deadline d = new TrialTask.Deadline(System.nanoTime() + TimeUnit.HOURS.toNanos(1), TimeUnit.HOURS.toNanos(1), 0);
        return new TrialTask(id, ContractLearner.config(millis == 0 ? "complete" : "sleep", millis), id, SplitStore.DEFAULT_KEY,
                "accuracy", d, Pruning.NONE, 1, false);
    }

    private static double median(double[] a) {
        return quantile(a, 0.5);
    }

    private static double quantile(double[] a, double q) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(q * s.length))];
    }

    /** The contract's split set, reachable from here. */
    private static final class Splits extends TrialRunnerContract {
        static SplitStore contract() {
            return splits();
        }

        @Override
        protected TrialRunner runner(int capacity, SplitStore splits) {
            throw new UnsupportedOperationException("only the splits are used");
        }
    }
}
