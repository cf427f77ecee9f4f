/**
 * Per-series forecasting models: a {@link automl4j.forecast.model.Forecaster} fits one series' history and gives a
 * {@link automl4j.forecast.model.FittedForecaster}, which forecasts the steps after it.
 */
package automl4j.forecast.model;
