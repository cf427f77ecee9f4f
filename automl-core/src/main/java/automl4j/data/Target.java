package automl4j.data;

import java.util.List;
import java.util.Objects;

/**
 * The target column of a task: its name and its task, which for classification holds the class labels in code-point
 * order (the order of probability columns everywhere in AutoML4J).
 *
 * @param name column name in the table
 * @param task the task, with its classes for classification
 */
public record Target(String name, Task task) {
    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
    }

    /** Class labels sorted in code-point order; empty for a task without classes. */
    public List<String> classes() {
        return task.classes();
    }

    /** Number of classes, or 0 for a task without classes. */
    public int numClasses() {
        return classes().size();
    }

    /** Index of {@code label} in {@link #classes()}, or -1 if it is not a training class. */
    public int indexOf(String label) {
        return classes().indexOf(label);
    }
}
