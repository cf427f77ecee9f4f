/**
 * After the search: refitting a chosen config on all training rows, and the flagged fallback model of a search that
 * ended with no completed trial.
 */
package automl4j.refit;
