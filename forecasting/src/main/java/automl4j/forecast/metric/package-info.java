/**
 * Forecast accuracy measures (sMAPE, MASE, MAE, RMSE, pinball loss, interval coverage), used to score forecasts
 * against a series' hold-out in backtests and benchmarks.
 */
package automl4j.forecast.metric;
