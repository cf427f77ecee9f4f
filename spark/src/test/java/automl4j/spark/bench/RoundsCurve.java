package automl4j.spark.bench;

import automl4j.AutoMl;
import automl4j.AutoMlModel;
import automl4j.learn.FeatureMatrix;
import automl4j.learners.xgboost.XgboostLearner;
import automl4j.metric.Metrics;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import automl4j.spark.data.DriverSampler;
import automl4j.spark.data.SparkTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.Table;

/**
 * Why the distributed refit re-tunes its rounds: the refit benchmark's search (same table, sample and seed) picks a
 * config on a 50,000-row sample; this fits that config in one JVM on 50,000 and on N evenly spaced rows for 1,000
 * rounds and prints the test AUC after 50, 100, 200, the chosen rounds, 700 and 1,000 rounds. Run by
 * {@code spark/bench-refit.sh rounds-curve [N]}; a program, not a test.
 */
final class RoundsCurve {
    private static final int[] ROUNDS = {50, 100, 200, 0, 700, 1000};   // 0: the config's own rounds

    private RoundsCurve() {
    }

    static void run(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path work = Path.of("target", "bench-refit").toAbsolutePath();
        Files.createDirectories(work);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("RoundsCurve")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            String train = work.resolve("train-" + rows + ".parquet").toString();
            String testPath = work.resolve("test-200000.parquet").toString();
            RefitBenchmark.generate(spark, rows, 1, train);
            RefitBenchmark.generate(spark, 200_000, 2, testPath);
            Table test = SparkTables.toTable(spark.read().parquet(testPath), "test");
            AutoMlModel onSample = AutoMl.builder().seed(1).maxTrials(6).seconds(900).learners("xgboost").ensembleRounds(0)
                    .cores(2).build().fit(DriverSampler.builder("label").seed(1).maxRows(50_000).build()
                            .sampleParquet(spark, train).data()).best();
            Pipeline.Member member = onSample.members().get(0);
            Config config = automl4j.execute.TrialEvaluator.learnerConfig(member.config());
            int chosen = config.get(XgboostLearner.N_ESTIMATORS);
            System.out.printf(Locale.ROOT, "# %s: chosen on the sample %s, sample-only model's test auc %.5f%n", train,
                    config.valuesText(), onSample.score(test, Metrics.forName("auc")));
            int[] testRows = IntStream.range(0, test.rowCount()).toArray();
            double[] testY = onSample.target().task().encode(test.column("label"), testRows, "test");
            DMatrix testX = matrix(member.transform().transform(test, testRows));
            Table all = SparkTables.toTable(spark.read().parquet(train), "all");
            for (int n : new int[] {50_000, all.rowCount()}) {
                int[] spaced = IntStream.range(0, n).map(i -> (int) ((long) i * all.rowCount() / n)).toArray();
                DMatrix x = matrix(member.transform().transform(all, spaced));
                double[] y = onSample.target().task().encode(all.column("label"), spaced, "all");
                float[] labels = new float[y.length];
                for (int i = 0; i < y.length; i++) {
                    labels[i] = (float) y[i];
                }
                x.setLabel(labels);
                Booster b = XGBoost.train(x, XgboostLearner.boosterParams(onSample.target(), config, 2, 1, "cpu"), 1000,
                        Map.of(), null, null);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d rows: test auc by rounds", n));
                for (int r : ROUNDS) {
                    int limit = r == 0 ? chosen : r;
                    line.append(String.format(Locale.ROOT, "  %d%s %.5f", limit, r == 0 ? " (chosen)" : "",
                            auc(b.predict(testX, false, limit), testY)));
                }
                System.out.println(line);
                b.dispose();
                x.dispose();
            }
        } finally {
            spark.stop();
        }
    }

    private static DMatrix matrix(FeatureMatrix x) throws XGBoostError {
        if (x.isSparse()) {
            long[] start = IntStream.of(x.rowStart()).asLongStream().toArray();
            return new DMatrix(start, x.indexes(), x.values(), DMatrix.SparseType.CSR, x.columns());
        }
        return new DMatrix(x.toArray(), x.rows(), x.columns(), Float.NaN);
    }

    // The rank statistic: the chance that a positive row scores above a negative one (ties count half: none here).
    private static double auc(float[][] p, double[] y) {
        Integer[] order = IntStream.range(0, y.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> Float.compare(p[a][0], p[b][0]));
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < order.length; i++) {
            if (y[order[i]] > 0.5) {
                positives++;
                rankSum += i + 1;
            }
        }
        double negatives = y.length - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
