package automl4j.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.forecast.search.CandidateScore;
import automl4j.forecast.series.CovariateColumns;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Covariates end to end: a promotion known in advance lifts sales, so a global model that reads it forecasts far
 * better; an observed covariate is read lagged only, so declaring the target itself observed gains nothing (no
 * leakage), where declaring it known (a user's mistake) would; the model file keeps the roles and forecasts from a
 * future table.
 */
class CovariateForecastTest {
    private static final int SERIES = 24;
    private static final int LENGTH = 48;
    private static final int HORIZON = 4;

    @TempDir
    Path dir;

    /** Sales of stores, with a promotion flag on about a quarter of the periods; the last HORIZON rows are the future. */
    static Table stores(long seed, boolean withFuture) {
        SplittableRandom r = new SplittableRandom(seed);
        StringColumn store = StringColumn.create("store");
        IntColumn t = IntColumn.create("t");
        DoubleColumn sales = DoubleColumn.create("sales");
        DoubleColumn promo = DoubleColumn.create("promo");
        for (int s = 0; s < SERIES; s++) {
            double base = 50 + 10 * s;
            int rows = LENGTH + (withFuture ? HORIZON : 0);
            for (int i = 0; i < rows; i++) {
                double p = r.nextDouble() < 0.25 ? 1 : 0;
                store.append("s" + s);
                t.append(i + 1);
                promo.append(p);
                if (i < LENGTH) {
                    sales.append(base * (1 + 0.8 * p) * (1 + 0.03 * gaussian(r)));
                } else {
                    sales.appendMissing();
                }
            }
        }
        return Table.create("stores", store, t, sales, promo);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static AutoForecast.Builder builder(CovariateColumns covariates) {
        return AutoForecast.builder().timeColumn("t").seriesId("store").target("sales").horizon(HORIZON).seasonalPeriod(1)
                .candidates(List.of(), List.of(Forecasters.globalById("global-lightgbm"))).lookup(Forecasters.lookup())
                .covariates(covariates).threads(2).seed(7);
    }

    private static double mase(ForecastRun run, String id) {
        return run.outcome().leaderboard().stream().filter(s -> s.id().equals(id)).mapToDouble(CandidateScore::mase)
                .findFirst().orElseThrow();
    }

    @Test
    void aKnownPromotionIsReadAtTheForecastTimeAndHelpsALot() {
        Table table = stores(1, true);
        ForecastRun without = builder(CovariateColumns.NONE).build().fit(table, "stores.csv");
        ForecastRun with = builder(new CovariateColumns(List.of("promo"), List.of())).build().fit(table, "stores.csv");
        double before = mase(without, "global-lightgbm");
        double after = mase(with, "global-lightgbm");
        assertThat(after).as("backtest MASE with the promotion known, against %s without", before).isLessThan(0.5 * before);
        // the forecasts follow the future promotions: a promoted period is forecast higher than the store's others
        Table future = table.where(table.doubleColumn("sales").isMissing());
        List<ForecastRow> rows = with.forecast().rows();
        int lifted = 0;
        int compared = 0;
        for (int s = 0; s < SERIES; s++) {
            double promoted = 0;
            double plain = 0;
            int np = 0;
            for (int j = 0; j < HORIZON; j++) {
                double p = future.doubleColumn("promo").get(s * HORIZON + j);
                double f = rows.get(s * HORIZON + j).forecast();
                if (p > 0) {
                    promoted += f;
                    np++;
                } else {
                    plain += f;
                }
            }
            if (np > 0 && np < HORIZON) {
                compared++;
                lifted += promoted / np > 1.3 * plain / (HORIZON - np) ? 1 : 0;
            }
        }
        assertThat(compared).isPositive();
        assertThat(lifted).as("stores whose promoted future periods are forecast 30 %% higher").isGreaterThanOrEqualTo(compared * 9 / 10);
    }

    @Test
    void anObservedCovariateIsOnlyReadBeforeTheOrigin() {
        Table table = stores(2, false);
        table.addColumns(table.doubleColumn("sales").copy().setName("sales_copy"));
        ForecastRun without = builder(CovariateColumns.NONE).build().fit(table, "stores.csv");
        ForecastRun observed = builder(new CovariateColumns(List.of(), List.of("sales_copy"))).build().fit(table, "stores.csv");
        // the lagged copy repeats what the lags already say: no gain, where a read at the target's time would be perfect
        assertThat(mase(observed, "global-lightgbm")).isGreaterThan(0.8 * mase(without, "global-lightgbm"));
    }

    @Test
    void theModelFileKeepsTheRolesAndForecastsFromAFutureTable() throws Exception {
        Table table = stores(3, true);
        Table history = table.where(table.doubleColumn("sales").isNotMissing());
        Table future = table.where(table.doubleColumn("sales").isMissing()).selectColumns("store", "t", "promo");
        ForecastRun run = builder(new CovariateColumns(List.of("promo"), List.of())).build()
                .fit(history, "history.csv", future, "future.csv");
        Path file = dir.resolve("model.automl");
        run.model().save(file);
        ForecastModel loaded = ForecastModel.load(file, Forecasters.lookup());
        assertThat(loaded.covariates()).isEqualTo(new CovariateColumns(List.of("promo"), List.of()));
        ForecastTable again = loaded.forecast(history, "history.csv", future, "future.csv");
        for (int i = 0; i < again.rows().size(); i++) {
            assertThat(again.rows().get(i).forecast()).isCloseTo(run.forecast().rows().get(i).forecast(), within(1e-6));
        }
        // the same table with the future rows in it gives the same forecasts
        ForecastTable inline = loaded.forecast(table, "stores.csv");
        assertThat(inline.rows().get(5).forecast()).isCloseTo(again.rows().get(5).forecast(), within(1e-9));
        assertThatThrownBy(() -> loaded.forecast(history, "history.csv"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("series 's0'").hasMessageContaining("known covariate 'promo'")
                .hasMessageContaining("time 49");
    }

    @Test
    void badCovariatesAreNamed() {
        Table table = stores(4, true);
        assertThatThrownBy(() -> builder(new CovariateColumns(List.of("price"), List.of())).build().fit(table, "stores.csv"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'price'")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("forecast.covariates.known"));
        assertThatThrownBy(() -> new CovariateColumns(List.of("promo"), List.of("promo")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("also a known covariate");
        assertThatThrownBy(() -> builder(new CovariateColumns(List.of(), List.of("sales"))).build().fit(table, "stores.csv"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("target");
        Table text = stores(4, true);
        StringColumn flag = StringColumn.create("flag");
        for (int r = 0; r < text.rowCount(); r++) {
            flag.append(r == 10 ? "maybe" : r % 2 == 0 ? "true" : "false");
        }
        text.addColumns(flag);
        assertThatThrownBy(() -> builder(new CovariateColumns(List.of(), List.of("flag"))).build().fit(text, "stores.csv"))
                .isInstanceOf(DataException.class).hasMessageContaining("row 11").hasMessageContaining("column 'flag'")
                .hasMessageContaining("'maybe'");
    }
}
