/**
 * Step 2 implementation: the tabular featurizer (kind detection and per-column encoders).
 */
package automl4j.featurizers;
