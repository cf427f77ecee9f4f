/**
 * AutoML4J on Apache Spark: trials as Spark tasks, Parquet input, a distributed refit and scoring of DataFrames.
 */
package automl4j.spark;
