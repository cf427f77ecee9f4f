package automl4j.forecast.theta;

/**
 * The dynamic optimised Theta model (DOTM) of Fiorucci, Pellegrini, Louzada, Petropoulos and Koehler (2016), "Models
 * for optimising the theta method and their relationship to state space models", IJF 32(4): the one-step forecast of
 * {@code y_{t+1}} is {@code l_t + w [(1 - alpha)^t A_t + ((1 - (1 - alpha)^{t+1}) / alpha) B_t]} with {@code l_t} the
 * simple exponential smoothing of y, {@code A_t, B_t} the intercept and slope of the least-squares line through the
 * first t values (times 1..t) and {@code w = 1 - 1/theta}, theta >= 1. The h-step forecast from the end of the history
 * adds {@code w B_n (h - 1)}.
 *
 * <p>Given alpha, the one-step errors are linear in the initial level and in w, so both are a two-regressor least
 * squares (w clamped to [0, {@link #MAX_W}]) and only alpha is searched. Before any value the line is taken as 0 (the
 * first forecast is the initial level); after one value it is flat through it; neither of those two forecasts counts
 * in the least squares ({@link #FIRST_SCORED}).
 */
final class DynamicThetaModel {
    /**
     * The first one-step error in the least squares: that of {@code y[2]}, the first forecast made with a line through
     * two values. The forecasts of {@code y[0]} (no line) and {@code y[1]} (a flat line through one value) say nothing
     * about theta and would pull it towards fitting the start of the series. Checked on the pack's training parts
     * only (each one's last h values held out): a lower mean MASE than scoring every error on five of the seven
     * collections (worse on M3 yearly and other, by 0.3 % and 0.7 %).
     */
    static final int FIRST_SCORED = 2;
    /** The largest w, theta = 1000: beyond it the model is a drifting line that no longer smooths. */
    static final double MAX_W = 0.999;

    private final double alpha;
    private final double initialLevel;
    private final double w;

    /**
     * A model with given parameters.
     *
     * @param alpha        the smoothing parameter, in (0, 1]
     * @param initialLevel the level before the first value
     * @param w            {@code 1 - 1/theta}, in [0, 1)
     */
    DynamicThetaModel(double alpha, double initialLevel, double w) {
        this.alpha = alpha;
        this.initialLevel = initialLevel;
        this.w = w;
    }

    /**
     * Fits the model to {@code y} by least squares of the one-step errors.
     *
     * @param y the values, at least 3
     * @return the model
     */
    static DynamicThetaModel fit(double[] y) {
        double[][] lines = lines(y);
        double alpha = SmoothingSearch.minimise(a -> solve(y, lines, a)[2]);
        double[] p = solve(y, lines, alpha);
        return new DynamicThetaModel(alpha, p[0], p[1]);
    }

    /** {@code lines[0][t], lines[1][t]}: intercept and slope of the line through the first t values. */
    static double[][] lines(double[] y) {
        int n = y.length;
        double[][] ab = new double[2][n + 1];
        double sy = 0;
        double sty = 0;
        for (int t = 1; t <= n; t++) {
            sy += y[t - 1];
            sty += t * y[t - 1];
            if (t == 1) {
                ab[0][1] = y[0];
                continue;
            }
            double st = t * (t + 1) / 2.0;
            double stt = t * (t + 1) * (2.0 * t + 1) / 6.0;
            double b = (t * sty - st * sy) / (t * stt - st * st);
            ab[1][t] = b;
            ab[0][t] = (sy - b * st) / t;
        }
        return ab;
    }

    /** The best initial level and w at alpha, and their sum of squared errors. */
    private static double[] solve(double[] y, double[][] lines, double alpha) {
        double q = 1 - alpha;
        double level = 0;
        double qt = 1;
        double suu = 0;
        double suv = 0;
        double svv = 0;
        double sru = 0;
        double srv = 0;
        double srr = 0;
        for (int t = 0; t < y.length; t++) {
            double u = qt;
            double v = qt * lines[0][t] + (1 - qt * q) / alpha * lines[1][t];
            double r = y[t] - level;
            if (t >= FIRST_SCORED) {
                suu += u * u;
                suv += u * v;
                svv += v * v;
                sru += r * u;
                srv += r * v;
                srr += r * r;
            }
            level += alpha * r;
            qt *= q;
        }
        double det = suu * svv - suv * suv;
        double w = det > 1e-12 * suu * svv ? (suu * srv - suv * sru) / det : 0;
        w = Math.min(Math.max(w, 0), MAX_W);
        double l0 = (sru - w * suv) / suu;
        double sse = srr - 2 * l0 * sru - 2 * w * srv + l0 * l0 * suu + 2 * l0 * w * suv + w * w * svv;
        return new double[] {l0, w, Math.max(sse, 0)};
    }

    /**
     * Runs the model over {@code y}.
     *
     * @param y the values
     * @return the one-step forecasts ({@code y.length} values), then the forecast of the first step after y and the
     *         slope of the later steps
     */
    double[] run(double[] y) {
        int n = y.length;
        double[][] lines = lines(y);
        double q = 1 - alpha;
        double level = initialLevel;
        double qt = 1;
        double[] out = new double[n + 2];
        for (int t = 0; t <= n; t++) {
            out[t] = level + w * (qt * lines[0][t] + (1 - qt * q) / alpha * lines[1][t]);
            if (t < n) {
                level += alpha * (y[t] - level);
                qt *= q;
            }
        }
        out[n + 1] = w * lines[1][n];
        return out;
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
     * The weight of the theta line's trend, {@code 1 - 1/theta}.
     *
     * @return w
     */
    double w() {
        return w;
    }
}
