package automl4j.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import automl4j.forecast.backtest.BacktestPlan;
import automl4j.forecast.model.NaiveForecaster;
import automl4j.forecast.model.SeasonalNaiveForecaster;
import automl4j.forecast.series.SeriesHistory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecastMetricTest {
    /** A large random walk, where the last value forecasts best, and a small strictly seasonal series. */
    private static List<SeriesHistory> twoScales() {
        SplittableRandom r = new SplittableRandom(3);
        double[] walk = new double[40];
        walk[0] = 10_000;
        for (int t = 1; t < walk.length; t++) {
            walk[t] = walk[t - 1] + 100 * (r.nextDouble() - 0.5);
        }
        double[] season = new double[40];
        for (int t = 0; t < season.length; t++) {
            season[t] = 10 + (t % 4 == 0 ? 5 : 0) + 0.01 * r.nextDouble();
        }
        return List.of(new SeriesHistory("walk", walk), new SeriesHistory("season", season));
    }

    private static ForecastOutcome search(ForecastMetric metric) {
        return ForecastSearch.builder(4, 4).candidates(List.of(new NaiveForecaster(), new SeasonalNaiveForecaster()))
                .ensemble(EnsembleScope.BEST).metric(metric).threads(1).build().run(twoScales());
    }

    @Test
    void theChosenMetricPicksTheModelAndRanksTheLeaderboard() {
        // every series counts the same under MASE: the seasonal one, which naive forecasts terribly, decides
        ForecastOutcome mase = search(ForecastMetric.MASE);
        assertThat(mase.weights()).containsOnlyKeys("snaive");
        assertThat(mase.leaderboard().get(0).id()).isEqualTo("snaive");
        // in the data's units the large series decides
        ForecastOutcome mae = search(ForecastMetric.MAE);
        assertThat(mae.weights()).containsOnlyKeys("naive");
        assertThat(mae.leaderboard().get(0).id()).isEqualTo("naive");
        assertThat(search(ForecastMetric.RMSE).weights()).containsOnlyKeys("naive");
        assertThat(mae.metric()).isEqualTo(ForecastMetric.MAE);
        CandidateScore best = mae.leaderboard().get(0);
        assertThat(mae.ensembleScore()).isCloseTo(best.mae(), within(1e-9));
        assertThat(best.score(ForecastMetric.MASE)).isEqualTo(best.mase());
        assertThat(best.rmse()).isGreaterThanOrEqualTo(best.mae());
    }

    @Test
    void metricsAgreeWithTheirDefinitionsOnTheBacktestPoints() {
        List<SeriesHistory> series = twoScales();
        Backtests b = new Backtests(series, new BacktestPlan(4, 2, 4, 8), 4);
        double[] forecast = new double[b.points()];
        for (int i = 0; i < forecast.length; i++) {
            forecast[i] = b.actual[i] + (i % 2 == 0 ? 2 : -1);
        }
        // every point has the same weight here (both series have two windows): plain means
        assertThat(ForecastMetric.MAE.of(b, forecast, 0, b.points())).isCloseTo(1.5, within(1e-9));
        assertThat(ForecastMetric.RMSE.of(b, forecast, 0, b.points())).isCloseTo(Math.sqrt(2.5), within(1e-9));
        double mase = 0;
        double smape = 0;
        for (int i = 0; i < b.points(); i++) {
            double error = Math.abs(forecast[i] - b.actual[i]);
            mase += error / b.scale[i] / b.points();
            smape += 200 * error / (Math.abs(forecast[i]) + Math.abs(b.actual[i])) / b.points();
        }
        assertThat(ForecastMetric.MASE.of(b, forecast, 0, b.points())).isCloseTo(mase, within(1e-12));
        assertThat(ForecastMetric.SMAPE.of(b, forecast, 0, b.points())).isCloseTo(smape, within(1e-9));
    }

    @Test
    void namesParseInAnyCaseAndUnknownOnesAreRefused() {
        assertThat(ForecastMetric.parse("RMSE")).isEqualTo(ForecastMetric.RMSE);
        assertThat(ForecastMetric.parse(" smape ")).isEqualTo(ForecastMetric.SMAPE);
        assertThatThrownBy(() -> ForecastMetric.parse("mape")).hasMessageContaining("mase, smape, mae or rmse");
    }
}
