package automl4j.data;

import automl4j.DataException;
import java.util.List;
import tech.tablesaw.columns.Column;

/**
 * Classification into the target's classes: binary when there are two, multiclass when more. Predictions are class
 * probabilities, in the order of {@link #classes()}; folds are stratified by class.
 *
 * @param classes the class labels in code-point order (the order of probability columns everywhere in AutoML4J);
 *                at least two, no duplicates
 */
public record Classification(List<String> classes) implements Task {
    public Classification {
        classes = List.copyOf(classes);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a classification task needs at least 2 classes, but had " + classes);
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw new IllegalArgumentException("classification classes must be distinct, but were " + classes);
        }
    }

    /** True with exactly two classes. */
    public boolean isBinary() {
        return classes.size() == 2;
    }

    /** {@code binary} with two classes, {@code multiclass} with more. */
    @Override
    public String label() {
        return isBinary() ? Tasks.BINARY : Tasks.MULTICLASS;
    }

    /** ROC AUC for two classes (ranks the positive class), log loss for more. */
    @Override
    public String defaultMetric() {
        return isBinary() ? "auc" : "logloss";
    }

    @Override
    public String secondaryMetric() {
        return "accuracy";
    }

    /** One probability per class. */
    @Override
    public int predictionWidth() {
        return classes.size();
    }

    /**
     * Each cell's index in {@link #classes()}.
     *
     * @throws DataException naming the row and cell when a cell is not one of the classes
     */
    @Override
    public double[] encode(Column<?> column, int[] rows, String source) {
        double[] values = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            String cell = Cells.text(column, rows[k]);
            int index = classes.indexOf(cell);
            if (index < 0) {
                throw new DataException("target column '" + column.name() + "' in " + source + " must hold one of "
                        + classes + ", but row " + (rows[k] + 1) + " has '" + cell + "'");
            }
            values[k] = index;
        }
        return values;
    }

    /** Cross-validation or holdout by size (see {@link ValidationPlan}), folds stratified by class. */
    @Override
    public ValidationPlan validation(double[] y, long seed) {
        return ValidationPlan.bySize(y, seed, ValidationPlan::foldsByClass);
    }
}
