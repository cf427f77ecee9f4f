package automl4j.forecast.global;

import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.ForecastException;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.Labels;
import automl4j.learn.TrainingSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training rows of a global model: one per (series, origin, step) where the origin has {@link
 * WindowFeatures#minLength()} values before it and the target lies inside the history, the target being the value
 * scaled by the level at the origin ({@link WindowFeatures#scale()}). When there are more than {@code maxRows}
 * candidates, a seeded random subset of about {@code maxRows} is kept (evenly over series, origins and steps; a stride
 * would alias with the steps).
 */
final class TrainingRows {
    /** The fewest rows a model is learned from, whatever the number of features. */
    static final int MIN_ROWS = 30;

    private TrainingRows() {
    }

    /**
     * Builds the rows.
     *
     * @param id        the forecaster's id, for messages
     * @param histories the series
     * @param features  the features
     * @param steps     the steps ahead of each origin: the horizon (direct) or 1 (recursive)
     * @param maxRows   the most rows to keep
     * @param seed      the seed of the subsample
     * @return the rows
     * @throws ForecastException if fewer than {@link #minRows} rows can be made
     */
    static TrainingSet build(String id, List<double[]> histories, WindowFeatures features, int steps, int maxRows, long seed) {
        return build(id, histories, java.util.Collections.nCopies(histories.size(), Covariates.NONE), features,
                CovariateFeatures.NONE, steps, maxRows, seed);
    }

    /**
     * Builds the rows with covariate columns after the window features.
     *
     * @param id         the forecaster's id, for messages
     * @param histories  the series
     * @param covariates each series' covariates, in the order of {@code histories}, reaching at least its end
     * @param features   the window features
     * @param covariate  the covariate features
     * @param steps      the steps ahead of each origin
     * @param maxRows    the most rows to keep
     * @param seed       the seed of the subsample
     * @return the rows
     * @throws ForecastException if fewer than {@link #minRows} rows can be made
     */
    static TrainingSet build(String id, List<double[]> histories, List<Covariates> covariates, WindowFeatures features,
                             CovariateFeatures covariate, int steps, int maxRows, long seed) {
        if (covariates.size() != histories.size()) {
            throw new IllegalArgumentException(histories.size() + " histories but " + covariates.size() + " covariate sets");
        }
        for (int s = 0; s < histories.size(); s++) {
            covariate.check(id, covariates.get(s), histories.get(s).length, histories.get(s).length);
        }
        int lags = features.minLength();
        long candidates = 0;
        int usable = 0;
        for (double[] h : histories) {
            if (h.length > lags) {
                usable++;
                for (int origin = lags; origin < h.length; origin++) {
                    candidates += Math.min(steps, h.length - origin);
                }
            }
        }
        int needed = minRows(features.columns() + covariate.columns());
        if (candidates < needed) {
            throw new ForecastException(id + " cannot learn from " + histories.size() + " series: " + usable + " of them have more than "
                    + lags + " values, giving " + candidates + " training rows where at least " + needed + " are needed");
        }
        double keep = Math.min(1.0, (double) maxRows / candidates);
        SplittableRandom random = new SplittableRandom(seed);
        int window = features.columns();
        int columns = window + covariate.columns();
        int capacity = (int) Math.min(candidates, Math.round(maxRows * 1.05) + 64);
        float[] x = new float[capacity * columns];
        double[] y = new double[capacity];
        int rows = 0;
        for (int s = 0; s < histories.size(); s++) {
            double[] h = histories.get(s);
            if (h.length <= lags) {
                continue;
            }
            for (int origin = lags; origin < h.length; origin++) {
                double level = Double.NaN;
                for (int step = 1; step <= Math.min(steps, h.length - origin) && rows < capacity; step++) {
                    if (keep < 1 && random.nextDouble() >= keep) {
                        continue;
                    }
                    if (Double.isNaN(level)) {
                        level = features.level(h, origin);
                    }
                    features.fill(h, origin, step, level, x, rows * columns);
                    covariate.fill(covariates.get(s), origin, step, x, rows * columns + window);
                    y[rows++] = features.scale().encode(h[origin + step - 1], level);
                }
            }
        }
        if (rows < needed) {
            throw new ForecastException(id + " kept " + rows + " training rows where at least " + needed + " are needed");
        }
        float[] xs = rows == capacity ? x : java.util.Arrays.copyOf(x, rows * columns);
        double[] ys = rows == capacity ? y : java.util.Arrays.copyOf(y, rows);
        List<String> names = new java.util.ArrayList<>(features.names());
        names.addAll(covariate.names());
        return new TrainingSet(FeatureMatrix.wrapOwned(xs, rows, names), Labels.of(ys),
                new Target("value", new Regression()));
    }

    /**
     * The fewest rows a model with these features is learned from: two per feature, and at least {@link #MIN_ROWS}.
     *
     * @param features the features
     * @return the minimum number of rows
     */
    static int minRows(WindowFeatures features) {
        return minRows(features.columns());
    }

    private static int minRows(int columns) {
        return Math.max(MIN_ROWS, 2 * columns);
    }
}
