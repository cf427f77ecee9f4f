package automl4j.data;

import java.util.Objects;
import java.util.TreeSet;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table and the name of its target column: what a user hands to {@code AutoMl.fit}. The task type is inferred from
 * the target unless given: a text target is classification (binary with two distinct values, otherwise multiclass);
 * a numeric target with exactly two distinct values is binary, otherwise regression.
 *
 * @param table      the training rows, target included; not copied, so do not change it during a run
 * @param targetName the target column
 * @param task       the task type, never null (inferred by {@link #of(Table, String)})
 * @param source     where the table came from, for messages (a file name or "table")
 */
public record TaskData(Table table, String targetName, TaskType task, String source) {
    public TaskData {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(source, "source");
        if (!table.columnNames().contains(targetName)) {
            throw new IllegalArgumentException("column '" + targetName + "' not found in " + source + "; columns are "
                    + table.columnNames());
        }
    }

    /** Task data with the task type inferred from the target column. */
    public static TaskData of(Table table, String targetName) {
        return of(table, targetName, null, "table");
    }

    /**
     * Task data with an explicit task type ({@code null} infers it) and a source name used in error messages.
     *
     * @throws IllegalArgumentException if the target column is absent, all missing, has one class, or is
     *                                  non-numeric for regression
     */
    public static TaskData of(Table table, String targetName, TaskType task, String source) {
        Objects.requireNonNull(table, "table");
        String where = source == null ? "table" : source;
        if (!table.columnNames().contains(targetName)) {
            throw new IllegalArgumentException("column '" + targetName + "' not found in " + where + "; columns are "
                    + table.columnNames());
        }
        return new TaskData(table, targetName, task == null ? inferTask(table.column(targetName), where) : task, where);
    }

    /** A copy with the given task type. */
    public TaskData withTask(TaskType newTask) {
        return new TaskData(table, targetName, newTask, source);
    }

    /** The target column. */
    public Column<?> targetColumn() {
        return table.column(targetName);
    }

    private static TaskType inferTask(Column<?> column, String where) {
        TreeSet<String> distinct = new TreeSet<>();
        boolean allNumeric = true;
        for (int i = 0; i < column.size(); i++) {
            String s = Cells.text(column, i);
            if (s != null) {
                distinct.add(s);
                if (allNumeric && Double.isNaN(Cells.number(column, i))) {
                    allNumeric = false;
                }
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("target column '" + column.name() + "' in " + where + " has only missing values");
        }
        if (distinct.size() == 1) {
            throw new IllegalArgumentException("target column '" + column.name() + "' in " + where
                    + " must have at least 2 distinct values, but has only '" + distinct.first() + "'");
        }
        if (distinct.size() == 2) {
            return TaskType.BINARY;
        }
        return allNumeric ? TaskType.REGRESSION : TaskType.MULTICLASS;
    }
}
