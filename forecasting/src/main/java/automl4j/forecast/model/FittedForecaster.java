package automl4j.forecast.model;

import java.util.Map;

/** A model fitted to one series' history; immutable and thread-safe. */
public interface FittedForecaster {
    /**
     * The point forecasts of the {@code horizon} steps after the history's end.
     *
     * @param horizon the number of steps, at least 1
     * @return {@code horizon} values, finite
     */
    double[] forecast(int horizon);

    /**
     * The one-step-ahead in-sample forecasts of the history: value {@code t} is the forecast of {@code history[t]}
     * made from the values before it, or NaN where the model makes none (the first values of a seasonal naive
     * forecast, for instance).
     *
     * @return as many values as the history
     */
    double[] fitted();

    /**
     * What was fitted, for people: {@code ETS(M,Ad,M)}, {@code ARIMA(0,1,1)(0,1,1)[12]}, {@code Theta}.
     *
     * @return the description
     */
    String description();

    /**
     * The form and parameters, as {@link Forecaster#restore} takes them back: values are {@link String}, {@link
     * Number}, {@link Boolean} or {@code double[]}, so that they can be written as JSON.
     *
     * @return the parameters, by name
     */
    Map<String, Object> parameters();
}
