package automl4j.cli;

import automl4j.AutoMl;
import automl4j.AutoMlRun;
import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.data.TaskData;
import automl4j.internal.AtomicFiles;
import automl4j.leaderboard.Trial;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.search.Searcher;
import automl4j.search.Searchers;
import automl4j.searchloop.RunListener;
import automl4j.settings.RunSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Runs a search described by a {@link RunConfig} on a table and writes the outputs. Shared by {@code run} and
 * {@code demo}. Everything is checked before the output folder is touched; then the folder is locked for the run
 * ({@link OutputLock}), an earlier run's journal and effective config are set aside ({@link PreviousRun}), and the
 * effective config and the journal ({@value #JOURNAL_FILE}) are written first, so that a run that is killed can be
 * resumed from that folder.
 */
final class RunExecution {
    static final String JOURNAL_FILE = "journal.jsonl";
    static final String EFFECTIVE_CONFIG_FILE = "effective-config.yaml";

    private RunExecution() {
    }

    /**
     * Runs {@code config} on {@code table}; with {@code resume}, continues the killed run whose journal is in the output
     * folder.
     */
    static void execute(RunConfig config, Table table, Table testTable, String source, PrintStream out, boolean resume) throws IOException {
        execute(config, table, testTable, source, out, resume, null);
    }

    /**
     * As {@link #execute(RunConfig, Table, Table, String, PrintStream, boolean)}, with {@code table} the sample of a
     * Parquet {@code data.train} ({@code parquet}, or null for a CSV or ARFF file): its Spark session runs the trials
     * when the config has a spark section, and the best model is refitted on all of its rows before the outputs are
     * written.
     */
    static void execute(RunConfig config, Table table, Table testTable, String source, PrintStream out, boolean resume,
                        ParquetTrain parquet) throws IOException {
        RunSettings settings = config.automl().settings().resolved();
        TaskData data = TaskData.of(table, config.target(), config.task(), source);
        TaskData test = testTable == null ? null : checkedTest(data, testTable, config);
        Metric metric = settings.metric() == null ? Metrics.defaultFor(data.task()) : settings.metric();
        if (!metric.supports(data.task())) {
            throw new UsageException("config key 'metric': metric '" + metric.name() + "' does not fit task " + data.task().label()
                    + "; use one of " + Metrics.all().stream().filter(m -> m.supports(data.task())).map(Metric::name).toList());
        }
        String effective = ConfigFile.effective(config, settings.learners().stream().map(Learner::id).toList(),
                settings.searcher().id(), metric.name());
        if (parquet != null) {
            effective = parquet.effectiveComment() + effective;
        }
        OutputPaths.checkFolder(config.output(), "output folder");
        java.time.Instant started = java.time.Instant.now();
        // Opened before the search, so that a registry that cannot be opened costs no budget.
        automl4j.registry.ModelRegistry registry = config.registry() == null ? null : automl4j.registry.ModelRegistry.open(config.registry());
        try {
            OutputLock lock = OutputLock.acquire(config.output(), resume ? "automl run --resume" : "automl run", out);
            try {
                AutoMlRun run = run(config, data, test, metric, effective, out, resume, parquet);
                if (registry != null) {
                    RunRegistration.completed(registry, config, run, data, test, metric, effective, started, out);
                }
            } catch (RuntimeException | IOException e) {
                if (registry != null && !(e instanceof automl4j.registry.RegistryException)) {
                    RunRegistration.failed(registry, config, data, metric, effective, started, e);
                }
                throw e;
            } finally {
                lock.close();
            }
        } finally {
            if (registry != null) {
                registry.close();
            }
        }
    }

    /**
     * The test rows as the run will score them, checked before the run so that a bad test file costs no search: they
     * need every column of the training data, and a classification's labels must be among the training classes.
     *
     * @throws automl4j.datasets.DataFormatException naming data.test and the column or row
     */
    private static TaskData checkedTest(TaskData train, Table testTable, RunConfig config) {
        String source = config.test() == null ? "test rows" : config.test().getFileName().toString();
        List<String> missing = train.table().columnNames().stream().filter(c -> !testTable.columnNames().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new automl4j.datasets.DataFormatException("config key 'data.test': the test table " + source + " lacks the training columns "
                    + missing + "; its columns are " + testTable.columnNames());
        }
        try {
            TaskData test = TaskData.of(testTable, config.target(), null, source).withTask(train.task());
            automl4j.data.EncodedTarget.of(test);   // every label must be one of the training classes
            return test;
        } catch (DataException e) {
            throw new automl4j.datasets.DataFormatException("config key 'data.test': " + e.getMessage());
        }
    }

    // Under the output folder's lock; everything is validated, nothing of an earlier run touched yet.
    private static AutoMlRun run(RunConfig config, TaskData data, TaskData test, Metric metric, String effective, PrintStream out, boolean resume,
                                 ParquetTrain parquet) throws IOException {
        Path journal = config.output().resolve(JOURNAL_FILE);
        FirstTrial started = new FirstTrial(out);
        ProgressPrinter progress = ProgressPrinter.forConsole(out, metric.name(), config.seconds());
        // The metric is always given, so that the journal names it whatever the task (as before issue 15).
        AutoMl.Builder builder = config.automl().toBuilder()
                .metric(metric)
                .listener(RunListener.all(List.of(started, progress)))
                .journal(journal);
        // budget.seconds bounds the whole command (issue 14): the fit gets what is left after the JVM's start and the
        // reading of the data, less a reserve for permutation importance and the outputs.
        CommandClock clock = CommandClock.ofReportingCommand(config.seconds());
        builder.timeOutside(clock.timeOutsideFit());
        // The Spark session (spark section) starts before the earlier run is set aside: a master that cannot be reached
        // leaves the output folder as it was. Its start counts against the command's budget.
        // A Parquet run's session is already up (it sampled the data) and is the caller's to stop.
        SparkTrials spark = config.spark() == null || parquet != null ? null : SparkTrials.start(config.spark(), out);
        try {
            if (spark != null) {
                builder.trialRunner(spark.factory());
            } else if (parquet != null && config.spark() != null) {
                builder.trialRunner(parquet.spark().factory());
            }
            return search(config, data, test, metric, effective, out, resume, builder.build(), started, progress, clock, parquet);
        } finally {
            if (spark != null) {
                spark.close();
            }
        }
    }

    // With every setting accepted; Spark, if any, started.
    private static AutoMlRun search(RunConfig config, TaskData data, TaskData test, Metric metric, String effective, PrintStream out,
                                    boolean resume, AutoMl automl, FirstTrial started, ProgressPrinter progress, CommandClock clock,
                                    ParquetTrain parquet) throws IOException {
        // Only now, with every setting accepted, is the earlier run's journal set aside (and put back if the engine
        // refuses the run before its first trial).
        PreviousRun previous = resume ? null : PreviousRun.setAside(config.output());
        started.announce(previous == null ? null : previous.message());
        long start = System.nanoTime();
        AutoMlRun run;
        try {
            if (!resume) {
                AtomicFiles.writeString(config.output().resolve(EFFECTIVE_CONFIG_FILE), effective);
            }
            run = resume ? automl.resume(data) : automl.fit(data);
        } catch (RuntimeException | IOException e) {
            if (previous != null && !started.happened()) {
                previous.restore();   // refused before its first trial: the earlier run stays as it was
            }
            throw e;
        } finally {
            progress.finish((System.nanoTime() - start) / 1e9);
        }
        if (parquet != null) {
            run = parquet.refit(run, config.automl().settings().seed(), out);
            AtomicFiles.writeString(config.output().resolve(ParquetTrain.NOTES_FILE), parquet.notes());
        }
        return RunOutputs.write(run, data, test, metric, config.automl().settings().seed(), config.output(), effective, out, clock);
    }

    static List<Learner> resolveLearners(List<String> ids) {
        List<Learner> all = Learners.discovered();
        if (ids.isEmpty()) {
            return all.stream().filter(Learner::searchedByDefault).toList();
        }
        Map<String, Learner> byId = Learners.byId(all);
        List<Learner> out = new ArrayList<>();
        for (String id : ids) {
            Learner l = byId.get(id);
            if (l == null) {
                throw new UsageException("config key 'search.learners': learner '" + id + "' is unknown; known learners are " + byId.keySet());
            }
            out.add(l);
        }
        return out;
    }

    /** The isolation setting labelled {@code label} ({@code in_process}, {@code native_in_workers}, {@code workers}). */
    static automl4j.execute.Isolation resolveIsolation(String label) {
        for (automl4j.execute.Isolation i : automl4j.execute.Isolation.values()) {
            if (i.label().equals(label)) {
                return i;
            }
        }
        throw new UsageException("--isolation: expected one of " + java.util.Arrays.stream(automl4j.execute.Isolation.values())
                .map(automl4j.execute.Isolation::label).toList() + ", but was '" + label + "'");
    }

    static Searcher resolveSearcher(String id) {
        try {
            return Searchers.forId(id);
        } catch (ConfigException e) {
            throw new UsageException("config key 'search.searcher': " + e.getMessage());
        }
    }

    static Metric resolveMetric(String name) {
        try {
            return Metrics.forName(name);
        } catch (ConfigException e) {
            throw new UsageException("config key 'metric': " + e.getMessage());
        }
    }

    /** Notes the first trial's start (the run has started for real) and prints what was kept of an earlier run then. */
    private static final class FirstTrial implements RunListener {
        private final PrintStream out;
        private volatile String message;
        private volatile boolean happened;

        FirstTrial(PrintStream out) {
            this.out = out;
        }

        /** Prints {@code line} (if not null) when the first trial starts. */
        void announce(String line) {
            this.message = line;
        }

        boolean happened() {
            return happened;
        }

        @Override
        public void trialStarted(Trial trial, double elapsedSeconds) {
            if (!happened) {
                happened = true;
                if (message != null) {
                    out.println(message);
                }
            }
        }
    }
}
