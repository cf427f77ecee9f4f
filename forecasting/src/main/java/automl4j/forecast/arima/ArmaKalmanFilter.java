package automl4j.forecast.arima;

/**
 * The Kalman filter of a zero-mean stationary ARMA process in Harvey's state-space form ({@code y_t} is the first
 * state; the transition is the companion matrix of the AR coefficients; the innovation enters through {@code (1,
 * theta_1, ..., theta_{r-1})}), started from the stationary state covariance: its one-step prediction errors and
 * their variances give the exact Gaussian likelihood (Harvey 1989; Durbin and Koopman 2012, section 3.4).
 *
 * <p>Each step costs {@code O(r^2)} because the companion structure makes {@code T P T'} a shift plus a rank-two
 * update; once the prediction covariance has settled on its steady state (the innovation's own), the remaining steps
 * cost {@code O(r)}, which is exact to the tolerance of the settling test.
 */
final class ArmaKalmanFilter {
    private static final double STEADY = 1e-11;

    private ArmaKalmanFilter() {
    }

    /** One pass over a series: prediction errors, their variances and the state predicted for the next time. */
    static final class Run {
        final double[] errors;
        final double[] variances;
        final double[] nextState;
        final double[] phi;
        final double[] theta;

        Run(double[] errors, double[] variances, double[] nextState, double[] phi, double[] theta) {
            this.errors = errors;
            this.variances = variances;
            this.nextState = nextState;
            this.phi = phi;
            this.theta = theta;
        }

        /** @return the sum of squared standardised errors */
        double sumOfSquares() {
            double s = 0;
            for (int t = 0; t < errors.length; t++) {
                s += errors[t] * errors[t] / variances[t];
            }
            return s;
        }

        /** @return the sum of the logarithms of the error variances (in innovation-variance units) */
        double sumLogVariances() {
            double s = 0;
            for (double f : variances) {
                s += Math.log(f);
            }
            return s;
        }

        /**
         * The point forecasts of the next {@code h} values (zero-mean scale).
         *
         * @param h the horizon
         * @return the forecasts
         */
        double[] forecast(int h) {
            int r = nextState.length;
            double[] a = nextState.clone();
            double[] out = new double[h];
            for (int k = 0; k < h; k++) {
                out[k] = a[0];
                double a0 = a[0];
                for (int i = 0; i < r; i++) {
                    a[i] = (i < phi.length ? phi[i] * a0 : 0) + (i + 1 < r ? a[i + 1] : 0);
                }
            }
            return out;
        }
    }

    /**
     * Filters {@code z} under the ARMA model.
     *
     * @param z     the series, mean removed
     * @param phi   {@code phi_1..phi_p}, stationary
     * @param theta {@code theta_1..theta_q}
     * @return the errors, variances and next state
     * @throws IllegalArgumentException if the AR part is not stationary
     */
    static Run run(double[] z, double[] phi, double[] theta) {
        int r = Math.max(phi.length, theta.length + 1);
        double[] ph = new double[r];
        System.arraycopy(phi, 0, ph, 0, phi.length);
        double[] rv = new double[r];
        rv[0] = 1;
        System.arraycopy(theta, 0, rv, 1, theta.length);
        double[][] p = StationaryCovariance.of(phi, theta, r);
        double[] a = new double[r];
        double[] au = new double[r];
        double[][] tp = new double[r][r];
        double[] errors = new double[z.length];
        double[] variances = new double[z.length];
        boolean steady = false;
        for (int t = 0; t < z.length; t++) {
            double v = z[t] - a[0];
            errors[t] = v;
            if (steady) {
                variances[t] = 1;
                for (int i = 0; i < r; i++) {
                    au[i] = a[i] + rv[i] * v;
                }
                predictState(ph, au, a);
                continue;
            }
            double f = p[0][0];
            if (!(f > 0)) {
                throw new IllegalArgumentException("non-positive prediction variance");
            }
            variances[t] = f;
            for (int i = 0; i < r; i++) {
                au[i] = a[i] + p[i][0] * v / f;
            }
            // P_upd = P - P[:,0] P[0,:] / f, in place
            double[] col = new double[r];
            for (int i = 0; i < r; i++) {
                col[i] = p[i][0];
            }
            for (int i = 0; i < r; i++) {
                double ci = col[i] / f;
                for (int j = 0; j < r; j++) {
                    p[i][j] -= ci * col[j];
                }
            }
            predictState(ph, au, a);
            // tp = T P_upd: row i is phi_i P[0] + P[i+1]
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    tp[i][j] = ph[i] * p[0][j] + (i + 1 < r ? p[i + 1][j] : 0);
                }
            }
            // P = tp T' + R R': column j of T' is phi_j e_0 + e_{j+1}
            double change = 0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double val = tp[i][0] * ph[j] + (j + 1 < r ? tp[i][j + 1] : 0);
                    p[i][j] = val + rv[i] * rv[j];
                    change = Math.max(change, Math.abs(val));
                }
            }
            // T P_upd T' vanishing means the state is known up to the next innovation from now on
            steady = change < STEADY;
        }
        return new Run(errors, variances, a.clone(), ph, theta);
    }

    private static void predictState(double[] ph, double[] au, double[] a) {
        int r = a.length;
        for (int i = 0; i < r; i++) {
            a[i] = ph[i] * au[0] + (i + 1 < r ? au[i + 1] : 0);
        }
    }
}
