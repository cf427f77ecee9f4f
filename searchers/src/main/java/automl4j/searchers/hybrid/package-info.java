/** The default searcher: Bayesian proposals mixed with genetic recombination. */
package automl4j.searchers.hybrid;
