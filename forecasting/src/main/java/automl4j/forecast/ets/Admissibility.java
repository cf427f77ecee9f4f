package automl4j.forecast.ets;

/**
 * Whether smoothing parameters lie in the admissible (forecastable) region of Hyndman et al. (2008), chapter 10:
 * the discounted state matrix {@code D = F - g w'} of the linear model must have all its eigenvalues inside the unit
 * circle, so that the states forget the distant past. The seasonal states carry one unit eigenvalue that belongs to
 * their normalisation, not to the dynamics, and is left out.
 *
 * <p>Instead of an eigen decomposition (tens of microseconds at m = 12, inside the optimiser's loop) the
 * characteristic polynomial is written out and tested with the Schur-Cohn recursion, which allocates nothing. Writing
 * {@code D x = z x} for the state (level, slope, m seasons) gives, after dividing out the unit root,
 * <pre>
 *   P(z) = (1 + z + ... + z^(m-1)) Q(z) + gamma (z - phi),   Q(z) = (z - 1)(z - phi) + alpha (z - phi) + phi beta z
 * </pre>
 * (with beta = phi = 0 without a trend, and P = Q without a season). The same region is used for the
 * multiplicative forms, whose linearisation has the same parameters.
 */
final class Admissibility {
    private final double[] work;
    private final double[] spare;

    Admissibility(int maxPeriod) {
        work = new double[Math.max(1, maxPeriod) + 3];
        spare = new double[work.length];
    }

    /** Whether all roots of the polynomial above lie strictly inside the unit circle. */
    boolean admissible(boolean trend, boolean season, int m, double alpha, double beta, double gamma, double phi) {
        double ph = trend ? phi : 0;
        double be = trend ? beta : 0;
        double q0 = ph * (1 - alpha);
        double q1 = alpha + ph * be - 1 - ph;
        int degree;
        double[] c = work;
        if (!season) {
            c[0] = q0;
            c[1] = q1;
            c[2] = 1;
            degree = 2;
        } else {
            degree = m + 1;
            for (int k = 0; k <= degree; k++) {
                c[k] = 0;
            }
            for (int k = 0; k < m; k++) {
                c[k] += q0;
                c[k + 1] += q1;
                c[k + 2] += 1;
            }
            c[0] -= gamma * ph;
            c[1] += gamma;
        }
        return schurStable(c, spare, degree);
    }

    /**
     * The Schur-Cohn test: a real polynomial of degree n is stable (all roots in the open unit disk) iff |c0| < |cn|
     * and its Schur transform {@code (cn p(z) - c0 z^n p(1/z)) / z}, of degree n - 1, is stable. Overwrites both
     * arrays (each at least degree + 1 long).
     */
    static boolean schurStable(double[] coefficients, double[] spare, int degree) {
        double[] c = coefficients;
        double[] d = spare;
        for (int n = degree; n >= 1; n--) {
            double lead = c[n];
            double c0 = c[0];
            if (!(Math.abs(c0) < Math.abs(lead))) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                d[k] = lead * c[k + 1] - c0 * c[n - k - 1];
            }
            double scale = d[n - 1];   // lead^2 - c0^2 > 0; rescaling keeps the roots and avoids overflow
            for (int k = 0; k < n; k++) {
                d[k] /= scale;
            }
            double[] swap = c;
            c = d;
            d = swap;
        }
        return true;
    }
}
