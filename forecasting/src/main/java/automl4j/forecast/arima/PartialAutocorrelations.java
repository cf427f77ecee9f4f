package automl4j.forecast.arima;

/**
 * The map between partial autocorrelations in (-1, 1) and the coefficients of a stationary autoregressive polynomial
 * (the Durbin-Levinson recursion; Barndorff-Nielsen and Schou 1973, Jones 1980). Estimating partial autocorrelations
 * {@code tanh(u)} for unconstrained {@code u} keeps every AR part stationary and, applied to minus the MA
 * coefficients, every MA part invertible, so the optimizer never leaves the admissible region.
 */
final class PartialAutocorrelations {
    private PartialAutocorrelations() {
    }

    /**
     * AR coefficients {@code phi} (of {@code 1 - phi_1 B - ...}) from partial autocorrelations.
     *
     * @param pacf values in (-1, 1)
     * @return the coefficients, stationary
     */
    static double[] toCoefficients(double[] pacf) {
        int p = pacf.length;
        double[] phi = new double[p];
        double[] prev = new double[p];
        for (int k = 0; k < p; k++) {
            System.arraycopy(phi, 0, prev, 0, k);
            phi[k] = pacf[k];
            for (int j = 0; j < k; j++) {
                phi[j] = prev[j] - pacf[k] * prev[k - 1 - j];
            }
        }
        return phi;
    }

    /**
     * Partial autocorrelations from AR coefficients (the inverse recursion), each clamped to {@code [-limit, limit]}
     * so that a starting value on or beyond the boundary still maps to a finite unconstrained value.
     *
     * @param phi   the coefficients
     * @param limit the largest modulus kept, below 1
     * @return the partial autocorrelations
     */
    static double[] fromCoefficients(double[] phi, double limit) {
        int p = phi.length;
        double[] a = phi.clone();
        double[] pacf = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            double r = Math.max(-limit, Math.min(limit, a[k]));
            pacf[k] = r;
            double[] b = new double[k];
            double den = 1 - r * r;
            for (int j = 0; j < k; j++) {
                b[j] = (a[j] + r * a[k - 1 - j]) / den;
            }
            System.arraycopy(b, 0, a, 0, k);
        }
        return pacf;
    }
}
