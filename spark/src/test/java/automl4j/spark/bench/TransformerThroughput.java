package automl4j.spark.bench;

import automl4j.AutoMlModel;
import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.datasets.DefaultDataset;
import automl4j.export.PipelineBundle;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.learn.FitContext;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.learn.TrainingSet;
import automl4j.pipeline.Pipeline;
import automl4j.scoring.ScoringModel;
import automl4j.space.Config;
import automl4j.spark.data.SparkTables;
import automl4j.spark.scoring.AutoMlTransformer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows per second per core of {@link AutoMlTransformer} on {@code local[2]} against {@code AutoMlModel.predict} in one
 * JVM, on the same rows of the churn data ({@code DefaultDataset}) and the same model files: bench's golden XGBoost
 * file (a small model) and an XGBoost of 300 trees of depth 6; the transformer with each of its scorers, and the scoring
 * library alone in one JVM for reference. Not a test: a program, run by
 * {@code spark/bench-scoring.sh ROWS}, that prints one line per measurement. "Per core" is rows over the process's CPU
 * seconds (every thread, native ones included), so a library that scores on several threads is not flattered; the
 * transformer's wall-clock rate over its two cores is printed too.
 *
 * <p>The transformer is timed on a cached DataFrame (the rows in Spark's memory, as the engine's are in a table) and
 * from the Parquet files; the result is consumed by Spark's {@code noop} sink, so every row is scored and nothing
 * written. Each figure is the median of three runs after a warm-up run (one from 5,000,000 rows on; see
 * {@link #main}, which also picks models, scorers and inputs).
 */
public final class TransformerThroughput {
    private static final Target CHURN = new Target(DefaultDataset.TARGET, new Classification(List.of("no", "yes")));
    private static final int PARTITIONS = 8;
    private static final int CHUNK = 100_000;

    private TransformerThroughput() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the number of rows (default 1,000,000), a work folder (default {@code target/scoring-bench}) and the
     *             transformer's batch rows (default 4096). Environment: {@code BENCH_MODELS} (comma-separated, of
     *             {@code golden-xgboost}, {@code xgboost-300x6}; default both), {@code BENCH_SCORERS} (of
     *             {@code scoring}, {@code engine}; default both), {@code BENCH_INPUTS} (of {@code cached},
     *             {@code parquet}; default both) and {@code BENCH_REPEATS} (timed runs after the warm-up, the median
     *             kept; default 3, and 1 from 5,000,000 rows on)
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/scoring-bench").toAbsolutePath();
        int batchRows = args.length > 2 ? Integer.parseInt(args[2]) : 4096;
        List<String> modelNames = choice("BENCH_MODELS", "golden-xgboost", "xgboost-300x6");
        List<String> scorers = choice("BENCH_SCORERS", AutoMlTransformer.SCORING, AutoMlTransformer.ENGINE);
        List<String> inputs = choice("BENCH_INPUTS", "cached", "parquet");
        int repeats = Integer.parseInt(System.getenv().getOrDefault("BENCH_REPEATS", rows >= 5_000_000 ? "1" : "3"));
        Files.createDirectories(work);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("TransformerThroughput")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Path parquet = work.resolve("churn-" + rows + ".parquet");
            if (!Files.exists(parquet)) {
                generate(spark, rows, parquet.toString());
            }
            Dataset<Row> files = spark.read().parquet(parquet.toString());
            Table table = SparkTables.toTable(files, "churn");
            Dataset<Row> cached = inputs.contains("cached") ? files.cache() : files;
            System.out.printf(Locale.ROOT, "rows %d, cached %s; %d cores available to the JVM; %d timed runs after a "
                    + "warm-up, the median kept%n", table.rowCount(), inputs.contains("cached") ? cached.count() : "no",
                    Runtime.getRuntime().availableProcessors(), repeats);
            Map<String, Path> models = new LinkedHashMap<>();
            if (modelNames.contains("golden-xgboost")) {
                models.put("golden-xgboost", Path.of("..", "bench", "src", "test", "resources", "golden", "export-v2", "xgboost.automl"));
            }
            if (modelNames.contains("xgboost-300x6")) {
                models.put("xgboost-300x6", xgboost300(work));
            }
            for (Map.Entry<String, Path> m : models.entrySet()) {
                Measure engine = median(repeats, () -> engine(AutoMlModel.load(m.getValue()), table));
                print(m.getKey(), "AutoMlModel.predict (one JVM, chunks of " + CHUNK + ")", table.rowCount(), engine, 1);
                if (scorers.contains(AutoMlTransformer.SCORING)) {
                    Measure library = median(repeats, () -> library(ScoringModel.load(m.getValue()), table));
                    print(m.getKey(), "ScoringModel.predictColumns (one JVM, same chunks)", table.rowCount(), library, 1);
                }
                for (String scorer : scorers) {
                    AutoMlTransformer t = AutoMlTransformer.of(m.getValue()).setScorer(scorer).setBatchRows(batchRows);
                    for (String input : inputs) {
                        Measure s = median(repeats, () -> spark(t, input.equals("cached") ? cached : files));
                        print(m.getKey(), "transformer (" + scorer + ", " + batchRows + ") local[2], " + input, table.rowCount(), s, 2);
                        System.out.printf(Locale.ROOT, "%s: transformer (%s, %s) / AutoMlModel.predict, rows per CPU-second: "
                                + "%.2f%n", m.getKey(), scorer, input, engine.cpuSeconds / s.cpuSeconds);
                    }
                }
            }
        } finally {
            spark.stop();
        }
    }

    // The values of a comma-separated environment variable, each one of `known`; all of them when it is unset.
    private static List<String> choice(String variable, String... known) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return List.of(known);
        }
        List<String> out = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String v : out) {
            if (!Arrays.asList(known).contains(v)) {
                throw new IllegalArgumentException(variable + " holds '" + v + "'; it takes " + String.join(", ", known));
            }
        }
        return out;
    }

    /** Wall and process CPU seconds of one run. */
    private record Measure(double wallSeconds, double cpuSeconds) {
    }

    private interface Run {
        Measure run() throws Exception;
    }

    private static Measure median(int repeats, Run run) throws Exception {
        run.run();   // warm-up: JIT, the executor's model load, the cache
        Measure[] m = new Measure[repeats];
        for (int i = 0; i < m.length; i++) {
            System.gc();
            m[i] = run.run();
        }
        Arrays.sort(m, (a, b) -> Double.compare(a.cpuSeconds, b.cpuSeconds));
        return m[m.length / 2];
    }

    private static Measure engine(AutoMlModel model, Table table) {
        return timed(() -> {
            long sum = 0;
            for (int start = 0; start < table.rowCount(); start += CHUNK) {
                sum += model.predict(table.inRange(start, Math.min(table.rowCount(), start + CHUNK))).size();
            }
            if (sum != table.rowCount()) {
                throw new IllegalStateException("predicted " + sum + " of " + table.rowCount() + " rows");
            }
        });
    }

    private static Measure library(ScoringModel model, Table table) {
        return timed(() -> {
            long sum = 0;
            for (int start = 0; start < table.rowCount(); start += CHUNK) {
                Table chunk = table.inRange(start, Math.min(table.rowCount(), start + CHUNK));
                Map<String, List<?>> columns = new LinkedHashMap<>();
                for (Column<?> c : chunk.columns()) {
                    List<Object> cells = new ArrayList<>(chunk.rowCount());
                    for (int r = 0; r < chunk.rowCount(); r++) {
                        cells.add(c.isMissing(r) ? null : c.get(r));
                    }
                    columns.put(c.name(), cells);
                }
                sum += model.predictColumns(columns).size();
            }
            if (sum != table.rowCount()) {
                throw new IllegalStateException("predicted " + sum + " of " + table.rowCount() + " rows");
            }
        });
    }

    private static Measure spark(AutoMlTransformer t, Dataset<Row> rows) {
        return timed(() -> t.transform(rows).write().format("noop").mode("overwrite").save());
    }

    private static Measure timed(Runnable r) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        r.run();
        return new Measure((System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
    }

    private static void print(String model, String what, int rows, Measure m, int cores) {
        System.out.printf(Locale.ROOT, "%-15s %-52s %8.2f s wall %8.2f s CPU %,12.0f rows/CPU-s %,12.0f rows/s/core (wall)%n",
                model, what, m.wallSeconds, m.cpuSeconds, rows / m.cpuSeconds, rows / m.wallSeconds / cores);
    }

    // The churn rows, PARTITIONS generated in parallel (DefaultDataset with one seed per partition), as Parquet.
    private static void generate(SparkSession spark, int rows, String path) {
        Table sample = DefaultDataset.generate(10, 1);
        StructType schema = new StructType();
        for (Column<?> c : sample.columns()) {
            schema = schema.add(c.name(), c instanceof tech.tablesaw.api.DoubleColumn ? DataTypes.DoubleType
                    : DataTypes.StringType, true);
        }
        int per = (rows + PARTITIONS - 1) / PARTITIONS;
        MapPartitionsFunction<Long, Row> gen = ids -> {
            List<Row> out = new ArrayList<>();
            while (ids.hasNext()) {
                long p = ids.next();
                int n = (int) Math.min(per, rows - p * per);
                Table t = DefaultDataset.generate(n, 100 + p);
                for (int r = 0; r < n; r++) {
                    Object[] cells = new Object[t.columnCount()];
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = t.column(c).isMissing(r) ? null : t.column(c).get(r);
                    }
                    out.add(RowFactory.create(cells));
                }
            }
            Iterator<Row> it = out.iterator();
            return it;
        };
        spark.range(0, PARTITIONS, 1, PARTITIONS).as(Encoders.LONG()).mapPartitions(gen, Encoders.row(schema))
                .write().parquet(path);
    }

    // XGBoost with 300 trees of depth 6 on 2,000 churn rows: a model with work in it, as bench's ScoringLatency has.
    private static Path xgboost300(Path work) throws Exception {
        Path file = work.resolve("xgboost-300x6.automl");
        if (Files.exists(file)) {
            return file;
        }
        Table train = DefaultDataset.generate(2000, 1);
        double[] y = train.stringColumn(CHURN.name()).asList().stream().mapToDouble(s -> CHURN.classes().indexOf(s)).toArray();
        FittedTransform transform = new TabularFeaturizer(FeaturizerOptions.defaults())
                .fit(train, IntStream.range(0, train.rowCount()).toArray(), CHURN, y);
        TrainingSet data = new TrainingSet(transform.transform(train, null), Labels.of(y), CHURN);
        Learner xgb = Learners.byId(Learners.discovered()).get("xgboost");
        Map<String, Object> values = new TreeMap<>(xgb.defaultConfig(CHURN.task()).values());
        values.putAll(Map.of("n_estimators", 300, "max_depth", 6));
        Config config = Config.of(xgb.id(), values);
        Pipeline.Member member = new Pipeline.Member(transform, xgb.fit(data, config, FitContext.of(1, 1)), config, 1.0);
        PipelineBundle.write(new Pipeline(CHURN, List.of(member), config, Map.of("kind", "benchmark")), file);
        return file;
    }
}
