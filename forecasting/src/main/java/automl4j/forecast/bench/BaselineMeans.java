package automl4j.forecast.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The R baselines' per-series scores ({@code results/baselines_series.csv}), summed per collection and
 * framework so that the summary can put their means beside the engine's.
 */
final class BaselineMeans {
    /** Sums of one framework's scores over a group of series. */
    static final class Sums {
        int n;
        double smape;
        double mase;
        double cpuSeconds;
    }

    private final Map<String, Sums> byKey = new HashMap<>();

    private BaselineMeans() {
    }

    static BaselineMeans empty() {
        return new BaselineMeans();
    }

    static BaselineMeans read(Path file) throws IOException {
        BaselineMeans b = new BaselineMeans();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            List<String> header = List.of(r.readLine().split(",", -1));
            int fw = header.indexOf("framework");
            int coll = header.indexOf("collection");
            int smape = header.indexOf("smape");
            int mase = header.indexOf("mase");
            int cpu = header.indexOf("cpu_seconds");
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                Sums s = b.byKey.computeIfAbsent(f[coll] + "\t" + f[fw], k -> new Sums());
                s.n++;
                s.smape += Double.parseDouble(f[smape]);
                s.mase += Double.parseDouble(f[mase]);
                s.cpuSeconds += cpu >= 0 && !f[cpu].isEmpty() ? Double.parseDouble(f[cpu]) : Double.NaN;
            }
        }
        return b;
    }

    /** The sums of {@code framework} over the collections, or null if it lacks one of them. */
    Sums get(List<String> collections, String framework) {
        Sums total = new Sums();
        for (String c : collections) {
            Sums s = byKey.get(c + "\t" + framework);
            if (s == null) {
                return null;
            }
            total.n += s.n;
            total.smape += s.smape;
            total.mase += s.mase;
            total.cpuSeconds += s.cpuSeconds;
        }
        return total;
    }
}
