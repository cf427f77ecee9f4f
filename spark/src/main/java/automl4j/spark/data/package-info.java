/**
 * Big input for the search: the first step of the data flow (table and target) when the rows live in Spark. A Parquet
 * file or a {@code Dataset<Row>} becomes the engine's {@code TaskData} on the driver:
 * {@link automl4j.spark.data.SparkTables} turns rows into a Tablesaw table (Spark types onto the column types the
 * engine's featurizer reads as numeric, text, boolean and date columns; nulls as missing), and
 * {@link automl4j.spark.data.DriverSampler} takes a stratified (classification) or uniform (regression) sample sized to
 * the driver's free heap, and says what it took ({@link automl4j.spark.data.SamplePlan}).
 */
package automl4j.spark.data;
