package automl4j.cli;

import automl4j.forecast.bench.SearchBenchmark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code automl bench --suite .../forecasting/manifest.json --out results.csv}: the forecasting pack run by
 * {@code bench/forecasting/PROTOCOL.md} (a local run: the forecasting search on each collection's training parts),
 * writing the protocol's results file, the forecasts file that {@code score.R} scores and the search report beside it.
 */
final class ForecastBench {
    private ForecastBench() {
    }

    /** Whether {@code suite} is the forecasting pack's manifest (a list of collections) rather than a suite.json. */
    static boolean isForecastingManifest(Path suite) {
        if (!Files.isRegularFile(suite)) {
            return false;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(suite.toFile());
            return root != null && root.path("collections").isArray();
        } catch (IOException e) {
            return false;
        }
    }

    static int run(Path manifest, Path out, List<String> collections, List<String> models, int cores, String framework,
                   PrintStream print)
            throws IOException {
        if (cores < 1) {
            throw new UsageException("--cores must be >= 1, but was " + cores);
        }
        Map<String, String> options = new LinkedHashMap<>();
        Path pack = manifest.getParent() == null ? Path.of(".") : manifest.getParent();   // as given: reports name no machine path
        options.put("pack", pack.toString());
        options.put("threads", Integer.toString(cores));
        options.put("framework", framework);
        if (models != null) {
            options.put("models", String.join(",", models));
        }
        if (collections != null) {
            options.put("collections", String.join(",", collections));
        }
        OutputPaths.checkFile(out, "--out");
        try {
            SearchBenchmark.run(options, out, print, print);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
        return ExitCodes.OK;
    }
}
