package automl4j.forecast.ets;

import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.Forecaster;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures our automatic ETS on whole collections of the forecasting pack, scored as the benchmark protocol says
 * (mean sMAPE and MASE over the test horizons), beside R's {@code ets} from {@code baselines_series.csv}; prints the
 * mean CPU and wall milliseconds per series (single thread) and the forms chosen, and writes the forecasts in the
 * protocol's {@code framework,collection,series_id,step,forecast} form to {@code target/} for {@code score.R}. Not a
 * unit test:
 * run it niced, from the module folder, with the test classpath:
 * <pre>
 *   nice -n 10 java -cp target/classes:target/test-classes:COMMONS_MATH_JAR automl4j.forecast.ets.EtsBench \
 *       m3-monthly m3-quarterly m3-yearly tourism-monthly [--wide | --local]
 * </pre>
 */
public final class EtsBench {
    private static final Map<String, int[]> PERIOD_AND_HORIZON = Map.of(
            "m3-yearly", new int[] {1, 6}, "m3-quarterly", new int[] {4, 8}, "m3-monthly", new int[] {12, 18},
            "m3-other", new int[] {1, 8}, "tourism-yearly", new int[] {1, 4}, "tourism-quarterly", new int[] {4, 8},
            "tourism-monthly", new int[] {12, 24});

    private EtsBench() {
    }

    /**
     * Runs the collections named.
     *
     * @param args collection names, and {@code --wide} or {@code --local} to force a likelihood search
     * @throws IOException if the pack or the baselines cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path pack = ForecastingPack.locate();
        if (pack == null) {
            throw new IllegalStateException("shared/datasets/forecasting not found");
        }
        Map<String, double[]> r = readBaselines(pack.resolve("../../bench/forecasting/results/baselines_series.csv"));
        Boolean wide = List.of(args).contains("--wide") ? Boolean.TRUE : List.of(args).contains("--local") ? Boolean.FALSE
                : null;
        Forecaster ets = new EtsForecaster().withWideSearch(wide);
        String framework = wide == null ? "automl4j-ets" : wide ? "automl4j-ets-wide" : "automl4j-ets-local";
        Files.createDirectories(Paths.get("target"));
        for (String collection : args) {
            if (collection.startsWith("--")) {
                continue;
            }
            int m = PERIOD_AND_HORIZON.get(collection)[0];
            int h = PERIOD_AND_HORIZON.get(collection)[1];
            Map<String, ForecastingPack.Series> series = ForecastingPack.read(pack, collection);
            warmUp(ets, series, m);
            double smape = 0;
            double mase = 0;
            double rSmape = 0;
            double rMase = 0;
            long nanos = 0;
            long cpuNanos = 0;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int better = 0;
            Map<String, Integer> forms = new TreeMap<>();
            Path out = Paths.get("target", framework + "-forecasts-" + collection + ".csv");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
                w.println("framework,collection,series_id,step,forecast");
                for (ForecastingPack.Series s : series.values()) {
                    long t0 = System.nanoTime();
                    long c0 = threads.getCurrentThreadCpuTime();
                    FittedForecaster fit = ets.fit(s.train, m);
                    double[] f = fit.forecast(h);
                    cpuNanos += threads.getCurrentThreadCpuTime() - c0;
                    nanos += System.nanoTime() - t0;
                    forms.merge(fit.description(), 1, Integer::sum);
                    for (int j = 0; j < h; j++) {
                        w.println(framework + "," + collection + "," + s.id + "," + (j + 1) + "," + f[j]);
                    }
                    double sm = smape(s.test, f);
                    double ms = mase(s.test, f, s.train, m);
                    smape += sm;
                    mase += ms;
                    double[] base = r.get(collection + "/" + s.id);
                    rSmape += base[0];
                    rMase += base[1];
                    if (ms < base[1] - 1e-9) {
                        better++;
                    }
                }
            }
            int n = series.size();
            System.out.printf("%-18s %4d series  ours sMAPE %.3f MASE %.4f | R ets sMAPE %.3f MASE %.4f | "
                            + "%.1f ms CPU/series (%.1f wall) | MASE better than R on %d, worse or equal on %d%n",
                    collection, n, smape / n, mase / n, rSmape / n, rMase / n, cpuNanos / 1e6 / n, nanos / 1e6 / n,
                    better, n - better);
            System.out.println("  forms: " + forms);
        }
    }

    /** Fits a few series first, so that the timing is of compiled code. */
    private static void warmUp(Forecaster ets, Map<String, ForecastingPack.Series> series, int m) {
        int k = 0;
        for (ForecastingPack.Series s : series.values()) {
            ets.fit(s.train, m);
            if (++k == 20) {
                return;
            }
        }
    }

    static double smape(double[] y, double[] f) {
        double sum = 0;
        for (int j = 0; j < y.length; j++) {
            double den = Math.abs(y[j]) + Math.abs(f[j]);
            sum += den == 0 ? 0 : 200 * Math.abs(y[j] - f[j]) / den;
        }
        return sum / y.length;
    }

    static double mase(double[] y, double[] f, double[] x, int m) {
        int lag = x.length <= m ? 1 : m;
        double scale = 0;
        for (int i = lag; i < x.length; i++) {
            scale += Math.abs(x[i] - x[i - lag]);
        }
        scale /= x.length - lag;
        double err = 0;
        for (int j = 0; j < y.length; j++) {
            err += Math.abs(y[j] - f[j]);
        }
        return err / y.length / scale;
    }

    private static Map<String, double[]> readBaselines(Path file) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        int fw = List.of(header).indexOf("framework");
        int col = List.of(header).indexOf("collection");
        int id = List.of(header).indexOf("series_id");
        int sm = List.of(header).indexOf("smape");
        int ma = List.of(header).indexOf("mase");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[fw].equals("ets")) {
                out.put(f[col] + "/" + f[id], new double[] {Double.parseDouble(f[sm]), Double.parseDouble(f[ma])});
            }
        }
        return out;
    }
}
