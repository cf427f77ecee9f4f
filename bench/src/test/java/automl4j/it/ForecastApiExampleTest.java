package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.datasets.TableFiles;
import automl4j.forecast.AutoForecast;
import automl4j.forecast.ForecastModel;
import automl4j.forecast.ForecastRun;
import automl4j.forecast.ForecastTable;
import automl4j.forecast.Forecasters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The README's forecasting Java example, kept compiling and passing. */
class ForecastApiExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeForecastingExampleRunsAndTheSavedModelForecastsTheSame() throws Exception {
        StringBuilder csv = new StringBuilder("store,month,sales\n");
        for (int s = 0; s < 4; s++) {
            for (int t = 0; t < 60; t++) {
                csv.append("S").append(s).append(',').append(String.format(Locale.ROOT, "%04d-%02d", 2015 + t / 12, t % 12 + 1))
                        .append(',').append(200 + 10 * s + t + 30 * Math.sin(2 * Math.PI * t / 12) + (t * 13 + s) % 7).append('\n');
            }
        }
        Path sales = Files.writeString(dir.resolve("sales.csv"), csv);
        Table table = TableFiles.read(sales);
        ForecastRun run = AutoForecast.builder()
                .timeColumn("month").seriesId("store").target("sales").horizon(12)
                .candidates(Forecasters.defaults().stream().map(Forecasters::byId).toList(), List.of())
                .build().fit(table, "sales.csv");
        assertThat(run.outcome().leaderboard()).isNotEmpty();
        run.forecast().writeCsv(dir.resolve("forecast.csv"));
        run.model().save(dir.resolve("model.automl"));
        Table history = table;
        ForecastTable next = ForecastModel.load(dir.resolve("model.automl"), Forecasters.lookup()).forecast(history, "history.csv");
        assertThat(next.rows()).hasSize(48);
        for (int i = 0; i < 48; i++) {
            assertThat(next.rows().get(i).forecast()).isEqualTo(run.forecast().rows().get(i).forecast());
        }
        assertThat(Files.readAllLines(dir.resolve("forecast.csv"))).hasSize(49);
    }
}
