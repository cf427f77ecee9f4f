/** Ensembles of finished trials: greedy selection over their validation predictions. */
package automl4j.ensemble;
