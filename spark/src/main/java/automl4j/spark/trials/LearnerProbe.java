package automl4j.spark.trials;

import automl4j.learn.Learner;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Asks an executor, before the search, which of the run's learners it cannot rebuild by id: a learner whose jar is not
 * on the executors' class path would otherwise fail every one of its trials, each with the same message. One Spark job
 * of one task, on whichever executor takes it.
 */
final class LearnerProbe implements Function<String, String> {
    private static final long serialVersionUID = 1L;

    /**
     * The ids among {@code learners} that an executor of {@code spark} cannot rebuild, and why, or an empty list.
     *
     * @throws RuntimeException what Spark threw when the probe could not run (the search would fail the same way)
     */
    static List<String> missing(JavaSparkContext spark, List<Learner> learners) {
        String ids = String.join(",", learners.stream().map(Learner::id).toList());
        String answer = spark.parallelize(List.of(ids), 1).map(new LearnerProbe()).collect().get(0);
        return answer.isEmpty() ? List.of() : List.of(answer.split("\n"));
    }

    @Override
    public String call(String ids) {
        List<String> missing = new ArrayList<>();
        for (String id : ids.split(",")) {
            try {
                ExecutorState.plugins().learner(id);
            } catch (RuntimeException e) {
                missing.add(id + ": " + e.getMessage());
            }
        }
        return String.join("\n", missing);
    }
}
