/**
 * The local benchmark runner: per-series forecasters over the forecasting pack's collections, scored as the
 * benchmark protocol says, with the R baselines beside them.
 */
package automl4j.forecast.bench;
