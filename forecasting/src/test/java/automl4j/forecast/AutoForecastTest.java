package automl4j.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import automl4j.DataException;
import automl4j.ConfigException;
import automl4j.export.ModelFileException;
import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.ForecasterLookup;
import automl4j.forecast.model.GlobalForecaster;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class AutoForecastTest {
    @TempDir
    Path dir;

    /** Forecasts the last value plus a fitted slope per step; restore keeps the slope. */
    static final class Drift implements Forecaster {
        @Override
        public String id() {
            return "drift";
        }

        @Override
        public int minLength(int period) {
            return 2;
        }

        @Override
        public FittedForecaster fit(double[] history, int period) {
            return fitted(history, (history[history.length - 1] - history[0]) / (history.length - 1));
        }

        @Override
        public FittedForecaster restore(Map<String, Object> parameters, double[] history, int period) {
            return fitted(history, ((Number) parameters.get("slope")).doubleValue());
        }

        private FittedForecaster fitted(double[] y, double slope) {
            double last = y[y.length - 1];
            return new FittedForecaster() {
                @Override
                public double[] forecast(int horizon) {
                    double[] f = new double[horizon];
                    for (int j = 0; j < horizon; j++) {
                        f[j] = last + slope * (j + 1);
                    }
                    return f;
                }

                @Override
                public double[] fitted() {
                    return new double[y.length];
                }

                @Override
                public String description() {
                    return "drift " + slope;
                }

                @Override
                public Map<String, Object> parameters() {
                    return Map.of("slope", slope);
                }
            };
        }
    }

    /** One slope learned across all series: the mean of their mean steps. */
    static final class SharedSlope implements GlobalForecaster {
        @Override
        public String id() {
            return "global-slope";
        }

        @Override
        public int minLength(int period) {
            return 1;
        }

        @Override
        public FittedGlobal fit(List<double[]> histories, int period, int horizon, long seed, int threads) {
            double sum = 0;
            for (double[] y : histories) {
                sum += (y[y.length - 1] - y[0]) / Math.max(1, y.length - 1);
            }
            return restore(Map.of("slope", sum / histories.size()), period, horizon);
        }

        @Override
        public FittedGlobal restore(Map<String, Object> parameters, int period, int horizon) {
            double slope = ((Number) parameters.get("slope")).doubleValue();
            return new FittedGlobal() {
                @Override
                public double[] forecast(double[] history, int h) {
                    double[] f = new double[h];
                    for (int j = 0; j < h; j++) {
                        f[j] = history[history.length - 1] + slope * (j + 1);
                    }
                    return f;
                }

                @Override
                public String description() {
                    return "slope " + slope;
                }

                @Override
                public Map<String, Object> parameters() {
                    return Map.of("slope", slope);
                }
            };
        }
    }

    private static final ForecasterLookup BY_ID = ForecasterLookup.of(List.of(new Drift()), List.of(new SharedSlope()));

    private static Table csv(String text) {
        return Table.read().usingOptions(CsvReadOptions.builder(new StringReader(text)).tableName("t"));
    }

    /** Two stores, 36 months each, trend 2 and 3 a month plus a small wiggle. */
    private static String stores(int months) {
        StringBuilder b = new StringBuilder("store,month,sales\n");
        for (String s : List.of("A", "B")) {
            for (int t = 0; t < months; t++) {
                double v = (s.equals("A") ? 100 + 2 * t : 50 + 3 * t) + (t % 2 == 0 ? 1 : -1);
                b.append(s).append(',').append(String.format("%04d-%02d", 2020 + t / 12, t % 12 + 1)).append(',').append(v).append('\n');
            }
        }
        return b.toString();
    }

    private static AutoForecast forecaster() {
        return AutoForecast.builder().timeColumn("month").seriesId("store").target("sales").horizon(6).quantiles(0.5)
                .candidates(List.of(new Drift()), List.of()).threads(1).build();
    }

    @Test
    void forecastsEverySeriesAndTheSavedModelForecastsTheSame() throws Exception {
        ForecastRun run = forecaster().fit(csv(stores(36)), "stores.csv");
        ForecastTable table = run.forecast();
        assertThat(table.rows()).hasSize(12);
        assertThat(table.header()).containsExactly("store", "month", "step", "forecast", "lower_80", "upper_80", "lower_95",
                "upper_95", "q0.5");
        ForecastRow first = table.rows().get(0);
        assertThat(first.idValues()).containsExactly("A");
        assertThat(first.time()).isEqualTo("2023-01");
        assertThat(first.forecast()).isCloseTo(169 + 2, within(0.2));
        // the 95 % interval holds the 80 % one
        assertThat(first.lower()[1]).isLessThanOrEqualTo(first.lower()[0]);
        assertThat(first.upper()[1]).isGreaterThanOrEqualTo(first.upper()[0]);
        assertThat(first.upper()[0]).isGreaterThan(first.lower()[0]);
        assertThat(table.toCsv()).startsWith("store,month,step,forecast,lower_80,upper_80,lower_95,upper_95,q0.5\nA,2023-01,1,");

        Path file = dir.resolve("model.automl");
        run.model().save(file);
        ForecastModel loaded = ForecastModel.load(file, BY_ID);
        ForecastTable again = loaded.forecast(csv(stores(36)), "stores.csv");
        assertThat(again.rows()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            ForecastRow a = table.rows().get(i);
            ForecastRow b = again.rows().get(i);
            assertThat(b.time()).isEqualTo(a.time());
            assertThat(b.forecast()).isEqualTo(a.forecast());
            assertThat(b.lower()).containsExactly(a.lower());
            assertThat(b.upper()).containsExactly(a.upper());
            assertThat(b.quantiles()).containsExactly(a.quantiles());
        }
        assertThat(again.notes()).isEmpty();
    }

    @Test
    void aLongerHistoryIsForecastFromItsEndWithTheFittedParameters() throws Exception {
        ForecastRun run = forecaster().fit(csv(stores(36)), "stores.csv");
        Path file = dir.resolve("model.automl");
        run.model().save(file);
        ForecastTable later = ForecastModel.load(file, BY_ID).forecast(csv(stores(40)), "later.csv");
        ForecastRow a = later.rows().get(0);
        assertThat(a.time()).isEqualTo("2023-05");
        // the training slope of A, (169 - 101) / 35, from the new last value 100 + 2 * 39 - 1
        assertThat(a.forecast()).isCloseTo(177 + 68.0 / 35, within(1e-9));
    }

    @Test
    void aHistoryEndingBeforeTheTrainingDataIsRefusedAndAnUnseenSeriesIsFittedOnItsHistory() throws Exception {
        ForecastModel model = forecaster().fit(csv(stores(36)), "stores.csv").model();
        assertThatThrownBy(() -> model.forecast(csv(stores(30)), "old.csv")).isInstanceOf(DataException.class)
                .hasMessage("old.csv: the history of series 'A' ends at 2022-06, before the end of the data the model was "
                        + "fitted on (2022-12); give its history up to at least then");
        ForecastTable other = model.forecast(csv("store,month,sales\nC,2024-01,10\nC,2024-02,20\nC,2024-03,30\n"), "new.csv");
        assertThat(other.rows()).hasSize(6);
        assertThat(other.rows().get(0).time()).isEqualTo("2024-04");
        assertThat(other.rows().get(0).forecast()).isCloseTo(40, within(1e-9));
        assertThat(other.notes()).containsExactly("series 'C': not in the training data; its models were fitted on the history given");
    }

    @Test
    void aDamagedOrForeignFileIsRefusedNamingTheEntry() throws Exception {
        Path file = dir.resolve("model.automl");
        forecaster().fit(csv(stores(36)), "stores.csv").model().save(file);
        assertThatThrownBy(() -> ForecastModel.load(file, ForecasterLookup.of(List.of(), List.of())))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("forecaster 'drift'");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x55;
        Path damaged = dir.resolve("damaged.automl");
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> ForecastModel.load(damaged, BY_ID)).isInstanceOf(ModelFileException.class);
        assertThatThrownBy(() -> ForecastModel.load(dir.resolve("none.automl"), BY_ID)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void missingSettingsAreNamedByTheirConfigKey() {
        assertThatThrownBy(() -> AutoForecast.builder().target("y").horizon(3).candidates(List.of(new Drift()), List.of()).build())
                .isInstanceOf(ConfigException.class).hasFieldOrPropertyWithValue("key", "forecast.time_column");
        assertThatThrownBy(() -> AutoForecast.builder().horizon(0)).isInstanceOf(ConfigException.class)
                .hasFieldOrPropertyWithValue("key", "forecast.horizon");
        assertThatThrownBy(() -> AutoForecast.builder().timeColumn("t").target("y").candidates(List.of(new Drift()), List.of())
                .build()).isInstanceOf(ConfigException.class).hasFieldOrPropertyWithValue("key", "forecast.horizon");
    }

    @Test
    void theReportNamesDataProblems() {
        ForecastRun run = AutoForecast.builder().timeColumn("t").target("y").horizon(3).candidates(List.of(new Drift()), List.of())
                .seasonalPeriod(4).build().fit(csv("t,y\n1,5\n2,5\n3,5\n4,5\n5,5\n"), "c.csv");
        assertThat(run.report()).anyMatch(l -> l.startsWith("1 series shorter than two seasons (8 values)"))
                .anyMatch(l -> l.startsWith("1 series constant"));
    }

    @Test
    void aGlobalModelIsBacktestedSavedOnceAndForecastsUnseenSeriesWithoutRefitting() throws Exception {
        AutoForecast f = AutoForecast.builder().timeColumn("month").seriesId("store").target("sales").horizon(6)
                .candidates(List.of(), List.of(new SharedSlope())).threads(1).build();
        ForecastRun run = f.fit(csv(stores(36)), "stores.csv");
        assertThat(run.outcome().weights()).containsOnlyKeys("global-slope");
        assertThat(run.outcome().leaderboard().get(0).windows()).isEqualTo(8);   // origins 30, 28, 26, 24 of each store
        Path file = dir.resolve("global.automl");
        run.model().save(file);
        ForecastModel loaded = ForecastModel.load(file, BY_ID);
        ForecastTable again = loaded.forecast(csv(stores(36)), "stores.csv");
        for (int i = 0; i < 12; i++) {
            assertThat(again.rows().get(i).forecast()).isEqualTo(run.forecast().rows().get(i).forecast());
        }
        double slope = ((Number) run.outcome().globals().get("global-slope").parameters().get("slope")).doubleValue();
        ForecastTable unseen = loaded.forecast(csv("store,month,sales\nC,2024-01,10\nC,2024-02,20\n"), "new.csv");
        assertThat(unseen.rows().get(0).forecast()).isCloseTo(20 + slope, within(1e-9));
    }
}
