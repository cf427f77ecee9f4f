/**
 * The final fit on all rows of a big input, after a search on the driver's sample: the fitted featurizer of the
 * sample's model applied on the executors, and each XGBoost member trained across the partitions by a Spark barrier
 * stage whose tasks join one XGBoost collective ({@link automl4j.spark.refit.DistributedRefit}). Other learners keep
 * their fit on the sample, and the result says so member by member.
 */
package automl4j.spark.refit;
