package automl4j.engine;

import automl4j.searchloop.RunListener;

import automl4j.execute.Gpus;
import automl4j.execute.PreparedSplit;
import automl4j.learn.DataShape;
import automl4j.learn.Learner;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learners a fit searches, once the featurized data is known: those of the task, less those that cannot take
 * sparse input when the features are sparse and some can, and less those unsuited to the data's shape unless all are.
 *
 * @param learners the learners searched, by id, in the order their defaults are tried
 * @param shape    the shape of a validation split's training part, which memory estimates are judged on
 * @param gpus     the GPUs their trials may run on besides the CPU slots (none when no learner runs on a GPU)
 */
record Candidates(Map<String, Learner> learners, DataShape shape, List<Gpus.Gpu> gpus) {
    Candidates {
        learners = Collections.unmodifiableMap(new LinkedHashMap<>(learners));
        gpus = List.copyOf(gpus);
    }

    /** Narrows {@code problem}'s learners to those worth searching on {@code featurized}, saying why in the log. */
    static Candidates of(Problem problem, Featurized featurized, List<Gpus.Gpu> gpus, RunListener listener) {
        Map<String, Learner> learners = new LinkedHashMap<>(problem.learners());
        List<PreparedSplit> splits = featurized.splits();
        if (featurized.isSparse() && learners.values().stream().anyMatch(l -> l.traits().acceptsSparse())) {
            List<String> left = learners.values().stream().filter(l -> !l.traits().acceptsSparse()).map(Learner::id).toList();
            if (!left.isEmpty()) {
                listener.info("features are sparse (" + splits.get(0).train().features().columns() + " columns, text); "
                        + "searching only learners that take sparse input, not " + left);
                learners.values().removeIf(l -> !l.traits().acceptsSparse());
            }
        }
        DataShape shape = trainingShape(featurized, problem);
        Map<String, String> unsuited = new TreeMap<>();
        learners.values().forEach(l -> l.unsuitedTo(shape).ifPresent(why -> unsuited.put(l.id(), why)));
        if (!unsuited.isEmpty() && unsuited.size() < learners.size()) {
            unsuited.forEach((id, why) -> listener.info("not searching " + id + ": " + why));
            learners.keySet().removeAll(unsuited.keySet());
        }
        return new Candidates(learners, shape, gpus);
    }

    /**
     * The shape of a validation split's training part (with the default featurization's columns; other featurization
     * choices change them little): what memory estimates and {@link Learner#unsuitedTo} are judged on.
     */
    private static DataShape trainingShape(Featurized featurized, Problem problem) {
        return new DataShape((int) Math.ceil(featurized.trainRowsPerSplit()), featurized.splits().get(0).train().features().columns(),
                problem.target().classes().size());
    }
}
