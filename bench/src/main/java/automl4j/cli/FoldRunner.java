package automl4j.cli;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.data.Cells;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.data.TaskData;
import automl4j.data.Tasks;
import automl4j.datasets.CsvReader;
import automl4j.datasets.Suite;
import automl4j.datasets.SuiteEntry;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.search.Budget;
import automl4j.search.Searcher;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * Runs one (dataset, fold) of the benchmark protocol: fit on the other folds' rows, predict the fold's rows, score
 * with the protocol's metrics. Nothing of the test rows reaches the fit.
 */
final class FoldRunner {
    private FoldRunner() {
    }

    /** The result row plus a details JSON line. */
    record Outcome(FoldResult row, String details) {
    }

    /**
     * What a bench run may switch off, for ablations.
     *
     * @param ensembleRounds rounds of ensemble selection, 0 for none
     * @param pruning        whether trials may be pruned
     * @param portfolio      whether the built-in portfolio is tried first
     * @param isolation      which trials run in worker processes
     * @param stacking       whether a stacked ensemble competes with the selected one
     * @param learners       the learner ids to search, or empty for the default set
     * @param portfolioFile  a portfolio JSON tried first instead of the built-in one, or null
     * @param maxTrials      most trials, 0 for no limit (the budget still bounds the time)
     */
    record Options(int ensembleRounds, boolean pruning, boolean portfolio, automl4j.execute.Isolation isolation, boolean stacking,
                   List<String> learners, java.nio.file.Path portfolioFile, int maxTrials) {
        Options {
            learners = List.copyOf(learners);
        }

        /** The portfolio tried first: none, the file's or the built-in one. */
        automl4j.search.Portfolio resolvedPortfolio() {
            if (!portfolio) {
                return automl4j.search.Portfolio.none();
            }
            if (portfolioFile == null) {
                return automl4j.search.Portfolio.builtIn();
            }
            try {
                return automl4j.search.Portfolio.fromJson(java.nio.file.Files.readAllBytes(portfolioFile));
            } catch (java.io.IOException e) {
                throw new UsageException("--portfolio-file: cannot read " + portfolioFile + ": " + e.getMessage());
            }
        }
    }

    static Outcome run(SuiteEntry entry, int fold, double budget, int cores, long seed, Searcher searcher, Options options,
                       String framework) {
        String task = entry.task();
        Metric primary = Metrics.forName(Tasks.defaultMetricOf(task));
        Metric secondary = Metrics.forName(Tasks.secondaryMetricOf(task));
        Table table = CsvReader.comma().read(entry.file());
        int[] folds = Suite.readFolds(entry.foldsFile(), table.rowCount());
        Selection test = Selection.with();
        Selection train = Selection.with();
        for (int i = 0; i < folds.length; i++) {
            (folds[i] == fold ? test : train).add(i);
        }
        Table trainTable = table.where(train);
        Table testTable = table.where(test).copy();
        long t0 = System.nanoTime();
        AnytimeTrace trace = new AnytimeTrace();
        AutoMlRun run = AutoMl.builder()
                .metric(primary)
                .budget(options.maxTrials() > 0 ? new Budget(Duration.ofMillis(Math.round(budget * 1000)), options.maxTrials())
                        : Budget.ofTime(Duration.ofMillis(Math.round(budget * 1000))))
                .learners(RunExecution.resolveLearners(options.learners()))
                .stacking(options.stacking())
                .seed(seed + fold)
                .cores(cores)
                .searcher(searcher)
                .ensembleRounds(options.ensembleRounds())
                .pruning(options.pruning())
                .isolation(options.isolation())
                .portfolio(options.resolvedPortfolio())
                .listener(trace)
                // The budget bounds the fold's whole process (issue 14): JVM start and reading the table so far, and a
                // reserve for predicting and scoring the test rows.
                .timeOutside(CommandClock.ofCommand(budget).timeOutsideFit())
                .build()
                .fit(TaskData.of(trainTable, entry.target(), task, entry.name()));
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Predictions p = run.best().predict(testTable.removeColumns(entry.target()));
        double predictSeconds = (System.nanoTime() - t1) / 1e9;
        Labels truth = truth(table.column(entry.target()), test, run, run.best().target().task());
        checkFinite(p);
        double score = primary.score(truth, p);
        double second = secondary.score(truth, p);
        FoldResult row = new FoldResult(framework, entry.name(), task, fold, primary.name(), score, secondary.name(),
                second, fitSeconds, predictSeconds, run.leaderboard().completedCount(), budget, cores, "ok", "", null);
        String details = String.format(Locale.ROOT,
                "{\"dataset\":\"%s\",\"fold\":%d,\"best\":\"%s\",\"validation\":\"%s\",\"trials\":%d,\"completed\":%d,"
                        + "\"refit_seconds\":%.3f,\"peak_heap_mb\":%.1f,\"loadavg_1min\":%.2f,\"framework\":\"%s\",\"searcher\":\"%s\",\"metric\":\"%s\","
                        + "\"validation_score\":%s,\"fallback\":%s,\"anytime\":%s}",
                entry.name(), fold, run.bestTrial().trial().config().toString().replace("\"", "'"), run.validation(),
                run.leaderboard().rows().size(), run.leaderboard().completedCount(), run.refitSeconds(), peakHeapMb(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), framework, searcher.id(), primary.name(),
                Double.toString(run.bestTrial().completed().score()), fallbackJson(run), trace.toJson(fitSeconds, run.bestTrial()));
        return new Outcome(row, details);
    }

    /** The model's fallback description as a JSON string, or null when the search found the model (issue 14). */
    private static String fallbackJson(AutoMlRun run) {
        String f = run.best().info().get("fallback");
        return f == null ? "null" : "\"" + f.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Labels truth(Column<?> column, Selection test, AutoMlRun run, Task task) {
        int[] rows = test.toArray();
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            String s = Cells.text(column, rows[i]);
            if (task instanceof Regression) {
                y[i] = Cells.parse(s);
            } else {
                y[i] = s == null ? -1 : run.best().target().indexOf(s);   // -1: a label unseen in training gets p = 0
            }
        }
        return Labels.of(y);
    }

    private static void checkFinite(Predictions p) {
        for (int i = 0; i < p.size(); i++) {
            if (p.hasProbabilities()) {
                for (double v : p.probabilities(i)) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalStateException("non-finite probability predicted for test row " + i);
                    }
                }
            } else if (!Double.isFinite(p.value(i))) {
                throw new IllegalStateException("non-finite value predicted for test row " + i);
            }
        }
    }

    static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
