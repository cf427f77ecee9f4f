package automl4j.forecast.arima;

import automl4j.forecast.model.ForecastException;

/**
 * An ARIMA model with its coefficients, in the sign conventions of Box and Jenkins as R's {@code arima} reports them:
 * {@code (1 - sum ar_i B^i)(1 - sum sar_j B^{jm}) (1 - B)^d (1 - B^m)^D (x_t - c(t)) = (1 + sum ma_i B^i)(1 + sum
 * sma_j B^{jm}) e_t}, where {@code c(t)} is the mean ({@code d + D = 0}) or {@code drift * t} ({@code d + D = 1}).
 * Immutable.
 */
public final class ArimaModel {
    private final ArimaOrder order;
    private final double[] ar;
    private final double[] ma;
    private final double[] sar;
    private final double[] sma;
    private final double constant;

    /**
     * A model.
     *
     * @param order    the form
     * @param ar       the p non-seasonal AR coefficients
     * @param ma       the q non-seasonal MA coefficients
     * @param sar      the P seasonal AR coefficients
     * @param sma      the Q seasonal MA coefficients
     * @param constant the mean or drift (0 and ignored when the order has no constant)
     * @throws ForecastException if the lengths do not match the order or a value is not finite
     */
    public ArimaModel(ArimaOrder order, double[] ar, double[] ma, double[] sar, double[] sma, double constant) {
        if (ar.length != order.p() || ma.length != order.q() || sar.length != order.seasonalP()
            || sma.length != order.seasonalQ()) {
            throw new ForecastException("coefficient counts do not match " + order);
        }
        for (double[] c : new double[][] {ar, ma, sar, sma, {constant}}) {
            for (double v : c) {
                if (!Double.isFinite(v)) {
                    throw new ForecastException("ARIMA coefficients must be finite");
                }
            }
        }
        this.order = order;
        this.ar = ar.clone();
        this.ma = ma.clone();
        this.sar = sar.clone();
        this.sma = sma.clone();
        this.constant = order.constant() ? constant : 0;
    }

    /** @return the form */
    public ArimaOrder order() {
        return order;
    }

    /** @return the non-seasonal AR coefficients */
    public double[] ar() {
        return ar.clone();
    }

    /** @return the non-seasonal MA coefficients */
    public double[] ma() {
        return ma.clone();
    }

    /** @return the seasonal AR coefficients */
    public double[] sar() {
        return sar.clone();
    }

    /** @return the seasonal MA coefficients */
    public double[] sma() {
        return sma.clone();
    }

    /** @return the mean (no differences) or drift (one difference); 0 without a constant */
    public double constant() {
        return constant;
    }

    /**
     * The mean of the differenced series: the mean itself, or the drift times what differencing makes of {@code t}
     * (1 for {@code (1 - B)}, m for {@code (1 - B^m)}).
     *
     * @return the mean of {@code (1 - B)^d (1 - B^m)^D x}
     */
    double differencedMean() {
        if (!order.constant()) {
            return 0;
        }
        return order.seasonalD() == 1 ? constant * order.period() : constant;
    }

    /** @return {@code phi_1..} of the full AR polynomial (non-seasonal times seasonal), without differences */
    double[] fullAr() {
        double[] c = Polynomials.multiply(Polynomials.lagPolynomial(ar, 1, -1),
            Polynomials.lagPolynomial(sar, order.period(), -1));
        double[] phi = new double[c.length - 1];
        for (int i = 1; i < c.length; i++) {
            phi[i - 1] = -c[i];
        }
        return phi;
    }

    /** @return {@code theta_1..} of the full MA polynomial (non-seasonal times seasonal) */
    double[] fullMa() {
        double[] c = Polynomials.multiply(Polynomials.lagPolynomial(ma, 1, 1),
            Polynomials.lagPolynomial(sma, order.period(), 1));
        return java.util.Arrays.copyOfRange(c, 1, c.length);
    }

    /**
     * The smallest modulus of the roots of the AR and MA polynomials (the seasonal ones in {@code B}, so a seasonal
     * root {@code y} counts as {@code |y|^(1/m)}); 1 or less means non-stationary or non-invertible.
     *
     * @return the smallest root modulus, infinity for a model without AR and MA terms
     */
    double smallestRoot() {
        double m = order.period();
        double r = Math.min(Polynomials.smallestRootModulus(Polynomials.lagPolynomial(ar, 1, -1)),
            Polynomials.smallestRootModulus(Polynomials.lagPolynomial(ma, 1, 1)));
        double s = Math.min(Polynomials.smallestRootModulus(Polynomials.lagPolynomial(sar, 1, -1)),
            Polynomials.smallestRootModulus(Polynomials.lagPolynomial(sma, 1, 1)));
        return Math.min(r, Math.pow(s, 1 / m));
    }

    /**
     * Whether the AR part is stationary: every root of the non-seasonal and seasonal AR polynomials outside the unit
     * circle.
     *
     * @return whether it is stationary
     */
    boolean stationary() {
        return Polynomials.smallestRootModulus(Polynomials.lagPolynomial(ar, 1, -1)) > 1
            && Polynomials.smallestRootModulus(Polynomials.lagPolynomial(sar, 1, -1)) > 1;
    }

    /**
     * Runs the model over a history: differences it, filters it exactly and keeps what forecasting needs.
     *
     * @param history the values, oldest first
     * @return the model on that history
     * @throws ForecastException if the history is too short for the differences or the AR part is not stationary
     */
    public FittedArima filter(double[] history) {
        double[] w = Polynomials.apply(history,
            Polynomials.differencing(order.d(), order.seasonalD(), order.period()));
        if (w.length < 1) {
            throw new ForecastException(order + " needs more than " + order.lostToDifferencing() + " values");
        }
        double mu = differencedMean();
        double[] z = new double[w.length];
        for (int t = 0; t < w.length; t++) {
            z[t] = w[t] - mu;
        }
        ArmaKalmanFilter.Run run;
        try {
            run = ArmaKalmanFilter.run(z, fullAr(), fullMa());
        } catch (IllegalArgumentException e) {
            throw new ForecastException(order + ": " + e.getMessage(), e);
        }
        return new FittedArima(this, history, run);
    }
}
