package automl4j.forecast.arima;

/**
 * The Kalman filter of a zero-mean stationary ARMA process in Harvey's state-space form ({@code y_t} is the first
 * state; the transition is the companion matrix of the AR coefficients; the innovation enters through {@code (1,
 * theta_1, ..., theta_{r-1})}), started from the stationary state covariance: its one-step prediction errors and
 * their variances give the exact Gaussian likelihood (Harvey 1989; Durbin and Koopman 2012, section 3.4).
 *
 * <p>Each step costs about {@code r^2 / 2} multiplications: the observation is the first state itself, so the update
 * leaves it known exactly and the companion transition merely shifts the rest of the covariance; once the prediction covariance has settled on its steady state (the innovation's own), the remaining steps
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
        double[][] next = new double[r][r];
        double[] a = new double[r];
        double[] au = new double[r];
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
            // y_t is the first state, observed without noise: after the update it is known exactly, so row and
            // column 0 of the updated covariance vanish and the companion transition only shifts the rest,
            // P_next[i][j] = P[i+1][j+1] - P[i+1][0] P[j+1][0] / f + R_i R_j (P beyond row r-1 is zero)
            for (int i = 0; i < r; i++) {
                double gi = i + 1 < r ? p[i + 1][0] / f : 0;
                au[i] = ph[i] * z[t] + (i + 1 < r ? a[i + 1] + gi * v : 0);
            }
            double change = 0;
            for (int i = 0; i < r; i++) {
                double ci = i + 1 < r ? p[i + 1][0] / f : 0;
                for (int j = i; j < r; j++) {
                    double val = i + 1 < r && j + 1 < r ? p[i + 1][j + 1] - ci * p[j + 1][0] : 0;
                    change = Math.max(change, Math.abs(val));
                    next[i][j] = val + rv[i] * rv[j];
                    next[j][i] = next[i][j];
                }
            }
            double[][] swap = p;
            p = next;
            next = swap;
            System.arraycopy(au, 0, a, 0, r);
            // the shifted covariance vanishing means the state is known up to the next innovation from now on
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
