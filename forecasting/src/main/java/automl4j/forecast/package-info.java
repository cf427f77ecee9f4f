/**
 * Time-series forecasting: per-series statistical models ({@link automl4j.forecast.model}), forecast metrics and
 * rolling-origin backtests.
 */
package automl4j.forecast;
