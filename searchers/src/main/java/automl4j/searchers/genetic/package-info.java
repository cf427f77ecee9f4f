/** Evolutionary search with Jenetics; Jenetics types stay inside this package. */
package automl4j.searchers.genetic;
