package automl4j.forecast.search;

import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.GlobalForecaster;

/** A candidate of the search: a local forecaster, fitted to each series on its own, or a global one, fitted across them. */
sealed interface Candidate permits Candidate.Local, Candidate.Global {
    /** The forecaster's id. */
    String id();

    /** The fewest values a series needs to be forecast by it. */
    int minLength(int period);

    /** A local forecaster. */
    record Local(Forecaster forecaster) implements Candidate {
        @Override
        public String id() {
            return forecaster.id();
        }

        @Override
        public int minLength(int period) {
            return forecaster.minLength(period);
        }
    }

    /** A global forecaster. */
    record Global(GlobalForecaster forecaster) implements Candidate {
        @Override
        public String id() {
            return forecaster.id();
        }

        @Override
        public int minLength(int period) {
            return forecaster.minLength(period);
        }
    }
}
