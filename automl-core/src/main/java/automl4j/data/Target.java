package automl4j.data;

import java.util.List;
import java.util.Objects;

/**
 * The target column of a task: its name, the task type and, for classification, the class labels in
 * code-point order (the order of probability columns everywhere in AutoML4J).
 *
 * @param name    column name in the table
 * @param task    task type
 * @param classes class labels sorted in code-point order; empty for regression
 */
public record Target(String name, TaskType task, List<String> classes) {
    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        if (task.isClassification() && classes.size() < 2) {
            throw new IllegalArgumentException("a " + task.label() + " target needs at least 2 classes, but had " + classes);
        }
        if (task == TaskType.BINARY && classes.size() != 2) {
            throw new IllegalArgumentException("a binary target needs exactly 2 classes, but had " + classes.size());
        }
        if (!task.isClassification() && !classes.isEmpty()) {
            throw new IllegalArgumentException("a regression target has no classes, but was given " + classes);
        }
    }

    /** Number of classes, or 0 for regression. */
    public int numClasses() {
        return classes.size();
    }

    /** Index of {@code label} in {@link #classes()}, or -1 if it is not a training class. */
    public int indexOf(String label) {
        return classes.indexOf(label);
    }
}
