package automl4j.forecast.arima;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Estimates the coefficients of an ARIMA order on a series, by conditional sum of squares (CSS) and then, for an
 * exact fit, by exact Gaussian maximum likelihood started from the CSS estimates (R's default "CSS-ML").
 *
 * <p>Both are least-squares problems, solved by Commons Math's Levenberg-Marquardt optimizer with a forward-difference
 * Jacobian: CSS minimises the conditional residuals; the exact likelihood with the variance concentrated out is
 * {@code -n/2 log(sum v_t^2 / F_t) - 1/2 sum log F_t + const}, so it is maximised by minimising the sum of squares of
 * {@code v_t / sqrt(F_t) * g}, with {@code g} the geometric mean of {@code sqrt(F_t)} (the form of Melard 1984). CSS
 * works on the coefficients themselves (as R's does, so that a non-stationary CSS optimum can disqualify an order);
 * maximum likelihood estimates the AR and MA parts as {@code tanh} of their partial autocorrelations ({@link
 * PartialAutocorrelations}), which keeps every estimate stationary and invertible (R transforms the AR part only and
 * inverts non-invertible MA roots afterwards). The mean or drift is estimated in units of the differenced series'
 * standard deviation.
 */
final class ArimaEstimator {
    private static final double STEP = 1e-6;
    private static final double FAIL = 1e100;
    /** The largest partial autocorrelation a starting value is given: a CSS estimate on or past the boundary. */
    private static final double LIMIT = 0.99;

    private final ArimaOrder order;
    private final double[] x;
    private final double[] w;
    private final double mean0;
    private final double scale;

    /**
     * An estimator for one order and series.
     *
     * @param order the order
     * @param x     the series (undifferenced)
     */
    ArimaEstimator(ArimaOrder order, double[] x) {
        this.order = order;
        this.x = x;
        this.w = Polynomials.apply(x, Polynomials.differencing(order.d(), order.seasonalD(), order.period()));
        double mean = 0;
        for (double v : w) {
            mean += v;
        }
        mean /= Math.max(1, w.length);
        double ss = 0;
        for (double v : w) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / Math.max(1, w.length - 1));
        this.mean0 = mean;
        this.scale = sd > 0 ? sd : Math.max(1, Math.abs(mean));
    }

    /** @return the number of values after differencing */
    int observations() {
        return w.length;
    }

    /**
     * The CSS estimates over the coefficients themselves (unconstrained, as R's CSS), from two starts: zero and {@link
     * HannanRissanen}'s estimates; the better first, the other only when it is a different optimum. Likelihoods of
     * ARMA models often have two basins, and the two starts find both more often than one. An estimate's AR part may
     * come out non-stationary, which the automatic search takes as a sign that the order does not suit the series.
     *
     * @return one or two models at CSS optima, the lowest sum of squares first
     */
    List<ArimaModel> cssOptima() {
        double[] fromZero = minimise(zeros(), false);
        double[][] hr = HannanRissanen.start(order, w, order.constant() ? mean0 : 0);
        if (hr == null) {
            return List.of(rawDecode(fromZero));
        }
        double[] u0 = zeros();
        int i = 0;
        for (double[] part : hr) {
            System.arraycopy(part, 0, u0, i, part.length);
            i += part.length;
        }
        double[] fromHr = minimise(u0, false);
        double cz = cost(residuals(fromZero, false));
        double ch = cost(residuals(fromHr, false));
        double gap = 0;
        for (int j = 0; j < fromZero.length; j++) {
            gap = Math.max(gap, Math.abs(fromZero[j] - fromHr[j]));
        }
        List<ArimaModel> out = new ArrayList<>();
        out.add(rawDecode(ch < cz ? fromHr : fromZero));
        if (gap > 1e-3) {
            out.add(rawDecode(ch < cz ? fromZero : fromHr));
        }
        return out;
    }

    /**
     * The best CSS estimate.
     *
     * @return the model with the lowest conditional sum of squares found
     */
    ArimaModel css() {
        return cssOptima().get(0);
    }

    /**
     * The exact fit with the highest likelihood among those started from each of {@code starts}.
     *
     * @param starts starting models (CSS estimates)
     * @return the best fit
     */
    FittedArima exactBest(List<ArimaModel> starts) {
        FittedArima best = null;
        for (ArimaModel s : starts) {
            FittedArima f = exact(s);
            if (best == null || f.logLikelihood() > best.logLikelihood()) {
                best = f;
            }
        }
        return best;
    }

    /**
     * An approximate AICc from the CSS fit of {@code model}, for ranking orders of the same differences cheaply: {@code
     * n log(sigma2_CSS) + 2k + 2k(k+1)/(n-k-1)} with {@code n} the observations after differencing and {@code k} the
     * coefficients plus the variance.
     *
     * @param model a model of this order
     * @return the approximate criterion
     */
    double cssCriterion(ArimaModel model) {
        double[] e = cssResiduals(model);
        double ss = 0;
        for (double v : e) {
            ss += v * v;
        }
        int n = w.length;
        int k = order.coefficientCount() + 1;
        if (e.length == 0 || !(ss > 0) || n - k - 1 <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return n * Math.log(ss / e.length) + 2 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /**
     * The exact maximum-likelihood fit, started from {@code start} (a CSS estimate) or from zero coefficients.
     *
     * @param start the starting model, or null
     * @return the fitted model on the series
     */
    FittedArima exact(ArimaModel start) {
        double[] u0 = start == null ? zeros() : encode(start);
        return decode(minimise(u0, true)).filter(x);
    }

    private double[] zeros() {
        return new double[order.coefficientCount()];
    }

    private double[] minimise(double[] start, boolean exact) {
        int k = start.length;
        if (k == 0) {
            return start;
        }
        int n = residuals(start, exact).length;
        if (n <= k) {
            return start;
        }
        double[] best = start.clone();
        double[] bestCost = {cost(residuals(start, exact))};
        MultivariateJacobianFunction model = point -> {
            double[] u = point.toArray();
            double[] r = residuals(u, exact);
            double c = cost(r);
            if (c < bestCost[0]) {
                bestCost[0] = c;
                System.arraycopy(u, 0, best, 0, k);
            }
            double[][] jac = new double[r.length][k];
            for (int j = 0; j < k; j++) {
                double[] up = u.clone();
                up[j] += STEP;
                double[] rp = residuals(up, exact);
                for (int t = 0; t < r.length; t++) {
                    jac[t][j] = (rp[t] - r[t]) / STEP;
                }
            }
            return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(start).model(model)
            .target(new double[n]).maxEvaluations(200).maxIterations(200).build();
        LeastSquaresOptimizer optimizer = new LevenbergMarquardtOptimizer()
            .withCostRelativeTolerance(1e-9).withParameterRelativeTolerance(1e-8);
        try {
            RealVector u = optimizer.optimize(problem).getPoint();
            double c = cost(residuals(u.toArray(), exact));
            return c <= bestCost[0] ? u.toArray() : best;
        } catch (MathIllegalStateException e) {
            // out of evaluations or stuck: the best point seen is still the best estimate there is
            return best;
        }
    }

    private static double cost(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }

    /** The residual vector whose sum of squares is minimised: CSS residuals, or scaled exact one-step errors. */
    private double[] residuals(double[] u, boolean exact) {
        if (!exact) {
            return cssResiduals(rawDecode(u));
        }
        ArimaModel model = decode(u);
        double mu = model.differencedMean();
        double[] z = new double[w.length];
        for (int t = 0; t < w.length; t++) {
            z[t] = w[t] - mu;
        }
        ArmaKalmanFilter.Run run;
        try {
            run = ArmaKalmanFilter.run(z, model.fullAr(), model.fullMa());
        } catch (IllegalArgumentException e) {
            return failed(w.length);
        }
        double g = Math.exp(run.sumLogVariances() / (2.0 * w.length));
        double[] r = new double[w.length];
        for (int t = 0; t < w.length; t++) {
            r[t] = run.errors[t] / Math.sqrt(run.variances[t]) * g;
        }
        return allFinite(r) ? r : failed(w.length);
    }

    /** Conditional residuals: the first {@code p + mP} differenced values are given, earlier errors are zero. */
    double[] cssResiduals(ArimaModel model) {
        double[] phi = model.fullAr();
        double[] theta = model.fullMa();
        double mu = model.differencedMean();
        int ncond = phi.length;
        int n = w.length;
        if (n <= ncond) {
            return new double[0];
        }
        double[] e = new double[n];
        for (int t = ncond; t < n; t++) {
            double v = w[t] - mu;
            for (int i = 0; i < phi.length; i++) {
                v -= phi[i] * (w[t - 1 - i] - mu);
            }
            for (int j = 0; j < theta.length && t - 1 - j >= ncond; j++) {
                v -= theta[j] * e[t - 1 - j];
            }
            e[t] = v;
        }
        double[] r = Arrays.copyOfRange(e, ncond, n);
        return allFinite(r) ? r : failed(r.length);
    }

    private static boolean allFinite(double[] r) {
        for (double v : r) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] failed(int n) {
        double[] r = new double[n];
        Arrays.fill(r, FAIL / Math.sqrt(Math.max(1, n)));
        return r;
    }

    /** CSS parameters to a model: the coefficients as they are, then the scaled constant. */
    private ArimaModel rawDecode(double[] u) {
        int p = order.p();
        int q = order.q();
        int sp = order.seasonalP();
        int sq = order.seasonalQ();
        return new ArimaModel(order, Arrays.copyOfRange(u, 0, p), Arrays.copyOfRange(u, p, p + q),
            Arrays.copyOfRange(u, p + q, p + q + sp), Arrays.copyOfRange(u, p + q + sp, p + q + sp + sq),
            constantOf(order.constant() ? u[p + q + sp + sq] : 0));
    }

    private double constantOf(double scaled) {
        double mu = mean0 + scale * scaled;
        return order.seasonalD() == 1 ? mu / order.period() : mu;
    }

    /** Unconstrained parameters to a model: {@code tanh} partial autocorrelations, then the scaled constant. */
    ArimaModel decode(double[] u) {
        int i = 0;
        double[] ar = PartialAutocorrelations.toCoefficients(tanh(u, i, order.p()));
        i += order.p();
        double[] ma = negate(PartialAutocorrelations.toCoefficients(tanh(u, i, order.q())));
        i += order.q();
        double[] sar = PartialAutocorrelations.toCoefficients(tanh(u, i, order.seasonalP()));
        i += order.seasonalP();
        double[] sma = negate(PartialAutocorrelations.toCoefficients(tanh(u, i, order.seasonalQ())));
        i += order.seasonalQ();
        return new ArimaModel(order, ar, ma, sar, sma, order.constant() ? constantOf(u[i]) : 0);
    }

    /** A model to unconstrained parameters, the inverse of {@link #decode}, clamped inside the admissible region. */
    double[] encode(ArimaModel model) {
        double[] u = new double[order.coefficientCount()];
        int i = put(u, 0, PartialAutocorrelations.fromCoefficients(model.ar(), LIMIT));
        i = put(u, i, PartialAutocorrelations.fromCoefficients(negate(model.ma()), LIMIT));
        i = put(u, i, PartialAutocorrelations.fromCoefficients(model.sar(), LIMIT));
        i = put(u, i, PartialAutocorrelations.fromCoefficients(negate(model.sma()), LIMIT));
        if (order.constant()) {
            u[i] = (model.differencedMean() - mean0) / scale;
        }
        return u;
    }


    private static int put(double[] u, int at, double[] pacf) {
        for (int j = 0; j < pacf.length; j++) {
            u[at + j] = atanh(pacf[j]);
        }
        return at + pacf.length;
    }

    private static double atanh(double v) {
        return 0.5 * Math.log((1 + v) / (1 - v));
    }

    private static double[] tanh(double[] u, int from, int len) {
        double[] r = new double[len];
        for (int j = 0; j < len; j++) {
            r[j] = Math.tanh(u[from + j]);
        }
        return r;
    }

    private static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            r[j] = -a[j];
        }
        return r;
    }
}
