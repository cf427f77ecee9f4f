package automl4j.cli;

import automl4j.AutoMlModel;
import automl4j.DataException;
import automl4j.data.EncodedTarget;
import automl4j.data.TaskData;
import automl4j.datasets.DataFormatException;
import automl4j.datasets.TableFiles;
import automl4j.explain.HeldOutFits;
import automl4j.explain.HeldOutImportance;
import automl4j.export.ModelFileException;
import automl4j.journal.Journal;
import automl4j.journal.JournalEvent;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.learn.Labels;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.report.ReportData;
import automl4j.report.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/** {@code automl report DIR} and {@code automl report --model m.automl --data labelled.csv}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the HTML report of a run again, or of a model on new labelled data.",
                "automl report DIR rebuilds DIR/report.html from the files of a run folder (model.automl, journal.jsonl, "
                        + "importance.csv, heldout-predictions.csv, effective-config.yaml and the data it names), without "
                        + "refitting anything.",
                "automl report --model FILE --data FILE [--out report.html] reports a model on labelled rows it never saw: "
                        + "scores, diagnostics, permutation importance on those rows, SHAP values and partial dependence. "
                        + "The options --separator, --missing-values, --infinity and --decimal read the file as the config "
                        + "keys data.* read the training file."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "A run folder written by 'automl run' or 'automl demo'.")
    Path dir;

    @Option(names = "--model", description = "A model file written by 'automl run' or 'automl demo' (with --data).")
    Path model;

    @Option(names = "--data", description = "CSV or ARFF file of labelled rows: the input columns and the target column (with --model).")
    Path data;

    @Option(names = "--out", description = "Report file to write (default: DIR/report.html, or report.html).")
    Path out;

    @Option(names = "--seconds", defaultValue = "30", description = "Time for SHAP values and partial dependence, in seconds "
            + "(default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the row samples (default: ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    ReadOptionsMixin reading = new ReadOptionsMixin();

    @Override
    public Integer call() throws Exception {
        if ((dir == null) == (model == null) || (model != null) != (data != null)) {
            throw new UsageException("give either a run folder (automl report DIR) or --model FILE with --data FILE");
        }
        if (!(seconds > 0)) {
            throw new UsageException("--seconds must be > 0, but was " + seconds);
        }
        Path file = out != null ? out : dir != null ? dir.resolve(RunOutputs.REPORT_FILE) : Path.of(RunOutputs.REPORT_FILE);
        OutputPaths.checkFile(file, "--out");
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        RunReport.Inputs inputs = dir != null ? ofFolder(deadline) : ofModel(deadline);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        RunReport.write(inputs, file, seed, deadline);
        CommonOptions.out.printf(Locale.ROOT, "Wrote %s in %.1f s (%d KB)%n", file, (System.nanoTime() - t0) / 1e9, Files.size(file) / 1024);
        return ExitCodes.OK;
    }

    private static AutoMlModel load(Path file, String option) {
        try {
            return AutoMlModel.load(file);
        } catch (ModelFileException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** The report's inputs from a run folder. */
    private RunReport.Inputs ofFolder(long deadline) throws IOException {
        Path effective = dir.resolve(RunExecution.EFFECTIVE_CONFIG_FILE);
        for (Path needed : List.of(effective, dir.resolve(RunOutputs.MODEL_FILE), dir.resolve(RunExecution.JOURNAL_FILE))) {
            if (!Files.isRegularFile(needed)) {
                throw new UsageException("DIR " + dir + ": the folder must hold " + needed.getFileName() + " (written by automl run)");
            }
        }
        RunConfig c = ConfigFile.read(effective);
        AutoMlModel m = load(dir.resolve(RunOutputs.MODEL_FILE), "DIR");
        Table train = RunCommand.readChecked(c);
        Table testTable = RunCommand.readTest(c);
        TaskData test = testTable == null ? null : TaskData.of(testTable, c.target(), c.task(), c.test().getFileName().toString());
        Metric metric = Metrics.forName(m.info().getOrDefault("metric", Metrics.defaultFor(m.target().task()).name()));
        Journal journal = Journal.read(dir.resolve(RunExecution.JOURNAL_FILE));
        Map<Integer, Double> finishedAt = new HashMap<>();
        Leaderboard board = leaderboard(journal, metric, finishedAt);
        TrialResult best = board.rows().stream().filter(r -> String.valueOf(r.trial().id()).equals(m.info().get("trial")))
                .findFirst().orElse(null);
        Path importanceFile = dir.resolve("importance.csv");
        List<ReportData.Importance> importance = Files.isRegularFile(importanceFile) ? importance(importanceFile) : List.of();
        Path heldFile = dir.resolve(HeldOutPredictionsFile.FILE);
        RunReport.HeldRows held = test != null ? RunReport.testRows(m, test)
                : Files.isRegularFile(heldFile) ? HeldOutPredictionsFile.read(heldFile, m, train) : null;
        String testText = test == null ? null : String.format(Locale.ROOT, "%.5f on %d rows of %s", m.score(test.table(), metric),
                test.table().rowCount(), test.source());
        double elapsed = journal.end().map(JournalEvent.RunFinished::elapsedSeconds).orElse(journal.elapsedSeconds());
        return new RunReport.Inputs(c.train().getFileName().toString(), train, train.columnCount() - 1, m, board, finishedAt, best,
                m.info().getOrDefault("validation", "(unknown)"), elapsed, Double.NaN, guardrails(dir.resolve("guardrails.json")), importance,
                importance.isEmpty() ? "importance.csv is missing" : "held-out permutation importance, as the run measured it (importance.csv)",
                held, testText);
    }

    /** The report's inputs of a model on new labelled rows. */
    private RunReport.Inputs ofModel(long deadline) {
        AutoMlModel m = load(model, "--model");
        Table table = TableFiles.read(data, reading.toReadOptions());
        if (!table.columnNames().contains(m.target().name())) {
            throw new DataFormatException("--data " + data + ": the rows need the target column '" + m.target().name()
                    + "' to be scored; columns are " + table.columnNames());
        }
        TaskData labelled;
        RunReport.HeldRows held;
        try {
            labelled = TaskData.of(table, m.target().name()).withTask(m.target().task());
            held = RunReport.testRows(m, new TaskData(labelled.table(), labelled.targetName(), labelled.task(), data.getFileName().toString()));
        } catch (DataException | IllegalArgumentException e) {
            throw new DataFormatException("--data " + data + ": " + e.getMessage());
        }
        Metric metric = Metrics.forName(m.info().getOrDefault("metric", Metrics.defaultFor(m.target().task()).name()));
        HeldOutFits fits = HeldOutFits.ofModel(m.pipeline(), held.rows(), held.truth(), metric, "labelled rows of " + data.getFileName());
        // Half the time for importance, the rest for SHAP values and partial dependence.
        long half = System.nanoTime() + (deadline - System.nanoTime()) / 2;
        HeldOutImportance.Result importance = new HeldOutImportance(10, 2000).compute(fits, m.transform().inputColumns(), seed, half);
        String testText = String.format(Locale.ROOT, "%s %.5f on %d rows of %s", metric.name(), metric.score(held.truth(), held.predictions()),
                held.rows().rowCount(), data.getFileName());
        return new RunReport.Inputs(data.getFileName().toString(), table, table.columnCount() - 1, m, null, Map.of(), null, null,
                Double.NaN, Double.NaN, List.of(), RunReport.importances(importance), RunReport.importanceText(importance), held, testText);
    }

    /** The trials of a journal as a leaderboard, noting in {@code finishedAt} when each finished. */
    static Leaderboard leaderboard(Journal journal, Metric metric, Map<Integer, Double> finishedAt) {
        Map<Integer, Trial> proposed = new HashMap<>();
        List<TrialResult> results = new ArrayList<>();
        for (JournalEvent e : journal.events()) {
            if (e instanceof JournalEvent.TrialProposed p) {
                proposed.put(p.trial(), new Trial(p.trial(), p.config(), 0));
            } else if (e instanceof JournalEvent.TrialFinished f && proposed.containsKey(f.trial())) {
                results.add(new TrialResult(proposed.get(f.trial()), f.outcome()));
                finishedAt.put(f.trial(), f.elapsedSeconds());
            }
        }
        return new Leaderboard(metric, results);
    }

    /** The guardrails of guardrails.json as the report lists them ({@code status check: message}); none if the file is absent. */
    private static List<String> guardrails(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DataFormatException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
        for (com.fasterxml.jackson.databind.JsonNode g : root.path("guardrails")) {
            out.add(g.path("status").asText() + " " + g.path("check").asText() + ": " + g.path("message").asText());
        }
        return out;
    }

    /** importance.csv as the run wrote it ({@link HeldOutImportance.Result#toCsv}). */
    private static List<ReportData.Importance> importance(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<ReportData.Importance> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = automl4j.internal.CsvFields.split(lines.get(i));
            if (f.size() != 7) {
                throw new DataFormatException(file + " line " + (i + 1) + ": expected a column and 6 numbers, but found " + f.size() + " fields");
            }
            double[] v = new double[6];
            for (int k = 0; k < 6; k++) {
                try {
                    v[k] = Double.parseDouble(f.get(k + 1));
                } catch (NumberFormatException e) {
                    throw new DataFormatException(file + " line " + (i + 1) + ": expected a number, but found '" + f.get(k + 1) + "'");
                }
            }
            out.add(new ReportData.Importance(f.get(0), v[0], v[2], v[3], v[4]));
        }
        return out;
    }
}
