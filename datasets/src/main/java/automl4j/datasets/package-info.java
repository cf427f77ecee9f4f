/**
 * Step 1 implementations: CSV and ARFF readers (a CSV file also in chunks, for scoring files of any size), benchmark suite manifests and fold files, and the embedded default dataset.
 */
package automl4j.datasets;
