/**
 * Step 4 implementation: random search.
 */
package automl4j.searchers.random;
