/**
 * Ensembles of finished trials: the pool of their validation predictions, greedy selection over it, and the plan of
 * members and weights to refit.
 */
package automl4j.ensemble;
