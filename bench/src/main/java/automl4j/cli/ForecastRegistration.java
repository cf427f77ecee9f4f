package automl4j.cli;

import automl4j.forecast.ForecastRun;
import automl4j.forecast.search.ForecastOutcome;
import automl4j.registry.ModelRegistry;
import automl4j.registry.RegistryException;
import automl4j.registry.RunRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a forecasting run in the model registry, as {@link RunRegistration} records a tabular one: its backtest
 * scores (the validation score is the ensemble's backtest score in the search's metric; every candidate metric and the
 * cross-fitted interval coverage are metrics), the effective config, the training file's SHA-256 as the data
 * fingerprint, the output folder and the model file's checksum; then registers model.automl if a name is given.
 * Forecasting runs keep no journal.
 */
final class ForecastRegistration {
    private ForecastRegistration() {
    }

    /** Where the run is recorded, and the name its model is registered under (null: recorded only). */
    record Target(Path database, String model) {
    }

    static void completed(ModelRegistry registry, Target target, ForecastConfig c, ForecastRun run, String effective,
                          Instant started, PrintStream out) throws IOException {
        ForecastOutcome o = run.outcome();
        Path model = c.output().resolve(RunOutputs.MODEL_FILE);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("backtest_mase", o.ensembleMase());
        metrics.put("backtest_smape", o.ensembleSmape());
        metrics.put("backtest_" + o.metric().label(), o.ensembleScore());
        o.backtestCoverage().forEach((level, v) -> metrics.put("backtest_coverage_" + Math.round(100 * level), v));
        RunRecord record = base(c, effective, started).status("completed").validationScore(o.ensembleScore())
                .metrics(metrics).modelChecksum(ModelRegistry.checksum(model)).build();
        RunRegistration.announce(registry, registry.recordRun(record), target.model(), model, out);
    }

    /** Records a run that failed; a registry that fails too does not hide the run's error. */
    static void failed(ModelRegistry registry, ForecastConfig c, String effective, Instant started, Exception cause) {
        try {
            registry.recordRun(base(c, effective, started).status("failed").build());
        } catch (RegistryException | IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static RunRecord.Builder base(ForecastConfig c, String effective, Instant started) throws IOException {
        return RunRecord.builder().started(started).finished(Instant.now()).task(ForecastConfig.TASK).target(c.target())
                .metric(c.metric().label(), false).config(effective).dataFingerprint(ModelRegistry.checksum(c.train()))
                .outputFolder(c.output().toAbsolutePath().normalize().toString());
    }
}
