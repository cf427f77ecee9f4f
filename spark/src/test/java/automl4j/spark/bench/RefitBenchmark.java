package automl4j.spark.bench;

import automl4j.AutoMl;
import automl4j.AutoMlModel;
import automl4j.AutoMlRun;
import automl4j.metric.Metrics;
import automl4j.spark.data.DriverSample;
import automl4j.spark.data.DriverSampler;
import automl4j.spark.data.SparkTables;
import automl4j.spark.refit.DistributedRefit;
import automl4j.spark.refit.RefitResult;
import automl4j.spark.trials.BenchCluster;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.Table;

/**
 * The distributed refit at scale (issue 21): a synthetic Parquet table of N rows (generated here, once, under
 * spark/target) is sampled to the driver, searched there (XGBoost, a few trials), and the best model refitted on all
 * rows by Spark tasks; the driver's peak heap per phase, the refit's time, and the quality of the all-rows refit
 * against the sample-only model on held-out rows. Run by {@code spark/bench-refit.sh}; a main class in the test
 * sources, not a unit test.
 *
 * <p>Arguments: rows (1,000,000), sample cap (50,000), trials (6), master (local[2]; {@code standalone} starts a master and two one-core workers), and {@code compare} to also fit
 * the best config on all rows with one worker and in this JVM alone (the table whole on the driver), and to fit it and
 * a fixed deeper config in this JVM on 50,000, 200,000 and all evenly spaced rows (how each config's quality grows with
 * the rows, without Spark).
 */
public final class RefitBenchmark {
    private static final StructType SCHEMA = schema();
    private static final int PARTITIONS = 8;

    private RefitBenchmark() {
    }

    private static StructType schema() {
        StructType s = new StructType();
        for (int i = 0; i < 10; i++) {
            s = s.add("x" + i, DataTypes.DoubleType);
        }
        return s.add("region", DataTypes.StringType).add("plan", DataTypes.StringType).add("label", DataTypes.StringType);
    }

