package automl4j.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forecaster contract for {@link SeasonalNaiveForecaster}, and what makes it seasonal naive. */
class SeasonalNaiveForecasterContractTest implements ForecasterContract {
    @Override
    public Forecaster forecaster() {
        return new SeasonalNaiveForecaster();
    }

    @Test
    void eachStepRepeatsTheValueOneSeasonBefore() {
        double[] y = {1, 2, 3, 4, 10, 20, 30, 40};
        assertThat(forecaster().fit(y, 4).forecast(6)).containsExactly(10, 20, 30, 40, 10, 20);
    }
}
