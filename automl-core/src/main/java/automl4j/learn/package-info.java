/**
 * Step 6: the learner plug-in interface, feature matrices and predictions.
 */
package automl4j.learn;
