package automl4j.forecast;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import automl4j.forecast.pack.ForecastingPack;
import automl4j.forecast.pack.SeriesCollection;
import automl4j.forecast.pack.SharedFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The shared data the comparison tests read: the forecasting pack and the R baselines' forecasts and scores. Tests
 * that need them skip (JUnit assumptions) where they are absent. Loaded once per test JVM.
 */
public final class RBaselines {
    private static final String RESULTS = "shared/bench/forecasting/results";
    private static Map<String, double[]> forecasts;
    private static final Map<String, SeriesCollection> COLLECTIONS = new HashMap<>();

    private RBaselines() {
    }

    /**
     * The pack, or a skipped test.
     *
     * @return the pack
     */
    public static ForecastingPack pack() {
        Optional<Path> p = ForecastingPack.locate();
        assumeTrue(p.isPresent(), "the forecasting pack (shared/datasets/forecasting) is not here");
        return ForecastingPack.open(p.get());
    }

    /**
     * The R baselines' results folder, or a skipped test.
     *
     * @return the folder
     */
    public static Path results() {
        Optional<Path> p = SharedFolders.find("automl4j.forecasting.bench", RESULTS, "baselines_series.csv");
        assumeTrue(p.isPresent(), "the R baselines (" + RESULTS + ") are not here");
        return p.get();
    }

    /**
     * A collection of the pack, read once.
     *
     * @param name the collection's name
     * @return its series
     */
    public static synchronized SeriesCollection collection(String name) {
        ForecastingPack pack = pack();
        return COLLECTIONS.computeIfAbsent(name, n -> pack.load(pack.collection(n)));
    }

    /**
     * R's point forecasts of one framework for one series, as stored (10 significant digits).
     *
     * @param framework  the baseline, such as {@code theta}
     * @param collection the collection
     * @param seriesId   the series
     * @return the forecasts, or null where the file has none
     */
    public static synchronized double[] forecast(String framework, String collection, String seriesId) {
        if (forecasts == null) {
            forecasts = readForecasts(results().resolve("baselines_forecasts.csv.gz"));
        }
        return forecasts.get(framework + "," + collection + "," + seriesId);
    }

    /**
     * The rows of {@code baselines_series.csv}, each as its fields by column name.
     *
     * @return the rows, in file order
     */
    public static List<Map<String, String>> seriesScores() {
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(results().resolve("baselines_series.csv"))) {
            String[] header = r.readLine().split(",", -1);
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], f[i]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Map<String, double[]> readForecasts(Path file) {
        Map<String, List<Double>> lists = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                int c = line.lastIndexOf(',');
                int s = line.lastIndexOf(',', c - 1);
                List<Double> l = lists.computeIfAbsent(line.substring(0, s), k -> new ArrayList<>());
                int step = Integer.parseInt(line.substring(s + 1, c));
                if (step != l.size() + 1) {
                    throw new IllegalStateException("steps out of order in " + file + ": " + line);
                }
                l.add(Double.parseDouble(line.substring(c + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, double[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
