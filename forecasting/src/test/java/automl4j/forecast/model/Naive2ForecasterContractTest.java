package automl4j.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forecaster contract for {@link Naive2Forecaster}, and its one difference from the naive forecast. */
class Naive2ForecasterContractTest implements ForecasterContract {
    @Override
    public Forecaster forecaster() {
        return new Naive2Forecaster();
    }

    @Test
    void withoutASeasonItIsTheNaiveForecast() {
        double[] y = {3, 5, 4, 6, 5, 7, 6, 8};
        assertThat(forecaster().fit(y, 1).forecast(4)).containsExactly(new NaiveForecaster().fit(y, 1).forecast(4));
    }
}
