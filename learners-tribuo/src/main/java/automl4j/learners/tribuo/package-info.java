/**
 * Step 6 implementations: Tribuo's linear SGD models and extra trees.
 */
package automl4j.learners.tribuo;
