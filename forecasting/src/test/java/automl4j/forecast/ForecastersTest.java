package automl4j.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForecastersTest {
    @Test
    void findsEachForecasterByItsId() {
        assertThat(Forecasters.ids()).containsExactly("naive", "snaive", "naive2", "theta", "dotm", "ets", "arima");
        for (String id : Forecasters.ids()) {
            assertThat(Forecasters.byId(id).id()).isEqualTo(id);
        }
    }

    @Test
    void globalModelsAreFoundWhenTheirLearnersAreOnTheClassPath() {
        // the learner modules are on this module's test class path
        assertThat(Forecasters.defaultGlobals()).containsExactly("global-lightgbm", "global-xgboost");
        assertThat(Forecasters.globalById("global-linear").id()).isEqualTo("global-linear");
        assertThat(Forecasters.lookup().global("global-xgboost")).isPresent();
        assertThat(Forecasters.lookup().local("arima")).isPresent();
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        assertThatThrownBy(() -> Forecasters.byId("prophet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forecaster 'prophet' is unknown; known are [naive, snaive, naive2, theta, dotm, ets, arima]");
        assertThatThrownBy(() -> Forecasters.globalById("global-prophet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("global forecaster 'global-prophet' is unknown; known are [global-lightgbm, global-xgboost, "
                        + "global-linear]");
    }
}
