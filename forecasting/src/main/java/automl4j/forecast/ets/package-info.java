/**
 * Exponential smoothing state-space models (ETS): the innovations recursion, maximum-likelihood estimation and
 * automatic form selection by AICc, written from Hyndman, Koehler, Ord and Snyder (2008), "Forecasting with
 * exponential smoothing", and Hyndman and Khandakar (2008), and checked against R's {@code forecast::ets()}.
 * {@link automl4j.forecast.ets.EtsForecaster} is the {@link automl4j.forecast.model.Forecaster} (id {@code ets}).
 */
package automl4j.forecast.ets;
