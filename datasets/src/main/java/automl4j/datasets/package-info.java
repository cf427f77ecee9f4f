/**
 * Step 1 implementations: CSV and ARFF readers, benchmark suite manifests and fold files, and the embedded default dataset.
 */
package automl4j.datasets;
