package automl4j.forecast.arima;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The covariance of the state of a stationary ARMA process in Harvey's state-space form, the exact start of the
 * Kalman filter. The state is {@code alpha_t[i] = sum_{k>i} phi_k y_{t+i-k} + sum_{k>=i} theta_k e_{t+i-k}}, a linear
 * combination of the last {@code r} values and innovations, so its covariance follows from the process'
 * autocovariances and psi-weights in {@code O(r^3)}, instead of the {@code O(r^6)} of solving the Lyapunov equation
 * directly.
 */
final class StationaryCovariance {
    private StationaryCovariance() {
    }

    /**
     * The autocovariances {@code gamma(0..maxLag)} of the ARMA process {@code y_t = sum phi_i y_{t-i} + e_t + sum
     * theta_j e_{t-j}} with unit innovation variance.
     *
     * @param phi    {@code phi_1..phi_p}, stationary
     * @param theta  {@code theta_1..theta_q}
     * @param maxLag the largest lag
     * @return the autocovariances
     * @throws IllegalArgumentException if the AR part is not stationary (the system is singular)
     */
    static double[] autocovariances(double[] phi, double[] theta, int maxLag) {
        int p = phi.length;
        int q = theta.length;
        double[] psi = new double[q + 1];
        psi[0] = 1;
        for (int j = 1; j <= q; j++) {
            double s = theta[j - 1];
            for (int i = 1; i <= Math.min(j, p); i++) {
                s += phi[i - 1] * psi[j - i];
            }
            psi[j] = s;
        }
        int top = Math.max(p, maxLag);
        double[] rhs = new double[top + 1];
        for (int k = 0; k <= Math.min(q, top); k++) {
            double s = 0;
            for (int j = k; j <= q; j++) {
                s += (j == 0 ? 1 : theta[j - 1]) * psi[j - k];
            }
            rhs[k] = s;
        }
        double[] gamma = new double[top + 1];
        if (p == 0) {
            System.arraycopy(rhs, 0, gamma, 0, top + 1);
        } else {
            double[][] a = new double[p + 1][p + 1];
            for (int k = 0; k <= p; k++) {
                a[k][k] += 1;
                for (int j = 1; j <= p; j++) {
                    a[k][Math.abs(k - j)] -= phi[j - 1];
                }
            }
            LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(a, false), 1e-14);
            if (!lu.getSolver().isNonSingular()) {
                throw new IllegalArgumentException("the autoregressive part is not stationary");
            }
            RealVector g = lu.getSolver().solve(new ArrayRealVector(java.util.Arrays.copyOf(rhs, p + 1), false));
            for (int k = 0; k <= p; k++) {
                gamma[k] = g.getEntry(k);
            }
            for (int k = p + 1; k <= top; k++) {
                double s = rhs[k];
                for (int j = 1; j <= p; j++) {
                    s += phi[j - 1] * gamma[k - j];
                }
                gamma[k] = s;
            }
        }
        if (!(gamma[0] > 0) || !Double.isFinite(gamma[0])) {
            throw new IllegalArgumentException("the autoregressive part is not stationary");
        }
        return java.util.Arrays.copyOf(gamma, maxLag + 1);
    }

    /**
     * The state covariance for state dimension {@code r >= max(p, q + 1)}, in units of the innovation variance.
     *
     * @param phi   {@code phi_1..phi_p}, stationary
     * @param theta {@code theta_1..theta_q}
     * @param r     the state dimension
     * @return the {@code r x r} covariance
     */
    static double[][] of(double[] phi, double[] theta, int r) {
        double[] ph = new double[r + 1];
        System.arraycopy(phi, 0, ph, 1, phi.length);
        double[] th = new double[r];
        th[0] = 1;
        System.arraycopy(theta, 0, th, 1, theta.length);
        // alpha[i] = sum_{s=1..r} a[i][s-1] y_{t-s} + sum_{s=0..r-1} b[i][s] e_{t-s}
        double[][] b = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int s = 0; i + s <= r - 1; s++) {
                b[i][s] = th[i + s];
            }
        }
        double[][] p0 = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += b[i][k] * b[j][k];
                }
                p0[i][j] = s;
            }
        }
        if (phi.length == 0) {
            return p0;
        }
        double[][] a = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int s = 1; i + s <= r; s++) {
                a[i][s - 1] = ph[i + s];
            }
        }
        double[] gamma = autocovariances(phi, theta, r);
        double[] psi = Polynomials.psiWeights(negatedAr(phi), th, r);
        // m1 = A Gamma, m2 = A C, with C[s-1][s'] = Cov(y_{t-s}, e_{t-s'}) = psi_{s'-s} for s' >= s
        double[][] m1 = new double[r][r];
        double[][] m2 = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < r; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < r; j++) {
                    m1[i][j] += aik * gamma[Math.abs(k - j)];
                }
                for (int sp = k + 1; sp < r; sp++) {
                    m2[i][sp] += aik * psi[sp - k - 1];
                }
            }
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += m1[i][k] * a[j][k] + m2[i][k] * b[j][k] + m2[j][k] * b[i][k];
                }
                p0[i][j] += s;
                if (j != i) {
                    p0[j][i] = p0[i][j];
                }
            }
        }
        return p0;
    }

    private static double[] negatedAr(double[] phi) {
        double[] c = new double[phi.length + 1];
        c[0] = 1;
        for (int i = 0; i < phi.length; i++) {
            c[i + 1] = -phi[i];
        }
        return c;
    }
}
