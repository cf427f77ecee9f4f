package automl4j.cli;

import automl4j.AutoMlRun;
import automl4j.data.TaskData;
import automl4j.journal.DataFingerprint;
import automl4j.metric.Metric;
import automl4j.registry.ModelRegistry;
import automl4j.registry.ModelVersion;
import automl4j.registry.RegistryException;
import automl4j.registry.RunRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Records a finished {@code automl run} in its registry (config keys {@code registry.path} and {@code registry.model},
 * or {@code --registry} and {@code --register}) and registers its model as a new version.
 */
final class RunRegistration {
    private RunRegistration() {
    }

    /**
     * Records the run with its validation and test scores, every metric of the model on the test rows, the effective
     * config, the data fingerprint (as the journal has it), the journal's and output folder's paths and the model file's
     * checksum; then registers model.automl if the config names a model.
     */
    static void completed(ModelRegistry registry, RunConfig config, AutoMlRun run, TaskData data, TaskData test, Metric metric,
                          String effective, Instant started, PrintStream out) throws IOException {
        Path model = config.output().resolve(RunOutputs.MODEL_FILE);
        Map<String, Double> metrics = new LinkedHashMap<>();
        double validation = run.bestTrial().completed().score();
        metrics.put("validation_" + metric.name(), validation);
        OptionalDouble testScore = run.leaderboard().testScore(run.bestTrial().trial().id());
        if (testScore.isPresent() && test != null) {
            try {
                run.best().evaluate(test.table()).forEach((k, v) -> metrics.put("test_" + k, v));
            } catch (RuntimeException e) {
                metrics.put("test_" + metric.name(), testScore.getAsDouble());   // the run's own score at least
            }
        }
        String status = run.best().info().containsKey("fallback") ? "fallback" : "completed";
        RunRecord record = base(config, data, metric, effective, started).status(status).validationScore(validation)
                .testScore(testScore.isPresent() ? testScore.getAsDouble() : null).metrics(metrics)
                .modelChecksum(ModelRegistry.checksum(model)).build();
        announce(registry, registry.recordRun(record), config.model(), model, out);
    }

    /** Registers {@code model} as a new version of {@code name} for run {@code id} (unless no name is given) and says so. */
    static void announce(ModelRegistry registry, long id, String name, Path model, PrintStream out) {
        if (name == null) {
            out.println("Recorded run " + id + " in " + registry.database());
            return;
        }
        ModelVersion v = registry.register(name, model, id);
        out.println("Recorded run " + id + " and registered its model as " + name + " version " + v.version()
                + " (stage " + v.stage().label() + ") in " + registry.database());
    }

    /** Records a run that failed, with what is known of it; a registry that fails too does not hide the run's error. */
    static void failed(ModelRegistry registry, RunConfig config, TaskData data, Metric metric, String effective, Instant started,
                       Exception cause) {
        try {
            registry.recordRun(base(config, data, metric, effective, started).status("failed").build());
        } catch (RegistryException e) {
            cause.addSuppressed(e);
        }
    }

    private static RunRecord.Builder base(RunConfig config, TaskData data, Metric metric, String effective, Instant started) {
        return RunRecord.builder().started(started).finished(Instant.now()).task(data.task().label()).target(data.targetName())
                .metric(metric.name(), metric.higherIsBetter()).config(effective).dataFingerprint(DataFingerprint.of(data))
                .outputFolder(config.output().toAbsolutePath().normalize().toString())
                .journalPath(config.output().resolve(RunExecution.JOURNAL_FILE).toAbsolutePath().normalize().toString());
    }
}
