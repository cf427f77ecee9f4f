package automl4j.forecast.model;

/** The forecaster contract for {@link Naive2Forecaster}. */
class Naive2ForecasterContractTest implements ForecasterContract {
    @Override
    public Forecaster forecaster() {
        return new Naive2Forecaster();
    }
}
