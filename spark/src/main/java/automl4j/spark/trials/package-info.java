/**
 * Trials on a Spark cluster: {@link automl4j.spark.trials.SparkTrialRunner}, the {@code TrialRunner} that runs each
 * trial as a Spark task while the driver keeps the search. Its place in the data flow: between the search loop and the
 * learners, where the in-process and worker-process runners sit on one machine.
 */
package automl4j.spark.trials;
