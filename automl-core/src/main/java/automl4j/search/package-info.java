/**
 * Step 4: the searcher plug-in interface, the history it proposes from, and the run budget.
 */
package automl4j.search;
