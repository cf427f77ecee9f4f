package automl4j.cli;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.execute.Gpus;
import automl4j.leaderboard.TrialResult;
import automl4j.search.Budget;
import automl4j.searchloop.RunListener;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code automl gpu-trials}: the same search twice on a synthetic binary table, once with the machine's GPUs and once
 * on its CPU cores only, counting the XGBoost trials each completed and where they trained.
 */
@Command(name = "gpu-trials", mixinStandardHelpOptions = true,
        description = {"Compare a search with the GPUs nvidia-smi lists to the same search on the CPU cores only.",
                "Runs both on a synthetic binary table and prints how many XGBoost trials each completed and on which "
                        + "device. Writes one CSV row per search (mode, trials, xgboost_trials, xgboost_on_gpu, best_auc, "
                        + "seconds) to --out."})
final class GpuTrialsCommand implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "1000000", description = "Rows to generate (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--features", defaultValue = "50", description = "Numeric features (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--budget", defaultValue = "60", description = "Time budget of each search in seconds (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--cores", description = "CPU cores of each search (default: all available).")
    Integer cores;

    @Option(names = "--seed", defaultValue = "1", description = "Data and run seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--only", description = "Run only one search: gpu or cpu (default: both).")
    String only;

    @Option(names = "--out", defaultValue = "gpu-trials.csv", description = "Results CSV (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (rows < 100 || features < 1) {
            throw new UsageException("--rows must be >= 100 and --features >= 1, but were " + rows + " and " + features);
        }
        if (!(budget > 0)) {
            throw new UsageException("--budget must be > 0, but was " + budget);
        }
        if (only != null && !only.equals("gpu") && !only.equals("cpu")) {
            throw new UsageException("--only must be gpu or cpu, but was '" + only + "'");
        }
        int c = cores == null ? Runtime.getRuntime().availableProcessors() : cores;
        if (c < 1) {
            throw new UsageException("--cores must be >= 1, but was " + c);
        }
        PrintStream o = CommonOptions.out;
        o.println("GPUs found: " + (Gpus.detected().isEmpty() ? "none" : Gpus.detected().toString()));
        o.printf(Locale.ROOT, "generating %d rows x %d features%n", rows, features);
        TaskData data = TaskData.of(table(rows, features, seed), TARGET);
        StringBuilder csv = new StringBuilder("mode,trials,xgboost_trials,xgboost_on_gpu,best_auc,seconds\n");
        for (String mode : List.of("gpu", "cpu")) {
            if (only != null && !only.equals(mode)) {
                continue;
            }
            AutoMl.Builder b = AutoMl.builder().seed(seed).cores(c).budget(Budget.ofTime(Duration.ofMillis(Math.round(budget * 1000))))
                    .listener(new RunListener() {
                        @Override
                        public void info(String message) {
                            o.println("  [" + mode + "] " + message);
                        }
                    });
            if (mode.equals("cpu")) {
                b.gpus(List.of());
            }
            AutoMlRun run = b.build().fit(data);
            Map<String, Integer> devices = new TreeMap<>();
            int xgboost = 0;
            for (TrialResult r : run.leaderboard().rows()) {
                if (r.completed() != null && r.trial().config().learner().equals("xgboost")) {
                    xgboost++;
                    devices.merge(r.completed().device(), 1, Integer::sum);
                }
            }
            int onGpu = devices.entrySet().stream().filter(e -> e.getKey().startsWith("cuda")).mapToInt(Map.Entry::getValue).sum();
            double best = run.bestTrial().completed().score();
            o.printf(Locale.ROOT, "%s: %d trials, %d completed XGBoost trials by device %s, best validation AUC %.5f, %.1f s%n",
                    mode, run.leaderboard().rows().size(), xgboost, devices, best, run.elapsedSeconds());
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.6f,%.2f%n", mode, run.leaderboard().rows().size(), xgboost, onGpu,
                    best, run.elapsedSeconds()));
            Files.writeString(out, csv);
        }
        o.println("Results in " + out);
        return ExitCodes.OK;
    }

    static final String TARGET = "y";

    /**
     * {@code rows} rows of standard normal features; the label is drawn from a logistic model of a few linear terms,
     * pairwise products and a threshold, so that trees of some depth and many rounds help.
     */
    static Table table(int rows, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[features][rows];
        for (double[] column : x) {
            for (int i = 0; i < rows; i++) {
                column[i] = random.nextDouble() * 2 - 1 + random.nextDouble() * 2 - 1;
            }
        }
        String[] y = new String[rows];
        for (int i = 0; i < rows; i++) {
            double z = 0;
            for (int j = 0; j < Math.min(features, 10); j++) {
                z += (j % 2 == 0 ? 1 : -1) * x[j][i];
            }
            for (int j = 0; j + 1 < Math.min(features, 20); j += 2) {
                z += 1.5 * x[j][i] * x[j + 1][i];
            }
            if (features > 2) {
                z += x[2][i] > 0.5 ? 2 : 0;
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? "yes" : "no";
        }
        Table t = Table.create("synthetic");
        for (int j = 0; j < features; j++) {
            t.addColumns(DoubleColumn.create("x" + j, x[j]));
        }
        t.addColumns(StringColumn.create(TARGET, y));
        return t;
    }
}
