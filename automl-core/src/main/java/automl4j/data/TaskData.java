package automl4j.data;

import automl4j.ConfigException;
import automl4j.DataException;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table and the name of its target column: what a user hands to {@code AutoMl.fit}. The task is read from the
 * target unless named (see {@link Tasks#resolve}): a text target is classification (binary with two distinct values,
 * otherwise multiclass); a numeric target with exactly two distinct values is binary, otherwise regression.
 *
 * @param table      the training rows, target included; not copied, so do not change it during a run
 * @param targetName the target column
 * @param task       the task, never null (with the target's classes for classification)
 * @param source     where the table came from, for messages (a file name or "table")
 */
public record TaskData(Table table, String targetName, Task task, String source) {
    /**
     * Checks the fields.
     *
     * @throws DataException if the table has no column {@code targetName}
     */
    public TaskData {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(source, "source");
        if (!table.columnNames().contains(targetName)) {
            throw new DataException("column '" + targetName + "' not found in " + source + "; columns are "
                    + table.columnNames());
        }
    }

    /** Task data with the task inferred from the target column. */
    public static TaskData of(Table table, String targetName) {
        return of(table, targetName, null, "table");
    }

    /**
     * Task data with the task named by a label of {@link Tasks#labels()} ({@code null} infers it) and a source name
     * used in error messages.
     *
     * @throws DataException   if the target column is absent or all missing, or the column does not fit the task (see
     *                          {@link Tasks#resolve})
     * @throws ConfigException if the label is unknown (key {@code data.task})
     */
    public static TaskData of(Table table, String targetName, String taskLabel, String source) {
        Objects.requireNonNull(table, "table");
        String where = source == null ? "table" : source;
        if (!table.columnNames().contains(targetName)) {
            throw new DataException("column '" + targetName + "' not found in " + where + "; columns are "
                    + table.columnNames());
        }
        return new TaskData(table, targetName, Tasks.resolve(taskLabel, table.column(targetName), where), where);
    }

    /** A copy with the given task. */
    public TaskData withTask(Task newTask) {
        return new TaskData(table, targetName, newTask, source);
    }

    /** The target column. */
    public Column<?> targetColumn() {
        return table.column(targetName);
    }
}
