package automl4j.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForecastersTest {
    @Test
    void findsEachForecasterByItsId() {
        assertThat(Forecasters.ids()).containsExactly("naive", "snaive", "naive2", "theta", "dotm");
        for (String id : Forecasters.ids()) {
            assertThat(Forecasters.byId(id).id()).isEqualTo(id);
        }
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        assertThatThrownBy(() -> Forecasters.byId("prophet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forecaster 'prophet' is unknown; known are [naive, snaive, naive2, theta, dotm]");
    }
}
