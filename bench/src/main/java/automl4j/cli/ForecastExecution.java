package automl4j.cli;

import automl4j.datasets.TableFiles;
import automl4j.forecast.AutoForecast;
import automl4j.forecast.ForecastRun;
import automl4j.forecast.Forecasters;
import automl4j.forecast.series.CovariateColumns;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.search.CandidateScore;
import automl4j.forecast.search.ForecastOutcome;
import automl4j.internal.AtomicFiles;
import automl4j.registry.ModelRegistry;
import automl4j.registry.RegistryException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Runs a forecasting config ({@code data.task: forecasting}) and writes its output folder: {@code model.automl} (the
 * forecast model), {@code forecast.csv} (every series' forecast after its end, with intervals), {@code leaderboard.csv}
 * (the candidates' backtest scores and ensemble weights), {@code report.md}, {@code report.html} (the same with a chart of
 * each of the first series' history, forecast and intervals) and {@code effective-config.yaml}.
 */
final class ForecastExecution {
    static final String FORECAST_FILE = "forecast.csv";
    static final String LEADERBOARD_FILE = "leaderboard.csv";
    static final String REPORT_FILE = "report.md";
    static final String HTML_REPORT_FILE = "report.html";

    private ForecastExecution() {
    }

    static void execute(ForecastConfig c, PrintStream out) throws IOException {
        execute(c, null, out);
    }

    /**
     * Runs the config, recording the run in {@code registry}'s database (and registering its model) when it is not null:
     * the registry is opened before the search, so that one that cannot be opened costs no time, and a run that fails
     * is recorded as failed.
     */
    static void execute(ForecastConfig c, ForecastRegistration.Target registry, PrintStream out) throws IOException {
        OutputPaths.checkFolder(c.output(), "config key 'output'");
        java.time.Instant started = java.time.Instant.now();
        String effective = effective(c);
        ModelRegistry db = registry == null ? null : ModelRegistry.open(registry.database());
        try {
            ForecastRun run = run(c, out);
            if (db != null) {
                ForecastRegistration.completed(db, registry, c, run, effective, started, out);
            }
        } catch (RuntimeException | IOException e) {
            if (db != null && !(e instanceof RegistryException)) {
                ForecastRegistration.failed(db, c, effective, started, e);
            }
            throw e;
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    private static ForecastRun run(ForecastConfig c, PrintStream out) throws IOException {
        if (!Files.isRegularFile(c.train())) {
            throw new UsageException("config key 'data.train': " + c.train() + " is not a file");
        }
        Table table = TableFiles.read(c.train(), c.read());
        List<Forecaster> models = new ArrayList<>();
        List<GlobalForecaster> globals = new ArrayList<>();
        for (String id : c.models()) {
            if (Forecasters.isGlobal(id)) {
                globals.add(Forecasters.globalById(id));
            } else {
                models.add(Forecasters.byId(id));
            }
        }
        AutoForecast.Builder b = AutoForecast.builder().timeColumn(c.timeColumn()).seriesId(c.idColumns().toArray(String[]::new))
                .target(c.target()).horizon(c.horizon()).frequency(c.frequency()).gapFill(c.fill()).levels(c.levels())
                .quantiles(c.quantiles()).candidates(models, globals).lookup(Forecasters.lookup()).ensemble(c.ensemble())
                .budget(c.budget()).seed(c.seed()).progress(line -> out.println("  " + line))
                .covariates(new CovariateColumns(c.known(), c.observed())).metric(c.metric());
        if (c.period() > 0) {
            b.seasonalPeriod(c.period());
        }
        if (c.origins() > 0) {
            b.origins(c.origins());
        }
        if (c.step() > 0) {
            b.step(c.step());
        }
        if (c.cores() > 0) {
            b.threads(c.cores());
        }
        String source = c.train().getFileName().toString();
        out.println("Forecasting " + c.target() + " in " + source + ", " + c.horizon() + " periods ahead, with " + c.models());
        Table future = null;
        if (c.future() != null) {
            if (!Files.isRegularFile(c.future())) {
                throw new UsageException("config key 'forecast.future': " + c.future() + " is not a file");
            }
            future = TableFiles.read(c.future(), c.read());
        }
        ForecastRun run = b.build().fit(table, source, future, c.future() == null ? null : c.future().getFileName().toString());
        Path dir = c.output();
        Files.createDirectories(dir);
        run.model().save(dir.resolve(RunOutputs.MODEL_FILE));
        run.forecast().writeCsv(dir.resolve(FORECAST_FILE));
        AtomicFiles.writeString(dir.resolve(LEADERBOARD_FILE), leaderboardCsv(run.outcome()));
        AtomicFiles.writeString(dir.resolve(REPORT_FILE), report(c, run));
        AtomicFiles.writeString(dir.resolve(HTML_REPORT_FILE), ForecastHtmlReport.html(c, run));
        AtomicFiles.writeString(dir.resolve(RunExecution.EFFECTIVE_CONFIG_FILE), effective(c));
        out.println();
        print(run, out);
        out.println();
        out.println("Wrote " + dir.resolve(RunOutputs.MODEL_FILE) + ", " + FORECAST_FILE + " (" + run.forecast().rows().size()
                + " rows), " + LEADERBOARD_FILE + ", " + REPORT_FILE + ", " + HTML_REPORT_FILE + " and "
                + RunExecution.EFFECTIVE_CONFIG_FILE);
        return run;
    }

    private static void print(ForecastRun run, PrintStream out) {
        ForecastOutcome o = run.outcome();
        TextTable t = new TextTable("RANK>", "MODEL", "BACKTEST MASE>", "BACKTEST SMAPE>", "MAE>", "RMSE>", "WINDOWS>",
                "FALLBACKS>", "SECONDS>", "WEIGHT>", "STATUS");
        int rank = 1;
        for (CandidateScore s : o.leaderboard()) {
            t.row(rank++, s.id(), fmt(s.mase(), 4), fmt(s.smape(), 2), fmt(s.mae(), 4), fmt(s.rmse(), 4), s.windows(),
                    s.fallbacks(), fmt(s.seconds(), 1), fmt(s.weight(), 2), s.status());
        }
        t.print(out);
        out.printf(Locale.ROOT, "Ensemble %s (minimising %s): backtest MASE %.4f, sMAPE %.2f, %s %.4f, over %d series in %.1f s%n",
                weights(o.weights()), o.metric().label(), o.ensembleMase(), o.ensembleSmape(), o.metric().label(),
                o.ensembleScore(), o.forecasts().size(), o.seconds());
        if (!o.backtestCoverage().isEmpty()) {
            out.println("Interval coverage to expect (cross-fitted on the backtests): " + coverage(o));
        }
        run.report().forEach(line -> out.println("Note: " + line));
    }

    /** The expected coverage of each interval level, for people: {@code 80 % intervals 81.2 %, ...}. */
    static String coverage(ForecastOutcome o) {
        List<String> parts = new ArrayList<>();
        o.backtestCoverage().forEach((level, c) -> parts.add(String.format(Locale.ROOT, "%.0f %% intervals %.1f %%", 100 * level,
                100 * c)));
        return String.join(", ", parts);
    }

    /** Ensemble weights for people: {@code ets 0.40, theta 0.60}. */
    static String weights(Map<String, Double> w) {
        List<String> parts = new ArrayList<>();
        w.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.2f", k, v)));
        return String.join(", ", parts);
    }

    private static String fmt(double v, int digits) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String leaderboardCsv(ForecastOutcome o) {
        StringBuilder b = new StringBuilder("rank,model,backtest_mase,backtest_smape,backtest_mae,backtest_rmse,windows,"
                + "fallbacks,seconds,weight,status,first_failure\n");
        int rank = 1;
        for (CandidateScore s : o.leaderboard()) {
            b.append(rank++).append(',').append(s.id()).append(',').append(fmt(s.mase(), 6)).append(',')
                    .append(fmt(s.smape(), 4)).append(',').append(fmt(s.mae(), 6)).append(',').append(fmt(s.rmse(), 6)).append(',')
                    .append(s.windows()).append(',').append(s.fallbacks()).append(',')
                    .append(fmt(s.seconds(), 3)).append(',').append(fmt(s.weight(), 4)).append(',').append(csv(s.status()))
                    .append(',').append(s.firstFailure() == null ? "" : csv(s.firstFailure())).append('\n');
        }
        return b.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String report(ForecastConfig c, ForecastRun run) {
        ForecastOutcome o = run.outcome();
        StringBuilder b = new StringBuilder("# Forecast of " + c.target() + "\n\n");
        b.append(String.format(Locale.ROOT, "%d series from %s, frequency %s, %d periods ahead. Ensemble: %s. Backtest MASE "
                        + "%.4f, sMAPE %.2f (optimistic: the weights were chosen on the same windows).%n%n", o.forecasts().size(),
                c.train().getFileName(), run.series().axis().frequency().label(), c.horizon(), weights(o.weights()),
                o.ensembleMase(), o.ensembleSmape()));
        b.append("## Data\n\n");
        if (run.report().isEmpty()) {
            b.append("No problem found.\n");
        }
        run.report().forEach(line -> b.append("- ").append(line).append('\n'));
        b.append("\n## Leaderboard (rolling-origin backtests, ranked by " + o.metric().label() + ")\n\n| rank | model | MASE | "
                + "sMAPE | MAE | RMSE | windows | fallbacks | seconds | weight | status |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        int rank = 1;
        for (CandidateScore s : o.leaderboard()) {
            b.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %d | %d | %s | %s | %s |%n", rank++, s.id(),
                    fmt(s.mase(), 4), fmt(s.smape(), 2), fmt(s.mae(), 4), fmt(s.rmse(), 4), s.windows(), s.fallbacks(),
                    fmt(s.seconds(), 1), fmt(s.weight(), 2), s.status()));
        }
        b.append("\n## Intervals\n\nSplit-conformal, from the ensemble's backtest errors scaled by each series' MASE scale, "
                + "pooled over series per horizon step: ");
        b.append(o.intervals().errors(1)).append(" errors per step.\n");
        if (!o.backtestCoverage().isEmpty()) {
            b.append("Coverage to expect, when each series' backtest errors are checked against intervals calibrated on other "
                    + "series' errors: ").append(coverage(o)).append(".\n");
        }
        return b.toString();
    }

    private static String effective(ForecastConfig c) throws IOException {
        ObjectMapper y = ConfigFile.yaml();
        ObjectNode root = y.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("train", c.train().toString());
        data.put("target", c.target());
        data.put("task", ForecastConfig.TASK);
        data.put("separator", String.valueOf(c.read().effectiveSeparator()));
        c.read().missingValues().forEach(data.putArray("missing_values")::add);
        data.put("infinity", c.read().infinityAsMissing() ? "missing" : "error");
        data.put("decimal", String.valueOf(c.read().decimal()));
        ObjectNode f = root.putObject("forecast");
        f.put("time_column", c.timeColumn());
        c.idColumns().forEach(f.putArray("series_id")::add);
        f.put("horizon", c.horizon());
        if (c.frequency() != null) {
            f.put("frequency", c.frequency().label());
        } else {
            f.putNull("frequency");
        }
        if (c.period() > 0) {
            f.put("seasonal_period", c.period());
        } else {
            f.putNull("seasonal_period");
        }
        f.put("gap_fill", c.fill().label());
        for (double l : c.levels()) {
            f.withArray("levels").add(l);
        }
        for (double q : c.quantiles()) {
            f.withArray("quantiles").add(q);
        }
        c.models().forEach(f.putArray("models")::add);
        f.put("metric", c.metric().label());
        ObjectNode cov = f.putObject("covariates");
        c.known().forEach(cov.putArray("known")::add);
        c.observed().forEach(cov.putArray("observed")::add);
        if (c.future() != null) {
            f.put("future", c.future().toString());
        }
        f.put("ensemble", c.ensemble().name().toLowerCase(Locale.ROOT));
        ObjectNode bt = f.putObject("backtest");
        if (c.origins() > 0) {
            bt.put("origins", c.origins());
        }
        if (c.step() > 0) {
            bt.put("step", c.step());
        }
        if (c.budget() != null) {
            root.putObject("budget").put("seconds", c.budget().toNanos() / 1e9);
        }
        if (c.cores() > 0) {
            root.put("cores", c.cores());
        }
        root.putObject("search").put("seed", c.seed());
        root.put("output", c.output().toAbsolutePath().normalize().toString());
        return y.writeValueAsString(root);
    }
}
