package automl4j.spark.data;

import automl4j.data.TaskData;
import java.util.Objects;

/**
 * A sample of Spark rows on the driver, ready for the search, and how it was taken.
 *
 * @param data the sampled rows as the engine's task data (its task read from the target, or as named)
 * @param plan the data's and the sample's sizes and what they were chosen from
 */
public record DriverSample(TaskData data, SamplePlan plan) {
    /** Checks the fields. */
    public DriverSample {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(plan, "plan");
    }
}
