package automl4j.forecast.model;

import java.util.Map;

/**
 * A way to forecast one series from its own history (a "local" model): naive, seasonal naive, exponential smoothing,
 * Theta, ARIMA. Implementations are immutable and thread-safe; {@link #fit} may be called for many series at once.
 *
 * <p>A history is the series' values in time order, all finite, one per period; gaps are filled before a forecaster
 * sees them. The seasonal period {@code m} is 1 for a series without seasons (yearly data), 4 for quarterly, 12 for
 * monthly, and so on.
 */
public interface Forecaster {
    /**
     * The stable id written to model files and results, such as {@code ets}, {@code arima}, {@code theta}, {@code
     * naive}, {@code snaive}, {@code naive2}. Never changes for a forecaster.
     *
     * @return the id
     */
    String id();

    /**
     * The fewest values a history must have for {@link #fit} to succeed at seasonal period {@code period}; a caller
     * with a shorter history uses a simpler forecaster.
     *
     * @param period the seasonal period, at least 1
     * @return the minimum length, at least 1
     */
    int minLength(int period);

    /**
     * Fits the model to {@code history}: chooses its form (where it chooses one) and estimates its parameters.
     *
     * @param history the values, oldest first, all finite; not changed
     * @param period  the seasonal period, at least 1
     * @return the fitted model
     * @throws ForecastException if the history is shorter than {@link #minLength}, not finite, or the model cannot be
     *                           fitted; the message says why
     */
    FittedForecaster fit(double[] history, int period);

    /**
     * The model {@link FittedForecaster#parameters()} describes, applied to {@code history}: the form and parameters
     * are kept (nothing is estimated again) and the states are run over the history, so that it forecasts the steps
     * after {@code history}'s end. This is how a saved model forecasts a series that has grown since it was fitted.
     *
     * @param parameters what {@link FittedForecaster#parameters()} returned
     * @param history    the values, oldest first, all finite
     * @param period     the seasonal period the model was fitted with
     * @return the model on the new history
     * @throws ForecastException if the parameters are not this forecaster's or the history cannot be used
     */
    FittedForecaster restore(Map<String, Object> parameters, double[] history, int period);
}
