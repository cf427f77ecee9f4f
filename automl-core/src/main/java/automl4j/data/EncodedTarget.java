package automl4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
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
     * Reads the target column of {@code data}.
     *
     * @throws IllegalArgumentException naming the row and value when a regression target is not a finite number, or
     *                                  when fewer than two classes or, for regression, two distinct values remain
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
            throw new IllegalArgumentException("target column '" + column.name() + "' in " + data.source() + " has only missing values");
        }
        int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
        double[] values = new double[rows.length];
        if (data.task() == TaskType.REGRESSION) {
            for (int k = 0; k < rows.length; k++) {
                double v = Cells.number(column, rows[k]);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("target column '" + column.name() + "' in " + data.source()
                            + " must hold finite numbers for regression, but row " + (rows[k] + 1) + " has '"
                            + Cells.text(column, rows[k]) + "'");
                }
                values[k] = v;
            }
            if (java.util.Arrays.stream(values).allMatch(v -> v == values[0])) {
                // Nothing to learn, and every metric would report a perfect fit (issue 14): refused as a single class is.
                throw new IllegalArgumentException("target column '" + column.name() + "' in " + data.source()
                        + " must have at least 2 distinct values for regression, but has only '" + Cells.text(column, rows[0]) + "'");
            }
            return new EncodedTarget(new Target(column.name(), TaskType.REGRESSION, List.of()), rows, values);
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (int r : rows) {
            distinct.add(Cells.text(column, r));
        }
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("target column '" + column.name() + "' in " + data.source()
                    + " must have at least 2 classes, but has only " + distinct);
        }
        TaskType task = distinct.size() == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
        if (data.task() == TaskType.BINARY && distinct.size() != 2) {
            throw new IllegalArgumentException("task binary needs a target with 2 classes, but '" + column.name()
                    + "' has " + distinct.size());
        }
        Target target = new Target(column.name(), task, new ArrayList<>(distinct));
        for (int k = 0; k < rows.length; k++) {
            values[k] = target.indexOf(Cells.text(column, rows[k]));
        }
        return new EncodedTarget(target, rows, values);
    }
}
