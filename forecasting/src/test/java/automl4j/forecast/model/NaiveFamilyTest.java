package automl4j.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.forecast.Agreement;
import automl4j.forecast.RBaselines;
import automl4j.forecast.pack.CollectionInfo;
import automl4j.forecast.pack.Series;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Naive, seasonal naive and Naive2 against R's baselines on the whole pack, and on small cases. */
class NaiveFamilyTest {
    private static Agreement againstR(Forecaster f, double tolerance) {
        Agreement a = new Agreement(tolerance);
        for (CollectionInfo info : RBaselines.pack().collections()) {
            for (Series s : RBaselines.collection(info.name()).series()) {
                a.add(info.name() + "/" + s.id(), f.fit(s.train(), info.period()).forecast(info.horizon()),
                        RBaselines.forecast(f.id(), info.name(), s.id()));
            }
        }
        return a;
    }

    @Test
    void naiveEqualsRsEverywhere() {
        Agreement a = againstR(new NaiveForecaster(), 0);
        assertThat(a.series()).isEqualTo(4314);
        assertThat(a.exact()).as(a.toString()).isEqualTo(a.series());
    }

    @Test
    void seasonalNaiveEqualsRsEverywhere() {
        Agreement a = againstR(new SeasonalNaiveForecaster(), 0);
        assertThat(a.exact()).as(a.toString()).isEqualTo(4314);
    }

    /**
     * Naive2 agrees with R to 1e-9 everywhere; 4220 of 4314 series to all 10 stored digits, the others differ in the
     * last digit because the decomposition's sums run in another order (at most 5e-10 relative when written).
     */
    @Test
    void naive2AgreesWithRsToRoundingEverywhere() {
        Agreement a = againstR(new Naive2Forecaster(), 1e-9);
        assertThat(a.within()).as(a.toString()).isEqualTo(4314);
        assertThat(a.exact()).as(a.toString()).isGreaterThan(4200);
    }

    @Test
    void seasonalNaiveRepeatsTheLastPeriodAndFallsBackToNaive() {
        double[] x = {1, 2, 3, 4, 5, 6, 7};
        assertThat(new SeasonalNaiveForecaster().fit(x, 3).forecast(5)).containsExactly(5, 6, 7, 5, 6);
        assertThat(new SeasonalNaiveForecaster().fit(x, 1).forecast(2)).containsExactly(7, 7);
        assertThat(new SeasonalNaiveForecaster().fit(new double[] {1, 2}, 4).forecast(2)).containsExactly(2, 2);
        assertThat(new SeasonalNaiveForecaster().fit(x, 3).fitted())
                .containsExactly(Double.NaN, Double.NaN, Double.NaN, 1, 2, 3, 4);
    }

    @Test
    void naiveRepeatsTheLastValue() {
        FittedForecaster f = new NaiveForecaster().fit(new double[] {3, 1, 4}, 1);
        assertThat(f.forecast(3)).containsExactly(4, 4, 4);
        assertThat(f.fitted()).containsExactly(Double.NaN, 3, 1);
        assertThat(f.parameters()).containsExactly(Map.entry("forecaster", "naive"));
    }

    @Test
    void naive2ReseasonalisesTheLastAdjustedValueAndRestoresItsIndices() {
        double[] x = new double[48];
        for (int t = 0; t < x.length; t++) {
            x[t] = (100 + t) * (t % 4 == 0 ? 1.5 : t % 4 == 2 ? 0.5 : 1.0);
        }
        Naive2Forecaster naive2 = new Naive2Forecaster();
        FittedForecaster f = naive2.fit(x, 4);
        double[] indices = (double[]) f.parameters().get("seasonal_indices");
        assertThat(indices).hasSize(4);
        double last = x[47] / indices[47 % 4];
        assertThat(f.forecast(4)).containsExactly(last * indices[0], last * indices[1], last * indices[2],
                last * indices[3]);
        double[] longer = java.util.Arrays.copyOf(x, 50);
        longer[48] = 148 * 1.5;
        longer[49] = 149;
        FittedForecaster g = naive2.restore(f.parameters(), longer, 4);
        assertThat(g.forecast(1)[0]).isEqualTo(longer[49] / indices[1] * indices[2]);
        assertThat(f.description()).contains("seasonally adjusted");
    }

    @Test
    void rejectsEmptyOrNonFiniteHistoriesAndBadHorizons() {
        assertThatThrownBy(() -> new NaiveForecaster().fit(new double[0], 1)).isInstanceOf(ForecastException.class)
                .hasMessageContaining("naive: the history must have >= 1 values");
        assertThatThrownBy(() -> new Naive2Forecaster().fit(new double[] {1, Double.POSITIVE_INFINITY}, 1))
                .isInstanceOf(ForecastException.class).hasMessageContaining("value 1 was Infinity");
        FittedForecaster f = new NaiveForecaster().fit(new double[] {1}, 1);
        assertThatThrownBy(() -> f.forecast(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon must be >= 1, but was 0");
    }
}