    /**
     * Runs the benchmark and prints its report.
     *
     * @param args {@code rounds-curve [rows]} for {@link RoundsCurve}; else rows, sample cap, trials, master ({@code local[N]}, a URL, or {@code standalone} for a cluster of a
     *             master and two one-core workers started here), {@code compare}
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("rounds-curve")) {
            RoundsCurve.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long cap = args.length > 1 ? Long.parseLong(args[1]) : 50_000;
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        String master = args.length > 3 ? args[3] : "local[2]";
        boolean compare = args.length > 4 && args[4].equals("compare");
        Path work = Path.of("target", "bench-refit").toAbsolutePath();   // absolute: executors have their own folders
        Files.createDirectories(work);
        // "standalone": a master and two workers of one core each, JVMs of their own, as in StandaloneClusterIT.
        BenchCluster cluster = master.equals("standalone")
                ? BenchCluster.start(work.resolve("cluster"), 2, 1, System.getProperty("bench.workerMemory", "7g")) : null;
        SparkSession.Builder builder = SparkSession.builder().master(cluster != null ? cluster.masterUrl() : master)
                .appName("RefitBenchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        if (cluster != null) {
            builder.config("spark.jars", cluster.appJars()).config("spark.executor.cores", "1")
                    .config("spark.executor.memory", System.getProperty("bench.executorMemory", "6g"))
                    .config("spark.cores.max", "2");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        if (cluster != null) {
            awaitExecutors(spark, 2);
        }
        HeapPeak heap = new HeapPeak();
        try {
            String train = work.resolve("train-" + rows + ".parquet").toString();
            String test = work.resolve("test-200000.parquet").toString();
            generate(spark, rows, 1, train);
            generate(spark, 200_000, 2, test);
            Table testTable = SparkTables.toTable(spark.read().parquet(test), "test");
            System.gc();
            String cpu = ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors() + " cores";
            print("# Distributed refit benchmark (issue 21): %d rows, sample cap %d, %d trials, %s, %s, -Xmx %d MiB",
                    rows, cap, trials, master, cpu, Runtime.getRuntime().maxMemory() >> 20);
            print(cluster == null ? "# in local mode the executors run in the driver's JVM: its heap peak covers their tasks too"
                    : "# standalone cluster: a master and 2 workers of 1 core, each executor a JVM of its own (-Xmx "
                    + System.getProperty("bench.executorMemory", "6g") + ")");

            heap.reset();
            long t0 = System.nanoTime();
            DriverSample sample = DriverSampler.builder("label").seed(1).maxRows(cap).build().sampleParquet(spark, train);
            double sampleSeconds = (System.nanoTime() - t0) / 1e9;
            print("sample: %s", sample.plan().summary());
            print("sample: %.1f s, driver heap peak %d MiB", sampleSeconds, heap.peakMiB());

            heap.reset();
            t0 = System.nanoTime();
            AutoMlRun run = AutoMl.builder().seed(1).maxTrials(trials).seconds(900).learners("xgboost").ensembleRounds(0)
                    .cores(2).build().fit(sample.data());
            double searchSeconds = (System.nanoTime() - t0) / 1e9;
            AutoMlModel onSample = run.best();
            print("search on the sample: %.1f s, %d trials, best %s, driver heap peak %d MiB", searchSeconds,
                    run.leaderboard().rows().size(), onSample.config().valuesText(), heap.peakMiB());

            heap.reset();
            t0 = System.nanoTime();
            RefitResult refit = DistributedRefit.builder(spark).seed(1).build().refit(onSample, spark.read().parquet(train));
            double refitSeconds = (System.nanoTime() - t0) / 1e9;
            print("refit on all rows: %.1f s (%s), driver heap peak %d MiB", refitSeconds, refit.summary(), heap.peakMiB());
            if (cluster != null) {
                print("executors' peak resident memory (VmHWM, the largest of the two JVMs, since they started): %d MiB",
                        cluster.executorPeakRssMiB());
            }

            for (String metric : List.of("auc", "logloss", "accuracy")) {
                double a = onSample.score(testTable, Metrics.forName(metric));
                double b = refit.model().score(testTable, Metrics.forName(metric));
                print("test %-8s sample-only %.5f  all-rows refit %.5f  (%+.5f)", metric, a, b, b - a);
            }
            if (compare) {
                compare(spark, onSample, train, testTable);
            }
        } finally {
            heap.close();
            spark.stop();
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    // A barrier stage needs its tasks' slots registered: wait for the executors (a minute at most).
    private static void awaitExecutors(SparkSession spark, int executors) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (spark.sparkContext().getExecutorMemoryStatus().size() - 1 < executors && System.nanoTime() - end < 0) {
            Thread.sleep(200);
        }
    }

    // The best config on all rows three ways: one barrier task, and this JVM alone on the whole table.
    private static void compare(SparkSession spark, AutoMlModel onSample, String train, Table testTable) {
        long t0 = System.nanoTime();
        AutoMlModel one = DistributedRefit.builder(spark).workers(1).seed(1).build().refit(onSample, spark.read().parquet(train)).model();
        print("refit by 1 task: %.1f s, test auc %.5f logloss %.5f", (System.nanoTime() - t0) / 1e9,
                one.score(testTable, Metrics.forName("auc")), one.score(testTable, Metrics.forName("logloss")));
        Table all = SparkTables.toTable(spark.read().parquet(train), "all");
        automl4j.pipeline.Pipeline.Member m = onSample.members().get(0);
        int[] rows = java.util.stream.IntStream.range(0, all.rowCount()).filter(i -> !all.column("label").isMissing(i)).toArray();
        double[] y = onSample.target().task().encode(all.column("label"), rows, "all");
        t0 = System.nanoTime();
        automl4j.learn.TrainingSet data = new automl4j.learn.TrainingSet(m.transform().transform(all, rows),
                automl4j.learn.Labels.of(y), onSample.target());
        automl4j.learn.FittedModel fitted = automl4j.learn.Learners.byId(automl4j.learn.Learners.discovered()).get("xgboost")
                .fit(data, automl4j.execute.TrialEvaluator.learnerConfig(m.config()), automl4j.learn.FitContext.of(1, 2));
        AutoMlModel single = new AutoMlModel(onSample.target(), m.transform(), fitted, m.config(), java.util.Map.of());
        print("fit in one JVM (2 threads): %.1f s, test auc %.5f logloss %.5f", (System.nanoTime() - t0) / 1e9,
                single.score(testTable, Metrics.forName("auc")), single.score(testTable, Metrics.forName("logloss")));
        java.util.Map<String, Object> deeper = new java.util.TreeMap<>(java.util.Map.of("colsample_bytree", 1.0,
                "learning_rate", 0.1, "max_depth", 6, "min_child_weight", 1.0, "n_estimators", 200, "reg_alpha", 0.001,
                "reg_lambda", 1.0, "subsample", 1.0));
        for (automl4j.space.Config config : List.of(automl4j.execute.TrialEvaluator.learnerConfig(m.config()),
                automl4j.space.Config.of("xgboost", deeper))) {
            StringBuilder line = new StringBuilder("one JVM, " + config.valuesText() + ": test auc");
            for (int n : new int[] {50_000, 200_000, rows.length}) {
                int[] spaced = java.util.stream.IntStream.range(0, Math.min(n, rows.length))
                        .map(i -> rows[(int) ((long) i * rows.length / Math.min(n, rows.length))]).toArray();
                double[] ys = onSample.target().task().encode(all.column("label"), spaced, "all");
                automl4j.learn.FittedModel f = automl4j.learn.Learners.byId(automl4j.learn.Learners.discovered()).get("xgboost")
                        .fit(new automl4j.learn.TrainingSet(m.transform().transform(all, spaced), automl4j.learn.Labels.of(ys),
                                onSample.target()), config, automl4j.learn.FitContext.of(1, 2));
                double auc = new AutoMlModel(onSample.target(), m.transform(), f, config, java.util.Map.of())
                        .score(testTable, Metrics.forName("auc"));
                line.append(String.format(Locale.ROOT, "  %d rows %.5f", spaced.length, auc));
            }
            print("%s", line);
        }
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    // A binary label from a nonlinear score of the inputs with noise: interactions and thresholds that more rows
    // resolve better, and 15% of the labels flipped.
    static void generate(SparkSession spark, long rows, long seed, String path) {
        if (Files.exists(Path.of(path))) {
            return;
        }
        long per = (rows + PARTITIONS - 1) / PARTITIONS;
        MapPartitionsFunction<Long, Row> gen = parts -> {
            List<Row> out = new ArrayList<>();
            String[] regions = {"north", "south", "east", "west", "centre"};
            String[] plans = {"basic", "plus", "pro", "team"};
            while (parts.hasNext()) {
                long p = parts.next();
                SplittableRandom r = new SplittableRandom(seed * 1_000_003L + p);
                long n = Math.min(per, rows - p * per);
                for (long i = 0; i < n; i++) {
                    Object[] cells = new Object[13];
                    double[] x = new double[10];
                    for (int k = 0; k < 10; k++) {
                        x[k] = r.nextGaussian();
                        cells[k] = r.nextInt(50) == 0 ? null : x[k];
                    }
                    int region = r.nextInt(regions.length);
                    int plan = r.nextInt(plans.length);
                    cells[10] = regions[region];
                    cells[11] = plans[plan];
                    double z = Math.sin(2 * x[0]) + x[1] * x[2] + (x[3] > 0.5 ? 1.2 : -0.4) * x[4] + 0.6 * Math.abs(x[5])
                            - 0.5 * x[6] * x[6] + 0.3 * x[7] + (region == 2 ? 0.8 : 0) + 0.3 * plan * (x[8] > 0 ? 1 : -1);
                    boolean y = r.nextDouble() < 1 / (1 + Math.exp(-1.5 * z));
                    if (r.nextDouble() < 0.15) {
                        y = !y;
                    }
                    cells[12] = y ? "yes" : "no";
                    out.add(RowFactory.create(cells));
                }
            }
            Iterator<Row> it = out.iterator();
            return it;
        };
        Dataset<Long> ids = spark.range(0, PARTITIONS, 1, PARTITIONS).as(Encoders.LONG());
        ids.mapPartitions(gen, Encoders.row(SCHEMA)).write().parquet(path);
    }

    /** The largest heap in use seen by a thread polling every 20 ms since the last reset. */
    private static final class HeapPeak implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread poller;

        HeapPeak() {
            poller = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            poller.setDaemon(true);
            poller.start();
        }

        void reset() {
            System.gc();
            peak.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        long peakMiB() {
            return peak.get() >> 20;
        }

        @Override
        public void close() {
            poller.interrupt();
        }
    }
}
