/**
 * Validation of a run's data, before the search: the target's guardrails and the validation splits, each featurized
 * from its training part only and kept for every featurization choice the search asks for.
 */
package automl4j.validation;
