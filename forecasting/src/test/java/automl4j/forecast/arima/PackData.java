package automl4j.forecast.arima;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The forecasting pack ({@code shared/datasets/forecasting}) for tests: found beside an ancestor, or absent. */
final class PackData {
    private PackData() {
    }

    /** One series: its training values and test values. */
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

    /**
     * The pack folder: the system property {@code forecasting.pack}, or {@code shared/datasets/forecasting} beside the
     * working directory or one of its ancestors.
     *
     * @return the folder, or null when there is none
     */
    static Path folder() {
        String prop = System.getProperty("forecasting.pack");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared").resolve("datasets").resolve("forecasting");
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        return null;
    }

    /**
     * A collection's series in file order.
     *
     * @param folder     the pack folder
     * @param collection the collection name, e.g. {@code m3-monthly}
     * @return the series by id
     */
    static Map<String, Series> read(Path folder, String collection) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(folder.resolve(collection + ".csv"), StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                rows.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[3]), "train".equals(f[4]) ? 1 : 0});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Series> out = new LinkedHashMap<>();
        rows.forEach((id, r) -> {
            r.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] train = r.stream().filter(v -> v[2] == 1).mapToDouble(v -> v[1]).toArray();
            double[] test = r.stream().filter(v -> v[2] == 0).mapToDouble(v -> v[1]).toArray();
            out.put(id, new Series(id, train, test));
        });
        return out;
    }
}
