package automl4j.forecast.model;

import java.util.List;
import java.util.Map;

/**
 * A way to forecast many series with one model learned across all of them (a "global" model): a machine-learned
 * regression on each series' recent values, rolling statistics and calendar position, for instance. Implementations
 * are immutable and thread-safe.
 *
 * <p>In a backtest the search fits a global model once per window rank on every series cut at that window's origin,
 * so nothing after an origin is seen; the final model is fitted on the whole histories.
 */
public interface GlobalForecaster {
    /**
     * The stable id written to model files and results, such as {@code global-xgboost}.
     *
     * @return the id
     */
    String id();

    /**
     * The fewest values a series must have to be forecast by this model (shorter series get a simpler forecast).
     *
     * @param period the seasonal period, at least 1
     * @return the minimum length, at least 1
     */
    int minLength(int period);

    /**
     * Learns one model from all {@code histories}.
     *
     * @param histories the series' values, oldest first, all finite; series shorter than {@link #minLength} may be
     *                  left out of the training rows
     * @param period    the seasonal period
     * @param horizon   the steps it will be asked to forecast (a direct strategy learns one model per step)
     * @param seed      the seed of any randomness
     * @param threads   threads it may use
     * @return the fitted model
     * @throws ForecastException if it cannot learn (too few rows, for instance)
     */
    FittedGlobal fit(List<double[]> histories, int period, int horizon, long seed, int threads);

    /**
     * Whether it reads covariates ({@link #fit(List, List, int, int, long, int)}); those that do not are fitted on the
     * values alone.
     *
     * @return true if it does
     */
    default boolean usesCovariates() {
        return false;
    }

    /**
     * Learns one model from all {@code histories} and their covariates: known ones at the time of each target, observed
     * ones before each origin only. Every series has the same covariates, in the same order.
     *
     * @param histories  as for {@link #fit(List, int, int, long, int)}
     * @param covariates each history's covariates, in the order of {@code histories}, reaching at least its end
     * @param period     the seasonal period
     * @param horizon    the steps it will be asked to forecast
     * @param seed       the seed of any randomness
     * @param threads    threads it may use
     * @return the fitted model
     * @throws ForecastException if it cannot learn, or if there are covariates and it does not use them
     */
    default FittedGlobal fit(List<double[]> histories, List<Covariates> covariates, int period, int horizon, long seed,
                             int threads) {
        if (covariates.stream().anyMatch(c -> !c.isEmpty())) {
            throw new ForecastException(id() + " does not use covariates");
        }
        return fit(histories, period, horizon, seed, threads);
    }

    /**
     * The model {@link FittedGlobal#parameters()} describes, without learning again.
     *
     * @param parameters what {@link FittedGlobal#parameters()} gave
     * @param period     the seasonal period it was fitted with
     * @param horizon    the horizon it was fitted for
     * @return the model
     * @throws ForecastException if the parameters are not this forecaster's
     */
    FittedGlobal restore(Map<String, Object> parameters, int period, int horizon);

    /** A global model as learned: it forecasts any series from its history. Immutable and thread-safe. */
    interface FittedGlobal {
        /**
         * The point forecasts of the steps after {@code history}'s end.
         *
         * @param history the series' values, at least {@link GlobalForecaster#minLength} of them
         * @param horizon the steps, at most the horizon it was fitted for
         * @return {@code horizon} finite values
         */
        double[] forecast(double[] history, int horizon);

        /**
         * The point forecasts of the steps after {@code history}'s end, reading the covariates as at the fit: the
         * known ones up to the last step, the observed ones up to the history's end.
         *
         * @param history    the series' values
         * @param covariates its covariates, the known ones reaching {@code history.length + horizon}
         * @param horizon    the steps
         * @return {@code horizon} finite values
         * @throws ForecastException if the covariates are not the ones it was fitted with, or do not reach far enough
         */
        default double[] forecast(double[] history, Covariates covariates, int horizon) {
            if (!covariates.isEmpty()) {
                throw new ForecastException("this model was fitted without covariates");
            }
            return forecast(history, horizon);
        }

        /**
         * What was fitted, for people.
         *
         * @return the description
         */
        String description();

        /**
         * Everything {@link GlobalForecaster#restore} needs, as JSON-able values ({@link String} — binary payloads as
         * Base64 —, {@link Number}, {@link Boolean}, {@code double[]}).
         *
         * @return the parameters, by name
         */
        Map<String, Object> parameters();
    }
}
