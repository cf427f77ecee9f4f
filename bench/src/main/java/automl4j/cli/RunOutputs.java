package automl4j.cli;

import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.explain.Explanation;
import automl4j.explainers.PermutationImportance;
import automl4j.internal.AtomicFiles;
import automl4j.metric.Metric;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Prints a finished run and writes its files into the output folder, each through {@link AtomicFiles}. */
final class RunOutputs {
    static final String MODEL_FILE = "model.automl";

    private RunOutputs() {
    }

    static void write(AutoMlRun run, TaskData data, Metric metric, long seed, Path dir, String effectiveConfig, PrintStream out,
                      CommandClock clock) throws IOException {
        Files.createDirectories(dir);
        out.println();
        out.println("Leaderboard (" + run.validation() + ", " + run.leaderboard().rows().size() + " trials, "
                + run.leaderboard().completedCount() + " completed, " + run.leaderboard().rows().stream()
                .filter(r -> r.outcome() instanceof automl4j.execute.TrialOutcome.Pruned).count() + " pruned early):");
        out.print(run.leaderboard().format(20));
        String fallback = run.best().info().get("fallback");
        if (fallback != null) {
            out.println("warning: no search trial completed within the budget; the model is a fallback: " + fallback);
        }
        out.printf(Locale.ROOT, "Best: trial %d %s, validation %s %.5f; refit on all rows in %.2f s; run took %.1f s%n",
                run.bestTrial().trial().id(), run.bestTrial().trial().config(), metric.name(),
                run.bestTrial().completed().score(), run.refitSeconds(), run.elapsedSeconds());
        AtomicFiles.writeString(dir.resolve("leaderboard.csv"), run.leaderboard().toCsv());
        Path model = dir.resolve(MODEL_FILE);
        run.best().exportTo(model);
        PermutationImportance.Outcome explained = new PermutationImportance().explainWithin(run.best(), data, metric, seed,
                clock.importanceDeadlineNanos(0.2));
        Explanation importance = explained.explanation();
        if (explained.cut()) {
            out.println(explained.describe());
        }
        AtomicFiles.writeString(dir.resolve("importance.csv"), importance.toCsv());
        AtomicFiles.writeString(dir.resolve(RunExecution.EFFECTIVE_CONFIG_FILE), effectiveConfig);
        StringBuilder report = new StringBuilder();
        run.report().kinds().forEach((k, v) -> report.append("column '").append(k).append("': ").append(v).append('\n'));
        run.report().problems().forEach(p -> report.append(p).append('\n'));
        AtomicFiles.writeString(dir.resolve("data-report.txt"), report.toString());
        GuardrailsOutput.write(run.guardrails(), dir);
        GuardrailsOutput.print(run.guardrails(), out);
        // A loss rises when a useful column is shuffled; a score falls. Say which, in the metric's own direction.
        out.println("Top columns by permutation importance (" + (metric.higherIsBetter() ? "drop in " : "rise in ") + metric.name()
                + " when shuffled, on the training rows):");
        importance.columns().stream().limit(5).forEach(c -> out.printf(Locale.ROOT, "  %-24s %.5f%n", c.column(), c.importance()));
        out.println("Wrote " + model + ", leaderboard.csv, importance.csv, data-report.txt, guardrails.json, effective-config.yaml and journal.jsonl to "
                + dir);
    }
}
