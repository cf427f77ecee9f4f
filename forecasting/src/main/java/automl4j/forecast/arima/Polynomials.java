package automl4j.forecast.arima;

import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;

/**
 * Lag polynomials as coefficient arrays: {@code c[0] + c[1] B + c[2] B^2 + ...}. ARIMA models multiply the
 * non-seasonal and seasonal parts and the differences into one polynomial each, and the filter, the forecasts and the
 * psi-weights work on those products.
 */
final class Polynomials {
    private Polynomials() {
    }

    /**
     * The product of two polynomials.
     *
     * @param a one
     * @param b the other
     * @return the coefficients of {@code a(B) b(B)}
     */
    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0) {
                continue;
            }
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }

    /**
     * The polynomial {@code 1 + sign (k[0] B^s + k[1] B^{2s} + ...)}: an AR part has sign -1 ({@code 1 - phi_1 B}),
     * an MA part +1.
     *
     * @param k    the coefficients
     * @param step the lag of the first one (1, or the seasonal period)
     * @param sign -1 or 1
     * @return the polynomial
     */
    static double[] lagPolynomial(double[] k, int step, double sign) {
        double[] c = new double[k.length * step + 1];
        c[0] = 1;
        for (int i = 0; i < k.length; i++) {
            c[(i + 1) * step] = sign * k[i];
        }
        return c;
    }

    /**
     * The differencing polynomial {@code (1 - B)^d (1 - B^m)^D}.
     *
     * @param d      non-seasonal differences
     * @param seasD  seasonal differences
     * @param period the seasonal period
     * @return the polynomial
     */
    static double[] differencing(int d, int seasD, int period) {
        double[] c = {1};
        for (int i = 0; i < d; i++) {
            c = multiply(c, new double[] {1, -1});
        }
        for (int i = 0; i < seasD; i++) {
            double[] s = new double[period + 1];
            s[0] = 1;
            s[period] = -1;
            c = multiply(c, s);
        }
        return c;
    }

    /**
     * Applies a differencing polynomial to a series: value {@code t} of the result is {@code sum_i c[i] x[t + k - i]}
     * with {@code k = c.length - 1}, so the result is {@code k} values shorter.
     *
     * @param x the series
     * @param c the polynomial, {@code c[0] = 1}
     * @return the differenced series
     */
    static double[] apply(double[] x, double[] c) {
        int k = c.length - 1;
        double[] w = new double[Math.max(0, x.length - k)];
        for (int t = 0; t < w.length; t++) {
            double s = 0;
            for (int i = 0; i <= k; i++) {
                s += c[i] * x[t + k - i];
            }
            w[t] = s;
        }
        return w;
    }

    /**
     * The psi-weights {@code psi_0 = 1, psi_1, ...} of {@code theta(B) / phi(B)}, where both polynomials have constant
     * term 1: the moving-average form that gives the forecast variances.
     *
     * @param phi   the full autoregressive polynomial, differences included ({@code 1 - phi_1 B - ...})
     * @param theta the full moving-average polynomial ({@code 1 + theta_1 B + ...})
     * @param n     how many weights
     * @return {@code n} weights
     */
    static double[] psiWeights(double[] phi, double[] theta, int n) {
        double[] psi = new double[n];
        for (int j = 0; j < n; j++) {
            double s = j < theta.length ? theta[j] : 0;
            for (int i = 1; i <= Math.min(j, phi.length - 1); i++) {
                s -= phi[i] * psi[j - i];
            }
            psi[j] = s;
        }
        return psi;
    }

    /**
     * The smallest modulus of the roots of a polynomial, or infinity when it has none (a constant).
     *
     * @param c the coefficients, {@code c[0] != 0}
     * @return the smallest root modulus
     */
    static double smallestRootModulus(double[] c) {
        int deg = c.length - 1;
        while (deg > 0 && c[deg] == 0) {
            deg--;
        }
        if (deg == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] trimmed = java.util.Arrays.copyOf(c, deg + 1);
        if (deg == 1) {
            return Math.abs(trimmed[0] / trimmed[1]);
        }
        Complex[] roots = new LaguerreSolver(1e-12).solveAllComplex(trimmed, 0.0, 10_000);
        double min = Double.POSITIVE_INFINITY;
        for (Complex r : roots) {
            min = Math.min(min, r.abs());
        }
        return min;
    }
}
