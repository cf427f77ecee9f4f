package automl4j.data;

import automl4j.DataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.columns.Column;

/**
 * The target of a task read into numbers: class indexes into {@link Target#classes()} or regression values, plus the
 * table rows that have a target. Rows whose target is missing cannot be learned from; they are left out and counted
 * so the run can report them.
 *
 * @param target the target description
 * @param rows   table row index of each kept row, ascending
 * @param values class index (as a double) or regression value of each kept row
 */
public record EncodedTarget(Target target, int[] rows, double[] values) {
    public EncodedTarget {
        Objects.requireNonNull(target, "target");
        rows = rows.clone();
        values = values.clone();
        if (rows.length != values.length) {
            throw new IllegalArgumentException("rows and values must have the same length");
        }
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Number of rows with a target. */
    public int size() {
        return rows.length;
    }

    /**
     * Reads the target column of {@code data} as its task encodes it ({@link Task#encode}).
     *
     * @throws DataException naming the row and value when a cell does not fit the task, or when the column has only
     *                       missing values
     */
    public static EncodedTarget of(TaskData data) {
        Column<?> column = data.targetColumn();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < column.size(); i++) {
            if (Cells.text(column, i) != null) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            throw new DataException("target column '" + column.name() + "' in " + data.source() + " has only missing values");
        }
        int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
        double[] values = data.task().encode(column, rows, data.source());
        return new EncodedTarget(new Target(column.name(), data.task()), rows, values);
    }
}
