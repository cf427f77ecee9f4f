package automl4j.cli;

import automl4j.AutoMlRun;
import automl4j.DataException;
import automl4j.data.TaskData;
import automl4j.explain.HeldOutImportance;
import automl4j.internal.AtomicFiles;
import automl4j.metric.Metric;
import automl4j.report.RunReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Prints a finished run and writes its files into the output folder, each through {@link AtomicFiles}. */
final class RunOutputs {
    static final String MODEL_FILE = "model.automl";
    static final String REPORT_FILE = "report.html";

    private RunOutputs() {
    }

    /**
     * Scores the run on {@code test} (if given), measures held-out importance, writes the outputs and the report, each
     * step within its share of the time the command has left ({@link CommandClock}). Returns the run with its test
     * scores (the fitted run if there were no test rows, or they could not be scored).
     */
    static AutoMlRun write(AutoMlRun fitted, TaskData data, TaskData given, Metric metric, long seed, Path dir, String effectiveConfig,
                      PrintStream out, CommandClock clock) throws IOException {
        Files.createDirectories(dir);
        AutoMlRun run = fitted;
        TaskData test = given;
        if (test != null) {
            long t0 = System.nanoTime();
            try {
                run = fitted.withTestScores(test, clock.stepDeadlineNanos(0.25, 0.2));
                automl4j.leaderboard.Leaderboard board = run.leaderboard();
                out.printf(Locale.ROOT, "scored %d trials on the %d test rows in %.1f s (the exported model and the best trials, "
                                + "each refitted on all training rows)%n", board.rows().stream().filter(r -> board.testScore(r.trial().id()).isPresent()).count(),
                        test.table().rowCount(), (System.nanoTime() - t0) / 1e9);
            } catch (DataException | IllegalArgumentException e) {
                // The run's model is worth more than its test scores: say why they are missing and write everything else.
                out.println("warning: the test rows (data.test) could not be scored, so the outputs have no test scores: " + e.getMessage());
                test = null;
            }
        }
        out.println();
        out.println("Leaderboard (" + run.validation() + ", " + run.leaderboard().rows().size() + " trials, "
                + run.leaderboard().completedCount() + " completed, " + run.leaderboard().rows().stream()
                .filter(r -> r.outcome() instanceof automl4j.execute.TrialOutcome.Pruned).count() + " pruned early"
                + (test != null ? "; test: " + test.source() + ", " + test.table().rowCount() + " rows" : "") + "):");
        out.print(run.leaderboard().format(20));
        String fallback = run.best().info().get("fallback");
        if (fallback != null) {
            out.println("warning: no search trial completed within the budget; the model is a fallback: " + fallback);
        }
        java.util.OptionalDouble testScore = run.leaderboard().testScore(run.bestTrial().trial().id());
        out.printf(Locale.ROOT, "Best: trial %d %s, validation %s %.5f%s; refit on all rows in %.2f s; run took %.1f s%n",
                run.bestTrial().trial().id(), run.bestTrial().trial().config(), metric.name(),
                run.bestTrial().completed().score(), testScore.isPresent() ? String.format(Locale.ROOT, ", test %.5f", testScore.getAsDouble()) : "",
                run.refitSeconds(), run.elapsedSeconds());
        automl4j.AutoMlModel best = run.best();
        best.decisionThreshold().ifPresent(d -> out.printf(Locale.ROOT, "Decision threshold: '%s' when its probability is at "
                + "least %.4g (%s)%n", best.target().classes().get(1), d.threshold(), d.chosenFor()));
        AtomicFiles.writeString(dir.resolve("leaderboard.csv"), run.leaderboard().toCsv());
        Path model = dir.resolve(MODEL_FILE);
        run.best().exportTo(model);
        long t1 = System.nanoTime();
        HeldOutImportance.Result importance = importance(run, seed, clock.stepDeadlineNanos(0.55, 0.2), out);
        if (importance.splits() > 0) {
            out.printf(Locale.ROOT, "held-out importance: %d of %d splits, %d repeats, in %.1f s%n", importance.splits(),
                    importance.splitsAvailable(), importance.repeats(), (System.nanoTime() - t1) / 1e9);
        }
        AtomicFiles.writeString(dir.resolve("importance.csv"), importance.toCsv());
        HeldOutPredictionsFile.write(importance, run.best(), dir.resolve(HeldOutPredictionsFile.FILE));
        AtomicFiles.writeString(dir.resolve(RunExecution.EFFECTIVE_CONFIG_FILE), effectiveConfig);
        StringBuilder report = new StringBuilder();
        run.report().kinds().forEach((k, v) -> report.append("column '").append(k).append("': ").append(v).append('\n'));
        run.report().problems().forEach(p -> report.append(p).append('\n'));
        AtomicFiles.writeString(dir.resolve("data-report.txt"), report.toString());
        GuardrailsOutput.write(run.guardrails(), dir);
        GuardrailsOutput.print(run.guardrails(), out);
        printImportance(importance, out);
        String reportLine = writeReport(run, data, test, importance, dir.resolve(REPORT_FILE), clock, seed, out);
        out.println("Wrote " + model + ", leaderboard.csv, importance.csv, " + HeldOutPredictionsFile.FILE + ", data-report.txt, "
                + "guardrails.json, effective-config.yaml, " + reportLine + "journal.jsonl to " + dir);
        return run;
    }

