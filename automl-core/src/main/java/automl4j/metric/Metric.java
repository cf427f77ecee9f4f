package automl4j.metric;

import automl4j.data.Task;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;

/**
 * A way to score predictions against true labels. Implementations are immutable. A metric that trials in worker
 * processes (or on other machines) should score has a public no-arg constructor and is listed in
 * {@code META-INF/services/automl4j.metric.Metric}, so that the runner can rebuild it from its {@link #id()}; the
 * built-in ones are. A metric that is not (an anonymous class) still works: its trials run in the engine's JVM.
 */
public interface Metric {
    /** Short name, as in config files and results: {@code auc}, {@code logloss}, {@code rmse}, ... */
    String name();

    /**
     * Stable id by which a runner rebuilds this metric elsewhere through {@link java.util.ServiceLoader}; by default
     * {@link #name()}. Two metrics with the same id must score alike.
     */
    default String id() {
        return name();
    }

    /** True if larger scores are better. */
    boolean higherIsBetter();

    /**
     * True if the metric is defined for {@code task}. Declared positively: a metric supports a new kind of task only
     * once it says so.
     */
    boolean supports(Task task);

    /**
     * The score of {@code predictions} against {@code truth} (class indexes or values).
     *
     * @throws IllegalArgumentException if the sizes differ
     */
    double score(Labels truth, Predictions predictions);

    /**
     * True if the score depends on the labels chosen from a binary model's probabilities, so that a threshold other than
     * 0.5 can raise it ({@code f1}, {@code balanced_accuracy}, {@code mcc}): the run then chooses and stores a decision
     * threshold for a binary model. False by default.
     */
    default boolean usesDecisionThreshold() {
        return false;
    }

    /** The score turned into a loss to minimise: the score itself, or its negation when higher is better. */
    default double loss(double score) {
        return higherIsBetter() ? -score : score;
    }
}
