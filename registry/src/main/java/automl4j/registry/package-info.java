/**
 * A model registry and run tracking in one SQLite file: {@link automl4j.registry.ModelRegistry} records runs with their
 * scores, config and data fingerprint, keeps named models whose versions are copies of model files checked by SHA-256,
 * and moves versions through the {@link automl4j.registry.Stage stages} with promotion, rollback and their history.
 */
package automl4j.registry;
