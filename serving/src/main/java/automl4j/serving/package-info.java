/**
 * An HTTP scoring server for an exported {@code model.automl}, after the run: {@link automl4j.serving.ScoringServer}
 * answers predictions through {@code automl4j-scoring}, with the limits, errors, metrics and OpenAPI description its
 * README section documents. The served model lives in a {@link automl4j.serving.LiveModel}, which a
 * {@link automl4j.serving.ModelSource} (a file, later a registry) may swap for a new version while requests run.
 */
package automl4j.serving;