    /** Held-out importance, or an empty result with the reason when measuring it failed (the run's outputs still come). */
    private static HeldOutImportance.Result importance(AutoMlRun run, long seed, long deadline, PrintStream out) {
        try {
            HeldOutImportance.Result r = run.importance(new HeldOutImportance(), seed, deadline);
            if (!r.note().isEmpty()) {
                out.println(r.note());
            }
            return r;
        } catch (RuntimeException e) {
            String why = "held-out importance failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); importance.csv is empty";
            out.println("warning: " + why);
            return new HeldOutImportance.Result(run.leaderboard().metric().name(), run.leaderboard().metric().higherIsBetter(),
                    run.validation(), List.of(), 0, run.heldOut().splits(), 0, 0, List.of(), why);
        }
    }

    private static void printImportance(HeldOutImportance.Result r, PrintStream out) {
        if (r.columns().isEmpty()) {
            return;
        }
        // A loss rises when a useful column is shuffled; a score falls. Say which, in the metric's own direction.
        out.printf(Locale.ROOT, "Top columns by permutation importance (%s %s when shuffled, on held-out rows of %d of %d splits "
                        + "of the %s, 95%% interval, p-value):%n", r.higherIsBetter() ? "drop in" : "rise in", r.metric(), r.splits(),
                r.splitsAvailable(), r.validation());
        r.columns().stream().limit(5).forEach(c -> out.printf(Locale.ROOT, "  %-24s %9.5f  [%9.5f, %9.5f]  p=%.3g%n", c.column(),
                c.mean(), c.lo(), c.hi(), c.pValue()));
    }

    /** Writes report.html; a failure is reported and costs the report only. Returns the file's name for the summary line. */
    private static String writeReport(AutoMlRun run, TaskData data, TaskData test, HeldOutImportance.Result importance, Path file,
                                      CommandClock clock, long seed, PrintStream out) {
        long t0 = System.nanoTime();
        try {
            RunReport.write(run, data, test, importance, file, seed, clock.stepDeadlineNanos(1.0, 0.5));
            out.printf(Locale.ROOT, "report %s written in %.1f s (%d KB)%n", file.getFileName(), (System.nanoTime() - t0) / 1e9,
                    Files.size(file) / 1024);
            return REPORT_FILE + ", ";
        } catch (IOException | RuntimeException e) {
            out.println("warning: the report could not be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return "";
        }
    }
}
