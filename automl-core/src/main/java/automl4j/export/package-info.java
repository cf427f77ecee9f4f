/**
 * The exported pipeline file format: writes and reads a {@link automl4j.pipeline.Pipeline}, safely for files from
 * anyone.
 */
package automl4j.export;
