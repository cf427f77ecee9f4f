package automl4j.forecast.ets;

/**
 * The usual region of the smoothing parameters (Hyndman et al. 2008, section 10.1; the bounds R's {@code ets()}
 * uses): {@code 1e-4 <= alpha <= 0.9999}, {@code 1e-4 <= beta <= alpha}, {@code 1e-4 <= gamma <= 1 - alpha},
 * {@code 0.8 <= phi <= 0.98}.
 */
final class EtsBounds {
    static final double LOWER = 1e-4;
    static final double UPPER = 0.9999;
    static final double PHI_LOWER = 0.8;
    static final double PHI_UPPER = 0.98;

    private EtsBounds() {
    }

    /** Whether the parameters (those the form has) lie in the usual region. */
    static boolean usual(EtsForm form, double alpha, double beta, double gamma, double phi) {
        if (!(alpha >= LOWER && alpha <= UPPER)) {
            return false;
        }
        if (form.hasTrend() && !(beta >= LOWER && beta <= alpha)) {
            return false;
        }
        if (form.hasSeason() && !(gamma >= LOWER && gamma <= 1 - alpha)) {
            return false;
        }
        return !form.damped() || (phi >= PHI_LOWER && phi <= PHI_UPPER);
    }
}
