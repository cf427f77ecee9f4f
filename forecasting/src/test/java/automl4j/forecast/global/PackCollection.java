package automl4j.forecast.global;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One collection of the forecasting pack ({@code shared/datasets/forecasting/NAME.csv}, long rows
 * {@code series_id,t,date,value,split}) read into each series' training and test values: a small reader for the
 * global benchmark (the pack reader of the main code is written elsewhere).
 *
 * @param name   the collection
 * @param ids    the series ids, in file order
 * @param train  each series' training values
 * @param test   each series' test values
 */
record PackCollection(String name, List<String> ids, List<double[]> train, List<double[]> test) {
    /**
     * The folder of the pack: the {@code pack.dir} system property, or {@code shared/datasets/forecasting} beside the
     * working directory or one of its ancestors; null if there is none.
     *
     * @return the folder, or null
     */
    static Path folder() {
        String given = System.getProperty("pack.dir");
        if (given != null) {
            return Path.of(given);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/datasets/forecasting");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Reads a collection; rows are assumed ordered by series and {@code t}, as the pack writes them.
     *
     * @param folder the pack folder
     * @param name   the collection
     * @return the collection
     * @throws IOException if the file cannot be read
     */
    static PackCollection read(Path folder, String name) throws IOException {
        Map<String, List<Double>> train = new LinkedHashMap<>();
        Map<String, List<Double>> test = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(folder.resolve(name + ".csv"), StandardCharsets.UTF_8)) {
            String line = in.readLine();
            while ((line = in.readLine()) != null) {
                String[] c = line.split(",", -1);
                train.computeIfAbsent(c[0], k -> new ArrayList<>());
                test.computeIfAbsent(c[0], k -> new ArrayList<>());
                (c[4].equals("train") ? train : test).get(c[0]).add(Double.parseDouble(c[3]));
            }
        }
        List<String> ids = new ArrayList<>(train.keySet());
        return new PackCollection(name, ids, ids.stream().map(id -> values(train.get(id))).toList(),
                ids.stream().map(id -> values(test.get(id))).toList());
    }

    private static double[] values(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
