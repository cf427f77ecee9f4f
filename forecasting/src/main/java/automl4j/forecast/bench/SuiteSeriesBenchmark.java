package automl4j.forecast.bench;

import automl4j.forecast.AutoForecast;
import automl4j.forecast.ForecastRun;
import automl4j.forecast.Forecasters;
import automl4j.forecast.metric.ForecastMetrics;
import automl4j.forecast.pack.SharedFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The forecasting series of the public suite ({@code ../shared/datasets/suite.json}, task {@code forecasting}), each
 * held out as {@code bench/results/issue20/suite-series-baselines.R} holds them out for R's baselines: the last 12
 * values of a monthly series, the last 28 of a daily one. {@link AutoForecast} with its defaults fits the rest; the
 * forecasts are scored with MASE (seasonal period 12 or 7) and sMAPE. Prints a markdown table.
 *
 * <p>Options: {@code --suite FILE} (default: found in {@code ../shared/datasets}), {@code --models ID,ID},
 * {@code --threads N}.
 */
public final class SuiteSeriesBenchmark {
    private SuiteSeriesBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path suite = null;
        List<String> models = Forecasters.defaults();
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--suite" -> suite = Path.of(args[i + 1]);
                case "--models" -> models = List.of(args[i + 1].split(","));
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (suite == null) {
            suite = SharedFolders.find("automl4j.suite", "shared/datasets", "suite.json").map(p -> p.resolve("suite.json"))
                    .orElseThrow(() -> new IllegalStateException("suite.json not found; give --suite FILE"));
        }
        JsonNode root = new ObjectMapper().readTree(suite.toFile());
        System.out.println("| dataset | horizon | sMAPE | MASE | seconds | ensemble |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (JsonNode d : root.path("datasets")) {
            if (!d.path("task").asText().equals("forecasting")) {
                continue;
            }
            Path file = suite.getParent().resolve(d.path("file").asText());
            Table all = Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).columnTypesToDetect(
                    List.of(tech.tablesaw.api.ColumnType.STRING, tech.tablesaw.api.ColumnType.DOUBLE)));
            String time = d.path("time_column").asText();
            String target = d.path("target").asText();
            boolean daily = all.stringColumn(time).get(0).length() == 10;
            int h = daily ? 28 : 12;
            int m = daily ? 7 : 12;
            int n = all.rowCount();
            Table train = all.inRange(0, n - h);
            double[] x = train.numberColumn(target).asDoubleArray();
            double[] y = all.inRange(n - h, n).numberColumn(target).asDoubleArray();
            List<automl4j.forecast.model.Forecaster> candidates = new ArrayList<>();
            models.forEach(id -> candidates.add(Forecasters.byId(id.trim())));
            long t0 = System.nanoTime();
            ForecastRun run = AutoForecast.builder().timeColumn(time).target(target).horizon(h).seasonalPeriod(m)
                    .candidates(candidates, List.of()).threads(threads).build().fit(train, file.getFileName().toString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] f = run.outcome().forecasts().get(0).point();
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.3f | %.1f | %s |%n", d.path("name").asText(), h,
                    ForecastMetrics.smape(y, f), ForecastMetrics.mase(y, f, x, m), seconds, run.outcome().weights());
        }
    }
}
