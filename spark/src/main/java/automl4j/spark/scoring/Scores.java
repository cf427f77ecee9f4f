package automl4j.spark.scoring;

/**
 * The predictions of a batch of rows, by index: labels and probabilities for classification, values for regression.
 *
 * @param labels        the predicted labels (classification), else null
 * @param probabilities each row's class probabilities in the model's class order (classification), else null
 * @param values        the predicted values (regression), else null
 */
record Scores(String[] labels, double[][] probabilities, double[] values) {
}
