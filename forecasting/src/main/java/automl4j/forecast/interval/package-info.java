/** Prediction intervals and quantile forecasts from backtest errors (split conformal, per horizon step). */
package automl4j.forecast.interval;
