/**
 * Step 4 implementation: Bayesian search with a tree-structured Parzen estimator.
 */
package automl4j.searchers.bayes;
