package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code automl run} with {@code data.task: forecasting}, then {@code automl predict} with the forecast model it wrote,
 * on a small table of three seasonal monthly series; and the errors the issue lists.
 */
class ForecastCliTest {
    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    /** Three stores, {@code months} months from 2018-01, with trend and a yearly season. */
    private static String sales(int months) {
        StringBuilder b = new StringBuilder("store,month,sales\n");
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < months; t++) {
                double v = 100 + 20 * s + 0.8 * t + 15 * Math.sin(2 * Math.PI * t / 12) + ((t * 7 + s * 3) % 5);
                b.append("S").append(s).append(',').append(String.format(Locale.ROOT, "%04d-%02d", 2018 + t / 12, t % 12 + 1))
                        .append(',').append(String.format(Locale.ROOT, "%.2f", v)).append('\n');
            }
        }
        return b.toString();
    }

    private static final String CONFIG = "data:\n  train: sales.csv\n  target: sales\n  task: forecasting\nforecast:\n"
            + "  time_column: month\n  series_id: store\n  horizon: 6\n  quantiles: [0.5]\n"
            + "  models: [naive, snaive, theta]\ncores: 1\noutput: out\n";

    @Test
    void aForecastingRunWritesItsModelAndForecastsAndPredictForecastsFromANewHistory() throws Exception {
        h.file("sales.csv", sales(48));
        CliHarness.Result r = h.run(CONFIG);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Forecasting sales in sales.csv, 6 periods ahead").contains("BACKTEST MASE")
                .contains("Interval coverage to expect (cross-fitted on the backtests): 80 % intervals")
                .contains("Ensemble ");
        Path out = dir.resolve("out");
        for (String f : List.of("model.automl", "forecast.csv", "leaderboard.csv", "report.md", "report.html",
                "effective-config.yaml")) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>Leaderboard (rolling-origin backtests, ranked by mase)")
                .contains("<td>theta</td>").contains("Interval coverage to expect");
        assertThat(html.split("<svg", -1)).as("a chart per series").hasSize(1 + 3);
        assertThat(html).contains("2022-01: forecast ").contains("2021-12: ");
        List<String> forecast = Files.readAllLines(out.resolve("forecast.csv"));
        assertThat(forecast.get(0)).isEqualTo("store,month,step,forecast,lower_80,upper_80,lower_95,upper_95,q0.5");
        assertThat(forecast).hasSize(1 + 18);
        assertThat(forecast.get(1)).startsWith("S0,2022-01,1,");
        assertThat(Files.readString(out.resolve("leaderboard.csv"))).startsWith("rank,model,backtest_mase").contains("theta");

        h.file("later.csv", sales(50));
        CliHarness.Result p = h.cli("predict", "--model", out.resolve("model.automl").toString(), "--data",
                dir.resolve("later.csv").toString(), "--out", dir.resolve("pred.csv").toString());
        assertThat(p.code()).as(p.err()).isZero();
        List<String> pred = Files.readAllLines(dir.resolve("pred.csv"));
        assertThat(pred).hasSize(1 + 18);
        assertThat(pred.get(1)).startsWith("S0,2022-03,1,");
        assertThat(p.out()).contains("Wrote 18 forecasts (6 periods ahead) of 3 series");
    }

    @Test
    void badInputGetsItsExitCodeAndNamesWhatIsWrong() throws Exception {
        h.file("sales.csv", sales(48).replace("S1,2018-03,", "S1,2018-3x,"));
        CliHarness.Result badTime = h.run(CONFIG);
        assertThat(badTime.code()).isEqualTo(ExitCodes.DATA);
        assertThat(badTime.err()).contains("sales.csv, row").contains("column 'month'").contains("2018-3x");

        h.file("sales.csv", sales(48));
        CliHarness.Result noTime = h.run(CONFIG.replace("time_column: month", "time_column: when"));
        assertThat(noTime.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTime.err()).contains("the time column 'when' is not in sales.csv");

        CliHarness.Result noId = h.run(CONFIG.replace("series_id: store", "series_id: shop"));
        assertThat(noId.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noId.err()).contains("the series id column 'shop' is not in sales.csv");

        CliHarness.Result zero = h.run(CONFIG.replace("horizon: 6", "horizon: 0"));
        assertThat(zero.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("config key 'forecast.horizon' must be >= 1, but was 0");

        CliHarness.Result tabularKey = h.run(CONFIG + "search:\n  learners: [xgboost]\n");
        assertThat(tabularKey.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(tabularKey.err()).contains("config key 'search.learners' is not used by forecasting runs");

        CliHarness.Result unknownModel = h.run(CONFIG.replace("[naive, snaive, theta]", "[naive, prophet]"));
        assertThat(unknownModel.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownModel.err()).contains("forecaster 'prophet' is unknown");

        h.file("dup.csv", sales(48) + "S0,2018-05,1.0\n");
        CliHarness.Result dup = h.run(CONFIG.replace("train: sales.csv", "train: dup.csv"));
        assertThat(dup.code()).isEqualTo(ExitCodes.DATA);
        assertThat(dup.err()).contains("series 'S0' has two rows for time 2018-05");
    }

    @Test
    void aGlobalModelNamedInTheConfigIsSearchedSavedAndForecastsANewHistory() throws Exception {
        h.file("sales.csv", sales(48));
        CliHarness.Result r = h.run(CONFIG.replace("[naive, snaive, theta]", "[snaive, global-lightgbm]"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/leaderboard.csv"))).contains("global-lightgbm");
        h.file("later.csv", sales(50));
        CliHarness.Result p = h.cli("predict", "--model", dir.resolve("out/model.automl").toString(), "--data",
                dir.resolve("later.csv").toString(), "--out", dir.resolve("pred.csv").toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("pred.csv"))).hasSize(1 + 18);
    }

    /** {@link #sales} with a promotion column (every fifth month of a store) that lifts sales by half. */
    private static String promoted(int months, int from, int to) {
        StringBuilder b = new StringBuilder("store,month,promo,sales\n");
        String[] lines = sales(months).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",");
            int t = (i - 1) % months;
            if (t < from || t >= to) {
                continue;
            }
            int promo = (t + i / months) % 5 == 0 ? 1 : 0;
            double v = Double.parseDouble(c[2]) * (1 + 0.5 * promo);
            b.append(c[0]).append(',').append(c[1]).append(',').append(promo).append(',')
                    .append(t < 48 ? String.format(Locale.ROOT, "%.2f", v) : "").append('\n');
        }
        return b.toString();
    }

    @Test
    void knownCovariatesComeFromTheFutureFileAtTrainingAndWithPredictFuture() throws Exception {
        h.file("sales.csv", promoted(48, 0, 48));
        h.file("future.csv", promoted(54, 48, 54).replace(",\n", "\n").replace("promo,sales", "promo"));
        String config = CONFIG.replace("[naive, snaive, theta]", "[snaive, global-lightgbm]").replace("  quantiles: [0.5]\n",
                "  quantiles: [0.5]\n  covariates:\n    known: [promo]\n  future: future.csv\n");
        CliHarness.Result r = h.run(config);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/effective-config.yaml"))).contains("known:").contains("- \"promo\"");

        CliHarness.Result missing = h.run(config.replace("  future: future.csv\n", ""));
        assertThat(missing.code()).isEqualTo(ExitCodes.DATA);
        assertThat(missing.err()).contains("series 'S0' has no value of the known covariate 'promo' for time 2022-01");

        CliHarness.Result p = h.cli("predict", "--model", dir.resolve("out/model.automl").toString(), "--data",
                dir.resolve("sales.csv").toString(), "--future", dir.resolve("future.csv").toString(), "--out",
                dir.resolve("pred.csv").toString());
        assertThat(p.code()).as(p.err()).isZero();
        List<String> pred = Files.readAllLines(dir.resolve("pred.csv"));
        List<String> fit = Files.readAllLines(dir.resolve("out/forecast.csv"));
        assertThat(pred).hasSize(1 + 18);
        assertThat(pred.get(1).split(",")[3]).isEqualTo(fit.get(1).split(",")[3]);

        CliHarness.Result noFuture = h.cli("predict", "--model", dir.resolve("out/model.automl").toString(), "--data",
                dir.resolve("sales.csv").toString(), "--out", dir.resolve("pred2.csv").toString());
        assertThat(noFuture.code()).isEqualTo(ExitCodes.DATA);
        assertThat(noFuture.out()).contains("without --future");
        assertThat(noFuture.err()).contains("known covariate 'promo'");
    }

    @Test
    void aForecastingRunIsRecordedInTheRegistryAndItsModelRegisteredButNotServed() throws Exception {
        h.file("sales.csv", sales(48));
        Path db = dir.resolve("registry.db");
        Path config = h.file("run.yaml", CONFIG);
        CliHarness.Result r = h.cli("run", "--config", config.toString(), "--registry", db.toString(), "--register", "sales");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Recorded run 1 and registered its model as sales version 1 (stage none)");
        try (automl4j.registry.ModelRegistry registry = automl4j.registry.ModelRegistry.open(db)) {
            automl4j.registry.RunRecord run = registry.run(1).record();
            assertThat(run.task()).isEqualTo("forecasting");
            assertThat(run.metric()).isEqualTo("mase");
            assertThat(run.metrics()).containsKeys("backtest_mase", "backtest_smape", "backtest_coverage_80");
            assertThat(run.validationScore()).isEqualTo(run.metrics().get("backtest_mase"));
            assertThat(run.dataFingerprint()).isEqualTo(automl4j.registry.ModelRegistry.checksum(dir.resolve("sales.csv")));
        }
        CliHarness.Result again = h.cli("models", "register", "copy", dir.resolve("out/model.automl").toString(), "--registry",
                db.toString());
        assertThat(again.code()).as(again.err()).isZero();
        CliHarness.Result serve = h.cli("serve", "--model", dir.resolve("out/model.automl").toString());
        assertThat(serve.code()).isNotZero();
        assertThat(serve.err()).contains("is a forecast model").contains("automl predict");
    }

    @Test
    void predictRefusesAHistoryEndingBeforeTheTrainingData() throws Exception {
        h.file("sales.csv", sales(48));
        assertThat(h.run(CONFIG).code()).isZero();
        h.file("old.csv", sales(40));
        CliHarness.Result p = h.cli("predict", "--model", dir.resolve("out/model.automl").toString(), "--data",
                dir.resolve("old.csv").toString(), "--out", dir.resolve("pred.csv").toString());
        assertThat(p.code()).isEqualTo(ExitCodes.DATA);
        assertThat(p.err()).contains("the history of series 'S0' ends at 2021-04, before the end of the data the model was "
                + "fitted on (2021-12)");
    }

    @Test
    void benchRunsAForecastingCollectionByTheProtocol() throws Exception {
        Path manifest = automl4j.forecast.pack.ForecastingPack.locate().map(p -> p.resolve("manifest.json")).orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(manifest != null && Files.isRegularFile(manifest),
                "the forecasting pack (../shared/datasets/forecasting) is not here");
        Path results = dir.resolve("fc_series.csv");
        CliHarness.Result r = h.cli("bench", "--suite", manifest.toString(), "--out", results.toString(), "--datasets", "m3-other",
                "--learners", "naive,theta", "--cores", "1", "--framework", "automl4j-test");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(results);
        assertThat(rows.get(0)).isEqualTo("framework,collection,series_id,horizon,smape,mase,fit_seconds,status,cpu_seconds");
        assertThat(rows).hasSize(1 + 174);
        assertThat(rows.get(1)).startsWith("automl4j-test,m3-other,");
        assertThat(Files.readAllLines(dir.resolve("fc_forecasts.csv"))).hasSize(1 + 174 * 8);
        assertThat(Files.readString(dir.resolve("fc_search.md"))).contains("## m3-other").contains("% intervals: coverage");
        assertThat(r.out()).contains("| m3-other | automl4j-test | 174 | 0 |");
    }
}
