/**
 * Step 2: featurization plug-in interfaces; a {@link automl4j.featurize.Featurizer} is fitted on training rows only and yields a {@link automl4j.featurize.FittedTransform}.
 */
package automl4j.featurize;
