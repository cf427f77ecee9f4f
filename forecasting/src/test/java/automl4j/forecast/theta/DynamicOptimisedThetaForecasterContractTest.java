package automl4j.forecast.theta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.ForecasterContract;
import org.junit.jupiter.api.Test;

/** The forecaster contract for {@link DynamicOptimisedThetaForecaster}, and that it follows a level and a trend. */
class DynamicOptimisedThetaForecasterContractTest implements ForecasterContract {
    @Override
    public Forecaster forecaster() {
        return new DynamicOptimisedThetaForecaster();
    }

    @Test
    void aConstantSeriesIsForecastConstantAndATrendKeepsRising() {
        double[] flat = {7, 7, 7, 7, 7, 7, 7, 7, 7, 7};
        for (double f : forecaster().fit(flat, 1).forecast(5)) {
            assertThat(f).isCloseTo(7, within(1e-6));
        }
        double[] rising = new double[24];
        for (int t = 0; t < rising.length; t++) {
            rising[t] = 10 + 2 * t + (t % 2 == 0 ? 0.5 : -0.5);
        }
        double[] f = forecaster().fit(rising, 1).forecast(4);
        assertThat(f[0]).isGreaterThan(rising[rising.length - 1] - 1);
        for (int j = 1; j < f.length; j++) {
            assertThat(f[j]).as("step %d", j + 1).isGreaterThan(f[j - 1]);
        }
    }
}
