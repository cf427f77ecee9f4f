package automl4j.forecast.model;

/** The forecaster contract for {@link SeasonalNaiveForecaster}. */
class SeasonalNaiveForecasterContractTest implements ForecasterContract {
    @Override
    public Forecaster forecaster() {
        return new SeasonalNaiveForecaster();
    }
}
