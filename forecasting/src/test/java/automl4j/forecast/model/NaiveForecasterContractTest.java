package automl4j.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forecaster contract for {@link NaiveForecaster}, and what makes it naive. */
class NaiveForecasterContractTest implements ForecasterContract {
    @Override
    public Forecaster forecaster() {
        return new NaiveForecaster();
    }

    @Test
    void everyStepIsTheLastValue() {
        double[] y = {3, 9, 4, 7, 5};
        assertThat(forecaster().fit(y, 4).forecast(6)).containsOnly(5.0).hasSize(6);
    }
}
