/**
 * Global forecasting models: one regression learned across all series of a collection by one of the engine's
 * learners ({@link automl4j.forecast.global.LearnedGlobalForecaster}), on each series' recent values divided by its
 * level ({@link automl4j.forecast.global.WindowFeatures}).
 */
package automl4j.forecast.global;
