package automl4j.forecast.arima;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Forecasts whole collections of the pack with automatic ARIMA, for the benchmark (not a unit test: its name keeps
 * surefire from running it unless asked). Run niced, one at a time:
 * {@code nice -n 10 mvn -o -B -q test -pl forecasting -Dtest=ArimaCollectionBench -Darima.bench=m3-yearly,m3-other
 * -Dsurefire.failIfNoSpecifiedTests=false}; writes {@code target/arima-bench/COLLECTION_forecasts.csv} and {@code
 * _times.csv} in the protocol's formats (score them with the pack's {@code score.R}) and prints mean sMAPE, MASE and
 * milliseconds per series.
 */
class ArimaCollectionBench {
    private static final Map<String, int[]> COLLECTIONS = Map.of(
        "m3-yearly", new int[] {1, 6}, "m3-quarterly", new int[] {4, 8}, "m3-monthly", new int[] {12, 18},
        "m3-other", new int[] {1, 8}, "tourism-yearly", new int[] {1, 4}, "tourism-quarterly", new int[] {4, 8},
        "tourism-monthly", new int[] {12, 24});

    @Test
    @EnabledIfSystemProperty(named = "arima.bench", matches = ".+")
    void forecastCollections() throws IOException {
        assumeTrue(PackData.folder() != null, "forecasting pack absent");
        run(System.getProperty("arima.bench"), Paths.get("target", "arima-bench"));
    }

    /**
     * Runs the benchmark outside Maven (on a copy of the compiled classes, so that builds can go on meanwhile).
     *
     * @param args the collections, comma-separated, and the output folder
     * @throws IOException if the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        run(args[0], Paths.get(args[1]));
    }

    private static void run(String collections, Path out) throws IOException {
        Path pack = PackData.folder();
        Files.createDirectories(out);
        String framework = System.getProperty("arima.framework", "automl4j-arima");
        // -Darima.approximate=true ranks every series' candidates by the CSS approximation (an experiment)
        Boolean approximate = System.getProperty("arima.approximate") == null ? null
            : Boolean.valueOf(System.getProperty("arima.approximate"));
        for (String coll : collections.split(",")) {
            int m = COLLECTIONS.get(coll)[0];
            int h = COLLECTIONS.get(coll)[1];
            double smape = 0;
            double mase = 0;
            double seconds = 0;
            int count = 0;
            try (PrintWriter fc = new PrintWriter(Files.newBufferedWriter(out.resolve(coll + "_forecasts.csv"),
                     StandardCharsets.UTF_8));
                 PrintWriter tm = new PrintWriter(Files.newBufferedWriter(out.resolve(coll + "_times.csv"),
                     StandardCharsets.UTF_8))) {
                fc.println("framework,collection,series_id,step,forecast");
                tm.println("framework,collection,series_id,fit_seconds");
                for (PackData.Series s : PackData.read(pack, coll).values()) {
                    long t0 = System.nanoTime();
                    double[] f = (approximate == null ? ArimaForecaster.automatic().fit(s.train, m)
                        : AutoArima.fit(s.train, m, approximate || s.train.length > 150)).forecast(h);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    seconds += secs;
                    tm.printf(Locale.ROOT, "%s,%s,%s,%.6f%n", framework, coll, s.id, secs);
                    for (int i = 0; i < h; i++) {
                        fc.printf(Locale.ROOT, "%s,%s,%s,%d,%.10g%n", framework, coll, s.id, i + 1, f[i]);
                    }
                    smape += smape(s.test, f);
                    mase += mase(s.test, f, s.train, m);
                    count++;
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d series, sMAPE %.2f, MASE %.3f, %.1f ms per series%n", coll, count,
                smape / count, mase / count, 1000 * seconds / count);
        }
    }

    private static double smape(double[] y, double[] f) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double den = Math.abs(y[i]) + Math.abs(f[i]);
            s += den == 0 ? 0 : 200 * Math.abs(y[i] - f[i]) / den;
        }
        return s / y.length;
    }

    private static double mase(double[] y, double[] f, double[] x, int m) {
        int lag = x.length > m ? m : 1;
        double scale = 0;
        for (int i = lag; i < x.length; i++) {
            scale += Math.abs(x[i] - x[i - lag]);
        }
        scale /= x.length - lag;
        double e = 0;
        for (int i = 0; i < y.length; i++) {
            e += Math.abs(y[i] - f[i]);
        }
        return e / y.length / scale;
    }
}
