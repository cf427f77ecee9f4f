package automl4j.forecast.ets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared forecasting pack ({@code shared/datasets/forecasting}) for tests and measurements: found from the
 * system property {@code automl4j.forecasting.pack}, or by walking up from the working directory until an ancestor
 * has {@code shared/datasets/forecasting} beside it (or inside it). Absent on machines without the data.
 */
final class ForecastingPack {
    /** One series: its training part and its test horizon. */
    static final class Series {
        final String id;
        final double[] train;
        final double[] test;

        Series(String id, double[] train, double[] test) {
            this.id = id;
            this.train = train;
            this.test = test;
        }
    }

    private ForecastingPack() {
    }

    /** The pack's folder, or null when it cannot be found. */
    static Path locate() {
        String prop = System.getProperty("automl4j.forecasting.pack");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared/datasets/forecasting"),
                    dir.resolveSibling("shared/datasets/forecasting"))) {
                if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The series of one collection, in file order. */
    static Map<String, Series> read(Path pack, String collection) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(pack.resolve(collection + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                double split = f[4].equals("train") ? 0 : 1;
                rows.computeIfAbsent(f[0], k -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[3]), split});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Series> out = new LinkedHashMap<>();
        rows.forEach((id, r) -> {
            r.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] train = r.stream().filter(x -> x[2] == 0).mapToDouble(x -> x[1]).toArray();
            double[] test = r.stream().filter(x -> x[2] == 1).mapToDouble(x -> x[1]).toArray();
            out.put(id, new Series(id, train, test));
        });
        return out;
    }
}
