package automl4j.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Forecaster} promises; a forecaster's test implements this interface and names the forecaster.
 */
public interface ForecasterContract {
    /**
     * The forecaster under test.
     *
     * @return it
     */
    Forecaster forecaster();

    /**
     * A seasonal monthly history with trend and noise, 60 values, positive.
     *
     * @return the values
     */
    static double[] monthly() {
        double[] x = new double[60];
        for (int t = 0; t < x.length; t++) {
            x[t] = 200 + 1.5 * t + 30 * Math.sin(2 * Math.PI * t / 12) + 7 * Math.sin(1.7 * t * t);
        }
        return x;
    }

    @Test
    default void forecastsFinitelyWithFittedValuesForTheHistory() {
        FittedForecaster f = forecaster().fit(monthly(), 12);
        assertThat(Arrays.stream(f.forecast(18)).allMatch(Double::isFinite)).isTrue();
        assertThat(f.fitted()).hasSize(60);
        assertThat(f.description()).isNotBlank();
        assertThat(f.parameters().get("forecaster")).isEqualTo(forecaster().id());
    }

    @Test
    default void sameHistoryGivesSameForecastsAndTheHistoryIsNotChanged() {
        double[] x = monthly();
        double[] f = forecaster().fit(x, 12).forecast(18);
        assertThat(x).containsExactly(monthly());
        assertThat(forecaster().fit(x, 12).forecast(18)).containsExactly(f);
    }

    @Test
    default void parametersSurviveJsonAndRestoreTheSameModel() throws Exception {
        FittedForecaster f = forecaster().fit(monthly(), 12);
        for (Object v : f.parameters().values()) {
            assertThat(v).isInstanceOfAny(String.class, Number.class, Boolean.class, double[].class);
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> back = json.readValue(json.writeValueAsString(f.parameters()),
                new TypeReference<Map<String, Object>>() { });
        FittedForecaster g = forecaster().restore(back, monthly(), 12);
        assertThat(g.forecast(18)).containsExactly(f.forecast(18));
        assertThat(g.description()).isEqualTo(f.description());
    }

    @Test
    default void restoreOnAGrownHistoryForecastsFromItsEnd() {
        double[] x = monthly();
        FittedForecaster f = forecaster().fit(Arrays.copyOf(x, 48), 12);
        FittedForecaster g = forecaster().restore(f.parameters(), x, 12);
        assertThat(g.fitted()).hasSize(60);
        assertThat(Arrays.stream(g.forecast(6)).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    default void refusesHistoriesShorterThanItsMinimum() {
        int min = forecaster().minLength(12);
        assertThat(min).isGreaterThanOrEqualTo(1);
        if (min > 1) {
            assertThatThrownBy(() -> forecaster().fit(Arrays.copyOf(monthly(), min - 1), 12))
                    .isInstanceOf(ForecastException.class).hasMessageContaining(forecaster().id());
        }
        assertThat(forecaster().fit(Arrays.copyOf(monthly(), min), 12).forecast(3)).hasSize(3);
    }
}
