package automl4j.execute;

import automl4j.learn.FeatureMatrix;
import automl4j.learn.Labels;
import automl4j.learn.TrainingSet;

/**
 * One validation split, featurized once (the featurizer fitted on its training part only) and shared by all trials.
 *
 * @param train       featurized training part
 * @param valid       featurized validation part
 * @param validLabels labels of the validation part
 */
public record PreparedSplit(TrainingSet train, FeatureMatrix valid, Labels validLabels) {
}
