package automl4j.forecast.theta;

import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.ForecasterContract;

/** The forecaster contract for {@link ThetaForecaster}. */
class ThetaForecasterContractTest implements ForecasterContract {
    @Override
    public Forecaster forecaster() {
        return new ThetaForecaster();
    }
}
