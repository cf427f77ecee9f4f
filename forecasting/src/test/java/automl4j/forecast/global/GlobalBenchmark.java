package automl4j.forecast.global;

import automl4j.forecast.model.GlobalForecaster.FittedGlobal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The "global" run of the forecasting benchmark protocol ({@code shared/bench/forecasting/PROTOCOL.md}): one model per
 * collection fitted on every series' training part, the horizon forecast, sMAPE and MASE per series. Not a unit test
 * (its name does not end in Test, so only {@code -Dtest=GlobalBenchmark} runs it), and it runs only when
 * {@code -Dglobal.forecasters=ID[:STRATEGY[:MAX_ROWS[:TARGET[:NAME=VALUE...]]]],...} names what to measure (such as
 * {@code global-lightgbm}, or {@code global-xgboost:direct:200000:ratio:n_estimators=300:deseasonalize=false}); {@code -Dglobal.collections}
 * picks collections (all seven by default). Series shorter than the model's minimum length get the seasonal naive
 * forecast (as the protocol asks of every engine) and are counted. Writes
 * {@code target/global-bench/NAME_series.csv} and prints one line per collection.
 */
class GlobalBenchmark {
    private static final String[] COLLECTIONS = {"m3-yearly", "m3-quarterly", "m3-monthly", "m3-other", "tourism-yearly",
        "tourism-quarterly", "tourism-monthly"};
    private static final int[] PERIODS = {1, 4, 12, 1, 1, 4, 12};
    private static final int[] HORIZONS = {6, 8, 18, 8, 4, 8, 24};

    @Test
    void run() throws IOException {
        String names = System.getProperty("global.forecasters");
        Path folder = PackCollection.folder();
        Assumptions.assumeTrue(names != null && folder != null, "set -Dglobal.forecasters and have the pack");
        measureAll(names, folder);
    }

    /**
     * Runs the benchmark outside JUnit, with the same system properties (quicker to repeat than a Maven build).
     *
     * @param args unused
     * @throws IOException if the pack cannot be read or the results written
     */
    public static void main(String[] args) throws IOException {
        measureAll(System.getProperty("global.forecasters", "global-lightgbm"), PackCollection.folder());
    }

    private static void measureAll(String names, Path folder) throws IOException {
        List<String> chosen = List.of(System.getProperty("global.collections", String.join(",", COLLECTIONS)).split(","));
        int threads = Integer.getInteger("global.threads", 2);
        Path out = Path.of("target/global-bench");
        Files.createDirectories(out);
        for (String spec : names.split(",")) {
            String[] parts = spec.split(":");
            LearnedGlobalForecaster g = LearnedGlobalForecaster.byId(parts[0]);
            if (parts.length > 1) {
                g = g.withStrategy(Strategy.of(parts[1]));
            }
            if (parts.length > 2) {
                g = g.withMaxRows(Integer.parseInt(parts[2]));
            }
            if (parts.length > 3) {
                g = g.withTarget(TargetScale.of(parts[3]));
            }
            for (int k = 4; k < parts.length; k++) {
                String[] kv = parts[k].split("=");
                if (kv[0].equals("deseasonalize")) {
                    g = g.withDeseasonalize(Boolean.parseBoolean(kv[1]));
                    continue;
                }
                g = g.withConfig(java.util.Map.of(kv[0], kv[1].contains(".") ? (Object) Double.valueOf(kv[1]) : Integer.valueOf(kv[1])));
            }
            String framework = "automl4j-" + spec.replace(':', '-').replace("=", "") + "-global";
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(framework + "_series.csv"), StandardCharsets.UTF_8))) {
                w.println("framework,collection,series_id,horizon,smape,mase,fit_seconds,status");
                for (int c = 0; c < COLLECTIONS.length; c++) {
                    if (chosen.contains(COLLECTIONS[c])) {
                        measure(g, framework, PackCollection.read(folder, COLLECTIONS[c]), PERIODS[c], HORIZONS[c], threads, w);
                    }
                }
            }
        }
    }

    private static void measure(LearnedGlobalForecaster g, String framework, PackCollection data, int m, int h, int threads,
                                PrintWriter w) {
        long start = System.nanoTime();
        FittedGlobal model = g.fit(data.train(), m, h, 1, threads);
        long fitted = System.nanoTime();
        List<double[]> forecasts = new ArrayList<>();
        int fallbacks = 0;
        for (double[] x : data.train()) {
            if (x.length >= g.minLength(m)) {
                forecasts.add(model.forecast(x, h));
            } else {
                forecasts.add(seasonalNaive(x, m, h));
                fallbacks++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double smape = 0;
        double mase = 0;
        int n = data.ids().size();
        for (int i = 0; i < n; i++) {
            double[] x = data.train().get(i);
            double s = smape(data.test().get(i), forecasts.get(i));
            double q = mase(x, data.test().get(i), forecasts.get(i), m);
            smape += s;
            mase += q;
            boolean fellBack = x.length < g.minLength(m);
            w.printf(Locale.ROOT, "%s,%s,%s,%d,%.10g,%.10g,%.6g,%s%n", framework, data.name(), data.ids().get(i), h, s, q, seconds / n,
                    fellBack ? "fallback-snaive: shorter than " + g.minLength(m) : "ok");
        }
        System.out.printf(Locale.ROOT, "%-40s %-18s series %5d fallback %4d sMAPE %7.3f MASE %6.3f fit %6.1f s forecast %5.1f s | %s%n",
                framework, data.name(), n, fallbacks, smape / n, mase / n, (fitted - start) / 1e9, (System.nanoTime() - fitted) / 1e9,
                model.description());
    }

    static double[] seasonalNaive(double[] x, int m, int h) {
        double[] f = new double[h];
        int lag = x.length >= m ? m : 1;
        for (int s = 0; s < h; s++) {
            f[s] = x[x.length - lag + (s % lag)];
        }
        return f;
    }

    static double smape(double[] y, double[] f) {
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double d = Math.abs(y[t]) + Math.abs(f[t]);
            sum += d == 0 ? 0 : Math.abs(y[t] - f[t]) / d;
        }
        return 200 * sum / y.length;
    }

    static double mase(double[] x, double[] y, double[] f, int m) {
        double scale = 0;
        for (int i = m; i < x.length; i++) {
            scale += Math.abs(x[i] - x[i - m]);
        }
        scale /= x.length - m;
        double mae = 0;
        for (int t = 0; t < y.length; t++) {
            mae += Math.abs(y[t] - f[t]);
        }
        return mae / y.length / scale;
    }
}
