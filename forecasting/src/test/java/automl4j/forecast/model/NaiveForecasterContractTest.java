package automl4j.forecast.model;

/** The forecaster contract for {@link NaiveForecaster}. */
class NaiveForecasterContractTest implements ForecasterContract {
    @Override
    public Forecaster forecaster() {
        return new NaiveForecaster();
    }
}
