package automl4j.forecast.arima;

import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.ForecastException;
import automl4j.forecast.model.Forecaster;
import java.util.Map;

/**
 * Seasonal ARIMA, its order chosen automatically ({@link #automatic()}, as the forecast package's {@code
 * auto.arima} does by default) or fixed ({@link #of}); coefficients by exact Gaussian maximum likelihood. Id {@code
 * arima}. Immutable and thread-safe.
 *
 * <p>The fitted model ({@link FittedArima}) forecasts from the Kalman filter's last state; its in-sample fitted values
 * are NaN for the first {@code d + mD} values, which differencing consumes. {@link FittedArima#parameters()} holds the
 * orders, the coefficients and the mean or drift, and {@link #restore} runs the filter with them over a new history
 * without estimating anything.
 */
public final class ArimaForecaster implements Forecaster {
    private static final ArimaForecaster AUTOMATIC = new ArimaForecaster(null);

    private final int[] fixed;
    private final boolean fixedConstant;

    private ArimaForecaster(int[] fixed) {
        this(fixed, false);
    }

    private ArimaForecaster(int[] fixed, boolean constant) {
        this.fixed = fixed;
        this.fixedConstant = constant;
    }

    /**
     * ARIMA with automatic order selection (KPSS and seasonal-strength differencing, stepwise AICc search).
     *
     * @return the forecaster
     */
    public static ArimaForecaster automatic() {
        return AUTOMATIC;
    }

    /**
     * ARIMA of a fixed order; the seasonal orders are ignored for a series of period 1.
     *
     * @param p        non-seasonal AR order
     * @param d        non-seasonal differences
     * @param q        non-seasonal MA order
     * @param seasonalP seasonal AR order
     * @param seasonalD seasonal differences
     * @param seasonalQ seasonal MA order
     * @param constant whether to estimate a mean (d + D = 0) or drift (d + D = 1)
     * @return the forecaster
     * @throws ForecastException if an order is negative or a constant is asked for with d + D above 1
     */
    public static ArimaForecaster of(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ,
                                     boolean constant) {
        new ArimaOrder(p, d, q, seasonalP, seasonalD, seasonalQ, 2, constant);
        return new ArimaForecaster(new int[] {p, d, q, seasonalP, seasonalD, seasonalQ}, constant);
    }

    @Override
    public String id() {
        return "arima";
    }

    @Override
    public int minLength(int period) {
        if (fixed == null) {
            return 3;
        }
        ArimaOrder o = order(period);
        return o.lostToDifferencing() + o.coefficientCount() + 1;
    }

    @Override
    public FittedArima fit(double[] history, int period) {
        check(history, period);
        if (fixed == null) {
            return AutoArima.fit(history.clone(), period);
        }
        ArimaOrder o = order(period);
        ArimaEstimator est = new ArimaEstimator(o, history.clone());
        return est.exactBest(est.cssOptima());
    }

    @Override
    public FittedForecaster restore(Map<String, Object> parameters, double[] history, int period) {
        if (period < 1) {
            throw new ForecastException("the seasonal period must be at least 1");
        }
        checkFinite(history);
        return ArimaParameters.read(parameters, period).filter(history.clone());
    }

    private ArimaOrder order(int period) {
        boolean seasonal = period > 1;
        return new ArimaOrder(fixed[0], fixed[1], fixed[2], seasonal ? fixed[3] : 0, seasonal ? fixed[4] : 0,
            seasonal ? fixed[5] : 0, period, fixedConstant);
    }

    private void check(double[] history, int period) {
        if (period < 1) {
            throw new ForecastException("the seasonal period must be at least 1");
        }
        if (history.length < minLength(period)) {
            throw new ForecastException("ARIMA needs at least " + minLength(period) + " values, got "
                + history.length);
        }
        checkFinite(history);
    }

    private static void checkFinite(double[] history) {
        for (double v : history) {
            if (!Double.isFinite(v)) {
                throw new ForecastException("the history has a value that is not finite");
            }
        }
    }
}
