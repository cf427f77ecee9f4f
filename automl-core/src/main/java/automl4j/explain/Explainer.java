package automl4j.explain;

import automl4j.AutoMlModel;
import automl4j.data.TaskData;
import automl4j.metric.Metric;

/** Explains a fitted pipeline in terms of its raw input columns. Implementations are immutable. */
public interface Explainer {
    /** Stable kebab-case id. */
    String id();

    /**
     * Explains {@code model} on {@code data} (rows with a target), scoring with {@code metric}.
     *
     * @param seed seed for any shuffling
     */
    Explanation explain(AutoMlModel model, TaskData data, Metric metric, long seed);
}
