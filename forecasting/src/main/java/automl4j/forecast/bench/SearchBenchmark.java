package automl4j.forecast.bench;

import automl4j.forecast.Forecasters;
import automl4j.forecast.interval.PredictionInterval;
import automl4j.forecast.metric.ForecastMetrics;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.pack.CollectionInfo;
import automl4j.forecast.pack.ForecastingPack;
import automl4j.forecast.pack.Series;
import automl4j.forecast.pack.SeriesCollection;
import automl4j.forecast.pack.SharedFolders;
import automl4j.forecast.search.CandidateScore;
import automl4j.forecast.search.EnsembleScope;
import automl4j.forecast.search.ForecastOutcome;
import automl4j.forecast.search.ForecastSearch;
import automl4j.forecast.search.SeriesForecast;
import automl4j.forecast.series.SeriesHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the forecasting search ({@link ForecastSearch}: backtests, ensemble, intervals) on collections of the forecasting
 * pack as {@code bench/forecasting/PROTOCOL.md} says: each collection searched on its series' training parts only, its
 * forecasts scored on the test horizons. Writes the protocol's results and forecasts files, a markdown file with each
 * collection's leaderboard, ensemble and interval coverage, and prints the summary beside the R baselines.
 *
 * <p>Options: {@code --models ID,ID} (candidates, local and global, default {@link Forecasters#defaults()}; with a global
 * one the framework's name ends in {@code -global}, as the protocol asks), {@code --collections},
 * {@code --threads N}, {@code --origins N}, {@code --step N}, {@code --ensemble collection|series|best},
 * {@code --rounds N}, {@code --framework NAME} (default {@code automl4j}), {@code --out PREFIX}, {@code --pack DIR},
 * {@code --baselines FILE}.
 */
public final class SearchBenchmark {
    private SearchBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> o = options(args);
        String out = o.getOrDefault("out", o.getOrDefault("framework", "automl4j"));
        run(o, Path.of(out + "_series.csv"), System.out, System.err);
    }

    /**
     * Runs the benchmark with options as {@code main} takes them (without the leading dashes; {@code out} is ignored)
     * and writes the results file {@code results}, the forecasts file {@code NAME_forecasts.csv} and the search report
     * {@code NAME_search.md} beside it ({@code NAME}: the results file's name without {@code .csv} and
     * {@code _series}).
     *
     * @param o       the options
     * @param results the results file to write
     * @param stdout  where the summary table goes
     * @param err     where progress goes
     * @throws IOException if a file cannot be read or written
     * @throws IllegalArgumentException for a bad option, an unknown model or collection
     */
    public static void run(Map<String, String> o, Path results, PrintStream stdout, PrintStream err) throws IOException {
        List<String> models = o.containsKey("models") ? List.of(o.get("models").split(",")) : Forecasters.defaults();
        List<Forecaster> candidates = new ArrayList<>();
        List<GlobalForecaster> globals = new ArrayList<>();
        for (String id : models) {
            if (Forecasters.isGlobal(id.trim())) {
                globals.add(Forecasters.globalById(id.trim()));
            } else {
                candidates.add(Forecasters.byId(id.trim()));
            }
        }
        int threads = Integer.parseInt(o.getOrDefault("threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        String framework = o.getOrDefault("framework", globals.isEmpty() ? "automl4j" : "automl4j-global");
        if (!globals.isEmpty() && !framework.endsWith("-global")) {
            // the protocol: a run with a model learned across series says so in its name
            framework = framework + "-global";
        }
        String stem = results.getFileName().toString().replaceFirst("\\.csv$", "").replaceFirst("_series$", "");
        Path folder = results.toAbsolutePath().getParent();
        Path packDir = o.containsKey("pack") ? Path.of(o.get("pack")) : ForecastingPack.locate().orElseThrow(
                () -> new IllegalStateException("the forecasting pack was not found; give --pack DIR"));
        ForecastingPack pack = ForecastingPack.open(packDir);
        Path baselineFile = o.containsKey("baselines") ? Path.of(o.get("baselines"))
                : SharedFolders.find("automl4j.forecasting.bench", "shared/bench/forecasting/results", "baselines_series.csv")
                .map(p -> p.resolve("baselines_series.csv")).orElse(null);
        BaselineMeans baselines = baselineFile != null ? BaselineMeans.read(baselineFile) : BaselineMeans.empty();
        List<CollectionInfo> infos = new ArrayList<>();
        if (o.containsKey("collections")) {
            for (String c : o.get("collections").split(",")) {
                infos.add(pack.collection(c.trim()));
            }
        } else {
            infos.addAll(pack.collections());
        }
        List<SeriesOutcome> outcomes = new ArrayList<>();
        StringBuilder md = new StringBuilder("# Forecast search on the forecasting pack\n\nFramework `" + framework
                + "`, candidates " + models + ", options " + o + ".\n");
        for (CollectionInfo info : infos) {
            SeriesCollection coll = pack.load(info);
            List<SeriesHistory> histories = new ArrayList<>();
            coll.series().forEach(s -> histories.add(new SeriesHistory(s.id(), s.train())));
            ForecastSearch.Builder b = ForecastSearch.builder(info.horizon(), info.period()).candidates(candidates).globals(globals)
                    .threads(threads).progress(line -> err.println(info.name() + " " + line));
            if (o.containsKey("origins")) {
                b.origins(Integer.parseInt(o.get("origins")));
            }
            if (o.containsKey("step")) {
                b.step(Integer.parseInt(o.get("step")));
            }
            if (o.containsKey("ensemble")) {
                b.ensemble(EnsembleScope.parse(o.get("ensemble")));
            }
            if (o.containsKey("rounds")) {
                b.rounds(Integer.parseInt(o.get("rounds")));
            }
            long cpu0 = cpuNanos();
            ForecastOutcome result = b.build().run(histories);
            double cpuPerSeries = (cpuNanos() - cpu0) / 1e9 / coll.series().size();
            double wallPerSeries = result.seconds() / coll.series().size();
            int[][] inside = new int[2][];
            double[] levels = ForecastSearch.DEFAULT_LEVELS;
            inside[0] = new int[levels.length];
            int points = 0;
            for (int s = 0; s < coll.series().size(); s++) {
                Series series = coll.series().get(s);
                SeriesForecast f = result.forecasts().get(s);
                double[] point = f.point();
                double smape = ForecastMetrics.smape(series.test(), point);
                double mase = ForecastMetrics.mase(series.test(), point, series.train(), info.period());
                outcomes.add(new SeriesOutcome(framework, info.name(), series.id(), point, smape, mase, wallPerSeries,
                        cpuPerSeries, f.status().startsWith("fallback") ? f.status() : "ok"));
                for (int l = 0; l < f.intervals().size(); l++) {
                    PredictionInterval p = f.intervals().get(l);
                    for (int j = 0; j < point.length; j++) {
                        double y = series.test()[j];
                        if (y >= p.lower()[j] && y <= p.upper()[j]) {
                            inside[0][l]++;
                        }
                    }
                }
                points += point.length;
            }
            md.append("\n## ").append(info.name()).append("\n\n");
            md.append(String.format(Locale.ROOT, "%d series, %.1f s wall, %.3f CPU s per series; ensemble %s; backtest MASE "
                    + "%.4f, sMAPE %.2f; series without a backtest window: %d.%n%n", coll.series().size(), result.seconds(),
                    cpuPerSeries, result.weights(), result.ensembleMase(), result.ensembleSmape(), result.seriesWithoutWindows()));
            for (int l = 0; l < levels.length; l++) {
                Double estimate = result.backtestCoverage().get(levels[l]);
                md.append(String.format(Locale.ROOT, "- %.0f %% intervals: coverage %.1f %% of %d test values (the backtests "
                        + "estimated %s)%n", levels[l] * 100, 100.0 * inside[0][l] / points, points,
                        estimate == null ? "nothing" : String.format(Locale.ROOT, "%.1f %%", 100 * estimate)));
            }
            md.append("\n| candidate | backtest MASE | backtest sMAPE | windows | fallbacks | seconds | status | weight |\n");
            md.append("|---|---:|---:|---:|---:|---:|---|---:|\n");
            for (CandidateScore c : result.leaderboard()) {
                md.append(String.format(Locale.ROOT, "| %s | %.4f | %.2f | %d | %d | %.1f | %s | %.2f |%n", c.id(), c.mase(),
                        c.smape(), c.windows(), c.fallbacks(), c.seconds(), c.status(), c.weight()));
            }
            err.printf(Locale.ROOT, "%s: %d series in %.1f s, ensemble %s%n", info.name(), coll.series().size(),
                    result.seconds(), result.weights());
        }
        write(results, folder.resolve(stem + "_forecasts.csv"), outcomes);
        Files.writeString(folder.resolve(stem + "_search.md"), md.toString(), StandardCharsets.UTF_8);
        err.println("wrote " + results + ", " + stem + "_forecasts.csv and " + stem + "_search.md");
        List<String> names = new ArrayList<>();
        infos.forEach(i -> names.add(i.name()));
        Summary.print(stdout, names, List.of(framework), "", outcomes, baselines, fw -> null);
    }

    /** CPU time of the whole process (every thread, the JIT and the collector too), in nanoseconds. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, but found " + Arrays.toString(args));
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static void write(Path results, Path forecasts, List<SeriesOutcome> outcomes) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(results, StandardCharsets.UTF_8))) {
            w.println("framework,collection,series_id,horizon,smape,mase,fit_seconds,status,cpu_seconds");
            for (SeriesOutcome o : outcomes) {
                w.println(String.join(",", o.framework, o.collection, o.seriesId, String.valueOf(o.forecast.length),
                        LocalBenchmark.significant(o.smape, 12), LocalBenchmark.significant(o.mase, 12),
                        LocalBenchmark.significant(o.fitSeconds, 4), o.status, LocalBenchmark.significant(o.cpuSeconds, 4)));
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(forecasts, StandardCharsets.UTF_8))) {
            w.println("framework,collection,series_id,step,forecast");
            for (SeriesOutcome o : outcomes) {
                for (int j = 0; j < o.forecast.length; j++) {
                    w.println(o.framework + "," + o.collection + "," + o.seriesId + "," + (j + 1) + ","
                            + LocalBenchmark.significant(o.forecast[j], 10));
                }
            }
        }
    }
}
