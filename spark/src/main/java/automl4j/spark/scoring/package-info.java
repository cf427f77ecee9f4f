/**
 * Scoring of Spark DataFrames with an exported AutoML4J model: the last step of the data flow (ranking, export,
 * scoring) on a cluster. {@link automl4j.spark.scoring.AutoMlTransformer} is a Spark ML {@code Transformer} built from a
 * {@code model.automl} file; the executors score with {@code automl4j-scoring} (pure Java, the engine's predictions to
 * the last bit), loading the model once per executor JVM. {@link automl4j.spark.scoring.ParquetScoring} is what
 * {@code automl predict --data in.parquet --out out.parquet} runs.
 */
package automl4j.spark.scoring;
