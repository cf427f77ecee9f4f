package automl4j.forecast.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import automl4j.forecast.RBaselines;
import automl4j.forecast.pack.Series;
import automl4j.forecast.pack.SeriesCollection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastMetricsTest {
    /**
     * The smape and mase columns of {@code baselines_series.csv}, recomputed from the stored forecasts (10 significant
     * digits), agree within 1e-6 on every row, as PROTOCOL.md section 4 says they should.
     */
    @Test
    void reproducesTheBaselinesScoresFromTheirForecasts() {
        Map<String, Series> series = new HashMap<>();
        Map<String, Integer> periods = new HashMap<>();
        for (var info : RBaselines.pack().collections()) {
            SeriesCollection c = RBaselines.collection(info.name());
            c.series().forEach(s -> series.put(info.name() + "," + s.id(), s));
            periods.put(info.name(), info.period());
        }
        List<Map<String, String>> rows = RBaselines.seriesScores();
        double worst = 0;
        for (Map<String, String> row : rows) {
            Series s = series.get(row.get("collection") + "," + row.get("series_id"));
            double[] f = RBaselines.forecast(row.get("framework"), row.get("collection"), row.get("series_id"));
            double smape = ForecastMetrics.smape(s.test(), f);
            double mase = ForecastMetrics.mase(s.test(), f, s.train(), periods.get(row.get("collection")));
            worst = Math.max(worst, Math.abs(smape - Double.parseDouble(row.get("smape"))));
            worst = Math.max(worst, Math.abs(mase - Double.parseDouble(row.get("mase"))));
        }
        assertThat(rows.size()).isGreaterThan(25000);
        assertThat(worst).isLessThan(1e-6);
    }

    @Test
    void pointMeasuresOnASmallCase() {
        double[] y = {10, 20, 30};
        double[] f = {12, 18, 30};
        assertThat(ForecastMetrics.mae(y, f)).isCloseTo(4.0 / 3, offset(1e-15));
        assertThat(ForecastMetrics.rmse(y, f)).isCloseTo(Math.sqrt(8.0 / 3), offset(1e-15));
        assertThat(ForecastMetrics.smape(y, f)).isCloseTo(200.0 / 3 * (2.0 / 22 + 2.0 / 38), offset(1e-12));
        assertThat(ForecastMetrics.smape(new double[] {0}, new double[] {0})).isZero();
        double[] history = {1, 3, 2, 6, 4};
        assertThat(ForecastMetrics.maseScale(history, 2)).isCloseTo((1 + 3 + 2) / 3.0, offset(1e-15));
        assertThat(ForecastMetrics.maseScale(history, 9)).isCloseTo((2 + 1 + 4 + 2) / 4.0, offset(1e-15));
        assertThat(ForecastMetrics.mase(y, f, history, 2)).isCloseTo(4.0 / 3 / 2, offset(1e-15));
        assertThat(ForecastMetrics.mase(y, f, new double[] {5, 5}, 1)).isNaN();
    }

    @Test
    void pinballAndCoverage() {
        double[] y = {10, 20, 30, 40};
        double[] q = {12, 18, 30, 50};
        // 0.9 quantile: below by 2 and 10 cost 0.1 each unit, above by 2 costs 0.9 per unit
        assertThat(ForecastMetrics.pinball(y, q, 0.9)).isCloseTo((0.2 + 1.8 + 0 + 1.0) / 4, offset(1e-12));
        assertThat(ForecastMetrics.coverage(y, new double[] {9, 21, 30, 0}, new double[] {11, 25, 30, 39}))
                .isEqualTo(0.5);
    }

    @Test
    void rejectsMismatchedLengthsAndBadLevels() {
        assertThatThrownBy(() -> ForecastMetrics.smape(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forecast must have as many values as actual (2), but had 1");
        assertThatThrownBy(() -> ForecastMetrics.pinball(new double[] {1}, new double[] {1}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level must be in (0, 1), but was NaN");
        assertThatThrownBy(() -> ForecastMetrics.mae(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("had 0");
        assertThatThrownBy(() -> ForecastMetrics.maseScale(new double[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 2 values");
    }
}
