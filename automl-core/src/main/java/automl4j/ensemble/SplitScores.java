package automl4j.ensemble;

import automl4j.data.Task;
import automl4j.execute.PreparedSplit;
import automl4j.learn.Predictions;
import automl4j.metric.Metric;
import java.util.Arrays;
import java.util.List;

/**
 * Scores predictions laid out as the validation pool keeps them (each split's validation rows in split order, flat as
 * {@link Predictions#toFlat} lays them out) exactly as a trial is scored: the metric on each split.
 */
record SplitScores(List<PreparedSplit> splits, Metric metric, Task task) {
    /** The metric's score on each split of {@code flat}. */
    double[] of(double[] flat) {
        int width = task.predictionWidth();
        double[] scores = new double[splits.size()];
        int at = 0;
        for (int s = 0; s < splits.size(); s++) {
            PreparedSplit split = splits.get(s);
            int rows = split.valid().rows();
            Predictions p = Predictions.ofFlat(task, Arrays.copyOfRange(flat, at, at + rows * width));
            at += rows * width;
            scores[s] = metric.score(split.validLabels(), p);
        }
        return scores;
    }
}
