package automl4j.data;

import automl4j.DataException;
import tech.tablesaw.columns.Column;

/**
 * Regression of a numeric target. Predictions are one value per row; folds are stratified by the sorted target.
 */
public record Regression() implements Task {
    /** Always {@code regression}. */
    @Override
    public String label() {
        return Tasks.REGRESSION;
    }

    /** Root mean squared error. */
    @Override
    public String defaultMetric() {
        return "rmse";
    }

    @Override
    public String secondaryMetric() {
        return "r2";
    }

    /** One value per row. */
    @Override
    public int predictionWidth() {
        return 1;
    }

    /**
     * Each cell as a number.
     *
     * @throws DataException naming the row and cell when a cell is not a finite number, or when every
     *                       value is the same (nothing to learn, and every metric would report a perfect fit)
     */
    @Override
    public double[] encode(Column<?> column, int[] rows, String source) {
        double[] values = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            double v = Cells.number(column, rows[k]);
            if (!Double.isFinite(v)) {
                throw new DataException("target column '" + column.name() + "' in " + source
                        + " must hold finite numbers for regression, but row " + (rows[k] + 1) + " has '"
                        + Cells.text(column, rows[k]) + "'");
            }
            values[k] = v;
        }
        if (java.util.Arrays.stream(values).allMatch(v -> v == values[0])) {
            // Nothing to learn, and every metric would report a perfect fit (issue 14): refused as a single class is.
            throw new DataException("target column '" + column.name() + "' in " + source
                    + " must have at least 2 distinct values for regression, but has only '" + Cells.text(column, rows[0]) + "'");
        }
        return values;
    }

    /** Cross-validation or holdout by size (see {@link ValidationPlan}), folds stratified by sorted value. */
    @Override
    public ValidationPlan validation(double[] y, long seed) {
        return ValidationPlan.bySize(y, seed, ValidationPlan::foldsByValue);
    }
}
