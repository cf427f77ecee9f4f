package automl4j.engine;

import automl4j.ConfigException;
import automl4j.data.Task;
import automl4j.learn.Learner;
import automl4j.settings.Setting;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Which of a run's learners can learn its task: those that declare the task's kind in {@link Learner#tasks()}. */
final class TaskSupport {
    private TaskSupport() {
    }

    /**
     * The learners of {@code candidates} that declare the kind of {@code task}, by id in their given order.
     *
     * @throws ConfigException (key {@code search.learners}) naming the task, each learner and the kinds it supports, when none does
     */
    static Map<String, Learner> learnersFor(Task task, Collection<Learner> candidates) {
        Map<String, Learner> out = new LinkedHashMap<>();
        for (Learner l : candidates) {
            if (l.tasks().contains(task.getClass())) {
                out.put(l.id(), l);
            }
        }
        if (out.isEmpty()) {
            String declared = candidates.stream().map(l -> l.id() + " supports " + kinds(l)).collect(Collectors.joining(", "));
            throw new ConfigException(Setting.LEARNERS.key(), "no learner supports task " + task.label() + " (" + task.getClass().getSimpleName()
                    + "): " + declared + "; add a learner whose tasks() includes " + task.getClass().getSimpleName() + ".class");
        }
        return out;
    }

    // Sorted, because a learner's set (Set.of) iterates in an order that changes from run to run.
    private static String kinds(Learner learner) {
        return learner.tasks().stream().map(Class::getSimpleName).sorted().toList().toString();
    }
}
