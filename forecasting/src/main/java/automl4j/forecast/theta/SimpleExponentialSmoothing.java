package automl4j.forecast.theta;

/**
 * Simple exponential smoothing, {@code l_t = l_{t-1} + alpha (y_t - l_{t-1})}, fitted by least squares of the
 * one-step errors with the initial level estimated (ETS(A,N,N) with R's {@code opt.crit = "mse"}; its likelihood has
 * the same optimum). For a given alpha the errors are linear in the initial level, {@code e_t = a_t - (1 - alpha)^t
 * l_0} with {@code a_t} the errors from {@code l_0 = 0}, so the best initial level is a closed-form regression and
 * only alpha is searched.
 */
final class SimpleExponentialSmoothing {
    private final double alpha;
    private final double initialLevel;

    /**
     * Smoothing with given parameters.
     *
     * @param alpha        the smoothing parameter, in (0, 1]
     * @param initialLevel the level before the first value
     */
    SimpleExponentialSmoothing(double alpha, double initialLevel) {
        this.alpha = alpha;
        this.initialLevel = initialLevel;
    }

    /**
     * Fits alpha and the initial level to {@code y}.
     *
     * @param y the values, at least 2
     * @return the fitted smoothing
     */
    static SimpleExponentialSmoothing fit(double[] y) {
        double alpha = SmoothingSearch.minimise(a -> profile(y, a)[1]);
        return new SimpleExponentialSmoothing(alpha, profile(y, alpha)[0]);
    }

    /** The best initial level at {@code alpha} and the sum of squared errors it gives. */
    private static double[] profile(double[] y, double alpha) {
        double q = 1 - alpha;
        double level = 0;
        double c = 1;
        double saa = 0;
        double sac = 0;
        double scc = 0;
        for (double v : y) {
            double a = v - level;
            saa += a * a;
            sac += a * c;
            scc += c * c;
            level += alpha * a;
            c *= q;
        }
        double l0 = sac / scc;
        return new double[] {l0, Math.max(saa - sac * l0, 0)};
    }

    /**
     * The smoothing parameter.
     *
     * @return alpha
     */
    double alpha() {
        return alpha;
    }

    /**
     * The level before the first value.
     *
     * @return l_0
     */
    double initialLevel() {
        return initialLevel;
    }

    /**
     * The levels over {@code y}: {@code levels[t]} is the level after the first {@code t} values, the one-step
     * forecast of {@code y[t]}.
     *
     * @param y the values
     * @return {@code y.length + 1} levels
     */
    double[] levels(double[] y) {
        double[] l = new double[y.length + 1];
        l[0] = initialLevel;
        for (int t = 0; t < y.length; t++) {
            l[t + 1] = l[t] + alpha * (y[t] - l[t]);
        }
        return l;
    }
}
