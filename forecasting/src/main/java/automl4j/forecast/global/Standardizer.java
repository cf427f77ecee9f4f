package automl4j.forecast.global;

import automl4j.forecast.model.ForecastException;

/**
 * Centres and scales each feature column to mean 0 and standard deviation 1 (a constant column is only centred), as
 * the training rows had them: a regularized linear model then penalizes every lag alike, however little the lags of
 * smooth series vary. Trees split the same either way.
 *
 * @param means the column means of the training rows
 * @param sds   the column standard deviations (1 where a column was constant)
 */
record Standardizer(double[] means, double[] sds) {
    /** Checks the lengths. */
    Standardizer {
        if (means.length != sds.length) {
            throw new ForecastException("standardizer has " + means.length + " means but " + sds.length + " standard deviations");
        }
        means = means.clone();
        sds = sds.clone();
    }

    /**
     * The standardizer of a row-major matrix.
     *
     * @param x       the rows
     * @param rows    the number of rows
     * @param columns the number of columns
     * @return the standardizer
     */
    static Standardizer of(float[] x, int rows, int columns) {
        double[] means = new double[columns];
        double[] sds = new double[columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                means[c] += x[r * columns + c];
            }
        }
        for (int c = 0; c < columns; c++) {
            means[c] /= Math.max(1, rows);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double d = x[r * columns + c] - means[c];
                sds[c] += d * d;
            }
        }
        for (int c = 0; c < columns; c++) {
            double sd = Math.sqrt(sds[c] / Math.max(1, rows));
            sds[c] = sd > 1e-12 ? sd : 1;
        }
        return new Standardizer(means, sds);
    }

    /**
     * Standardizes {@code x} in place.
     *
     * @param x the row-major rows, as many columns as {@link #means()}
     */
    void apply(float[] x) {
        int columns = means.length;
        for (int i = 0; i < x.length; i++) {
            int c = i % columns;
            x[i] = (float) ((x[i] - means[c]) / sds[c]);
        }
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] sds() {
        return sds.clone();
    }
}
