package automl4j.forecast.bench;

import automl4j.forecast.Forecasters;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.pack.CollectionInfo;
import automl4j.forecast.pack.ForecastingPack;
import automl4j.forecast.pack.Series;
import automl4j.forecast.pack.SeriesCollection;
import automl4j.forecast.pack.SharedFolders;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs per-series forecasters over collections of the forecasting pack as {@code bench/forecasting/PROTOCOL.md}
 * says (local runs: each series' training part fitted on its own, a failure scored with the seasonal naive forecast)
 * and writes the protocol's results file and a forecasts file, then prints a summary beside the R baselines.
 *
 * <p>Series run in parallel on {@code --threads} threads; the output is in the pack's order whatever the thread
 * count, and every forecaster is deterministic, so a run gives the same files (times aside) on 1 thread or 16.
 */
public final class LocalBenchmark {
    private LocalBenchmark() {
    }

    /**
     * Runs the benchmark; {@code --help}-style usage in {@link BenchmarkOptions#USAGE}.
     *
     * @param args the options
     * @throws IOException          if a file cannot be read or written
     * @throws InterruptedException if interrupted while waiting for the series
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options
     * @param out  where the summary table goes
     * @param err  where bad options and progress are reported
     * @return the exit status: 0, or 2 for bad options
     * @throws IOException          if a file cannot be read or written
     * @throws InterruptedException if interrupted while waiting for the series
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        BenchmarkOptions opt;
        try {
            opt = BenchmarkOptions.parse(args);
            for (String id : opt.idsToFit()) {
                Forecasters.byId(id);
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Path packDir = opt.pack() != null ? opt.pack() : ForecastingPack.locate().orElseThrow(
                () -> new IllegalStateException("the forecasting pack was not found; give --pack DIR"));
        ForecastingPack pack = ForecastingPack.open(packDir);
        Path baselineFile = opt.baselines() != null ? opt.baselines()
                : SharedFolders.find("automl4j.forecasting.bench", "shared/bench/forecasting/results",
                        "baselines_series.csv").map(p -> p.resolve("baselines_series.csv")).orElse(null);
        BaselineMeans baselines = baselineFile != null ? BaselineMeans.read(baselineFile) : BaselineMeans.empty();

        List<CollectionInfo> infos = new ArrayList<>();
        if (opt.collections().isEmpty()) {
            infos.addAll(pack.collections());
        } else {
            opt.collections().forEach(c -> infos.add(pack.collection(c)));
        }
        List<String> frameworks = new ArrayList<>(opt.forecasters());
        if (!opt.comb().isEmpty()) {
            frameworks.add("comb");
        }
        List<SeriesOutcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(opt.threads());
        try {
            for (CollectionInfo info : infos) {
                long t0 = System.nanoTime();
                SeriesCollection coll = pack.load(info);
                List<Future<List<SeriesOutcome>>> futures = new ArrayList<>();
                for (Series s : coll.series()) {
                    futures.add(pool.submit(() -> runSeries(opt, info, s)));
                }
                for (Future<List<SeriesOutcome>> f : futures) {
                    outcomes.addAll(f.get());
                }
                err.printf("%-18s %5d series in %6.1f s%n", info.name(), coll.series().size(),
                        (System.nanoTime() - t0) / 1e9);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a series run failed outside its forecaster", e.getCause());
        } finally {
            pool.shutdown();
        }
        write(opt, outcomes, err);
        List<String> names = new ArrayList<>();
        infos.forEach(i -> names.add(i.name()));
        // R's comb is the mean of ets, arima and theta: only a comb of the same members is compared with it
        boolean sameComb = opt.comb().size() == 3 && opt.comb().containsAll(List.of("ets", "arima", "theta"));
        Summary.print(out, names, frameworks, opt.frameworkPrefix(), outcomes, baselines,
                fw -> fw.equals("comb") && !sameComb ? null : fw);
        return 0;
    }

    private static List<SeriesOutcome> runSeries(BenchmarkOptions opt, CollectionInfo info, Series s) {
        List<SeriesOutcome> fitted = new ArrayList<>();
        for (String id : opt.idsToFit()) {
            Forecaster f = Forecasters.byId(id);
            fitted.add(SeriesRunner.run(opt.frameworkPrefix() + id, f, info.name(), s, info.period(), info.horizon()));
        }
        List<SeriesOutcome> out = new ArrayList<>(fitted.subList(0, opt.forecasters().size()));
        if (!opt.comb().isEmpty()) {
            List<SeriesOutcome> members = new ArrayList<>();
            for (String id : opt.comb()) {
                members.add(fitted.get(opt.idsToFit().indexOf(id)));
            }
            out.add(SeriesRunner.combine(opt.frameworkPrefix() + "comb", info.name(), s, info.period(), members));
        }
        return out;
    }

    /**
     * {@code v} to {@code digits} significant digits, as the R baselines write their numbers (forecasts to 10, scores
     * to 12); empty for NaN, which R reads as NA.
     */
    static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    private static void write(BenchmarkOptions opt, List<SeriesOutcome> outcomes, PrintStream err)
            throws IOException {
        Path series = Path.of(opt.out() + "_series.csv");
        Path forecasts = Path.of(opt.out() + "_forecasts.csv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(series, StandardCharsets.UTF_8))) {
            w.println("framework,collection,series_id,horizon,smape,mase,fit_seconds,status,cpu_seconds");
            for (SeriesOutcome o : outcomes) {
                w.println(String.join(",", o.framework, o.collection, o.seriesId, String.valueOf(o.forecast.length),
                        significant(o.smape, 12), significant(o.mase, 12), significant(o.fitSeconds, 4), o.status,
                        significant(o.cpuSeconds, 4)));
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(forecasts, StandardCharsets.UTF_8))) {
            w.println("framework,collection,series_id,step,forecast");
            for (SeriesOutcome o : outcomes) {
                for (int j = 0; j < o.forecast.length; j++) {
                    w.println(o.framework + "," + o.collection + "," + o.seriesId + "," + (j + 1) + ","
                            + significant(o.forecast[j], 10));
                }
            }
        }
        err.println("wrote " + series + " and " + forecasts);
    }
}
