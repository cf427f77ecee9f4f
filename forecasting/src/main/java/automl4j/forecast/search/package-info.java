/**
 * The forecasting search: every candidate model is backtested on rolling origins inside each series' history, an
 * ensemble is selected on those backtest forecasts, the chosen models are refitted on the whole history, and intervals
 * come from the ensemble's backtest errors.
 */
package automl4j.forecast.search;
