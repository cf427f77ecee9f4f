/**
 * Explanations of a fitted pipeline in terms of its raw input columns.
 */
package automl4j.explain;
