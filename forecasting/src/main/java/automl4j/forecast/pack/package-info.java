/**
 * Reading the forecasting pack (competition collections in long CSV with a JSON manifest) into series with their
 * training and test parts, for benchmarks and tests.
 */
package automl4j.forecast.pack;
