/**
 * Metrics that rank trials and score benchmark folds.
 */
package automl4j.metric;
