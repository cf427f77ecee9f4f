/**
 * Explainer implementations: permutation importance.
 */
package automl4j.explainers;
