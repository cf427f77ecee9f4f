package automl4j.data;

import java.util.List;
import tech.tablesaw.columns.Column;

/**
 * The supervised task a run solves, and everything about the run that differs by task: how the target column is read
 * into numbers, how rows are split for validation, which metrics score it by default, and how many numbers a
 * prediction of one row holds. A new kind of task (forecasting, for instance) is a new record implementing these
 * methods, plus its label in {@link Tasks}; no learner supports it until the learner names its record class in
 * {@code Learner.tasks()}.
 *
 * <p>Implementations are immutable records and thread-safe. This interface may still grow while forecasting is added.
 */
public sealed interface Task permits Classification, Regression {
    /**
     * The short stable name written to config files, journals, model files and results files: {@code binary},
     * {@code multiclass} or {@code regression}. Never changes for a task, so files written earlier still load.
     */
    String label();

    /** The name of the metric a run optimizes when none is asked for, as in {@code Metrics.forName}. */
    String defaultMetric();

    /** The name of the second metric that benchmark results report beside the default one. */
    String secondaryMetric();

    /** Numbers one prediction of one row holds: one probability per class, or 1 for a value. */
    int predictionWidth();

    /** The class labels in code-point order, or an empty list for a task without classes. */
    default List<String> classes() {
        return List.of();
    }

    /**
     * The target cells of {@code rows} (all non-missing) read as numbers: class indexes into {@link #classes()}, or
     * values.
     *
     * @param column the target column
     * @param rows   table row indexes whose target is not missing, ascending
     * @param source where the table came from, for messages
     * @throws automl4j.DataException naming the column, row and cell when a cell cannot be read for this task
     */
    double[] encode(Column<?> column, int[] rows, String source);

    /**
     * How trials on {@code y} (the encoded target, see {@link #encode}) are validated: the splits and their
     * description. Positions in the splits index {@code y}.
     *
     * @param seed the run seed; the same seed gives the same splits
     */
    ValidationPlan validation(double[] y, long seed);
}
