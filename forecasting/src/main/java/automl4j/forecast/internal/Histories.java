package automl4j.forecast.internal;

import automl4j.forecast.model.ForecastException;
import java.util.Objects;

/** Checks of the histories and horizons forecasters are given; internal to the forecasting module. */
public final class Histories {
    private Histories() {
    }

    /**
     * Checks that a history is long enough and finite, and that the period is positive.
     *
     * @param id        the forecaster's id, for the message
     * @param history   the values
     * @param period    the seasonal period
     * @param minLength the fewest values allowed
     * @throws ForecastException if not
     */
    public static void check(String id, double[] history, int period, int minLength) {
        Objects.requireNonNull(history, "history");
        if (period < 1) {
            throw new ForecastException(id + ": period must be >= 1, but was " + period);
        }
        if (history.length < minLength) {
            throw new ForecastException(id + ": the history must have >= " + minLength + " values at period "
                    + period + ", but had " + history.length);
        }
        for (int t = 0; t < history.length; t++) {
            if (!Double.isFinite(history[t])) {
                throw new ForecastException(id + ": history values must be finite, but value " + t + " was "
                        + history[t]);
            }
        }
    }

    /**
     * Checks a forecast horizon.
     *
     * @param horizon the number of steps
     * @throws IllegalArgumentException if it is below 1
     */
    public static void checkHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, but was " + horizon);
        }
    }
}
