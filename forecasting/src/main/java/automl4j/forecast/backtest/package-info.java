/**
 * Rolling-origin backtests on a series' training part: where the origins lie, and nothing after an origin is seen by
 * what is fitted from it.
 */
package automl4j.forecast.backtest;
