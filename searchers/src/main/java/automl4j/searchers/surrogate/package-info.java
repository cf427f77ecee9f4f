/** Bayesian optimisation with a Gaussian-process surrogate and cost-aware expected improvement. */
package automl4j.searchers.surrogate;
