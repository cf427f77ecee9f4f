/**
 * The fitted pipeline, the end of the data flow: members of a fitted featurizer, a fitted model and a weight, and how
 * they predict together. The engine produces one, {@code automl4j.export} writes and reads it, {@code automl4j.AutoMlModel}
 * wraps it for users.
 */
package automl4j.pipeline;
