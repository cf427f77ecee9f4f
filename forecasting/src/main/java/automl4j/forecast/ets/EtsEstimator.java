package automl4j.forecast.ets;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Estimates one ETS form by maximum likelihood: the smoothing parameters and the initial states together, with the
 * Gaussian likelihood of the innovations form concentrated over the error variance ({@code n log(sse)}, plus {@code 2
 * sum log|mu|} with multiplicative errors), minimised by Commons Math's Nelder-Mead simplex inside the usual and
 * admissible regions (a point outside scores +infinity).
 *
 * <p>The series is divided by its mean absolute value while optimising, so that states and smoothing parameters
 * have comparable scales for the simplex steps; the likelihood only shifts by a constant ({@code 2 n log(scale)}),
 * the same for every form. The optimum is polished by a second simplex started from it, which often finds a little
 * more where the first one stopped on a flat ridge.
 */
final class EtsEstimator {
    private static final int MAX_EVALUATIONS = 2000;
    private static final double ALPHA_START = 0.5;
    private static final double BETA_START = 0.1;
    private static final double GAMMA_START = 0.1;
    private static final double PHI_START = 0.9;

    private EtsEstimator() {
    }

    /**
     * Fits {@code form} to {@code y}, or returns null when it cannot be fitted (too short, or the likelihood is not
     * finite anywhere the optimiser looked).
     */
    static FittedEts fit(double[] y, EtsForm form, int m) {
        int period = form.hasSeason() ? m : 1;
        if (y.length <= form.freeParameters(period) + 4) {
            return null;
        }
        double scale = 0;
        for (double v : y) {
            scale += Math.abs(v) / y.length;
        }
        if (!(scale > 0)) {
            return null;
        }
        double[] ys = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            ys[t] = y[t] / scale;
        }
        Objective objective = new Objective(ys, form, period);
        double[] x0 = objective.start(EtsStart.of(ys, form, period));
        if (!Double.isFinite(objective.value(x0))) {
            return null;
        }
        double[] best = minimise(objective, x0);
        best = minimise(objective, best);
        if (!Double.isFinite(objective.bestValue)) {
            return null;
        }
        EtsModel model = objective.model(objective.bestPoint, scale);
        return FittedEts.of(model, y);
    }

    private static double[] minimise(Objective objective, double[] x0) {
        double[] steps = objective.steps(x0);
        SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-9, 1e-9));
        try {
            optimizer.optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(objective), GoalType.MINIMIZE,
                    new InitialGuess(x0), new NelderMeadSimplex(steps));
        } catch (TooManyEvaluationsException e) {
            // the best point seen so far is kept by the objective, as R's optim() returns its last simplex
        }
        return objective.bestPoint.clone();
    }

    /**
     * The likelihood as a function of the packed parameters {@code alpha, beta?, gamma?, phi?, level, slope?,
     * seasons 1..m-1} (the last seasonal state follows from the normalisation). Remembers the best point seen.
     */
    private static final class Objective implements MultivariateFunction {
        private final double[] y;
        private final EtsForm form;
        private final int m;
        private final EtsRecursion recursion;
        private final Admissibility admissibility;
        private final double[] seasons;
        private final boolean mulSeason;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] bestPoint;

        Objective(double[] y, EtsForm form, int m) {
            this.y = y;
            this.form = form;
            this.m = m;
            this.recursion = new EtsRecursion(m);
            this.admissibility = new Admissibility(m);
            this.seasons = new double[form.hasSeason() ? m : 0];
            this.mulSeason = form.season() == EtsForm.Season.MULTIPLICATIVE;
        }

        double[] start(EtsStart s) {
            double[] x = new double[dimension()];
            int i = 0;
            x[i++] = ALPHA_START;
            if (form.hasTrend()) {
                x[i++] = BETA_START;
            }
            if (form.hasSeason()) {
                x[i++] = GAMMA_START;
            }
            if (form.damped()) {
                x[i++] = PHI_START;
            }
            x[i++] = s.level;
            if (form.hasTrend()) {
                x[i++] = s.slope;
            }
            for (int k = 0; k < m - 1 && form.hasSeason(); k++) {
                x[i++] = s.seasons[k];
            }
            bestPoint = x.clone();
            return x;
        }

        private int dimension() {
            return form.freeParameters(m);
        }

        double[] steps(double[] x) {
            double[] st = new double[x.length];
            int i = 0;
            st[i++] = 0.1;
            if (form.hasTrend()) {
                st[i++] = 0.05;
            }
            if (form.hasSeason()) {
                st[i++] = 0.05;
            }
            if (form.damped()) {
                st[i++] = 0.03;
            }
            st[i] = 0.1 * Math.max(Math.abs(x[i]), 0.1);
            i++;
            if (form.hasTrend()) {
                st[i] = form.trend().multiplicative() ? 0.01 : 0.1 * Math.max(Math.abs(x[i]), 0.01);
                i++;
            }
            for (; i < x.length; i++) {
                st[i] = 0.05;
            }
            return st;
        }

        @Override
        public double value(double[] x) {
            double v = evaluate(x);
            if (v < bestValue) {
                bestValue = v;
                System.arraycopy(x, 0, bestPoint, 0, x.length);
            }
            return v;
        }

        private double evaluate(double[] x) {
            int i = 0;
            double alpha = x[i++];
            double beta = form.hasTrend() ? x[i++] : 0;
            double gamma = form.hasSeason() ? x[i++] : 0;
            double phi = form.damped() ? x[i++] : 1;
            if (!EtsBounds.usual(form, alpha, beta, gamma, phi)) {
                return Double.POSITIVE_INFINITY;
            }
            double level = x[i++];
            double slope = form.hasTrend() ? x[i++] : 0;
            if (form.hasSeason()) {
                if (!admissibility.admissible(form.hasTrend(), true, m, alpha, beta, gamma, phi)) {
                    return Double.POSITIVE_INFINITY;
                }
                double sum = 0;
                for (int k = 0; k < m - 1; k++) {
                    seasons[k] = x[i + k];
                    sum += seasons[k];
                    if (mulSeason && !(seasons[k] > 0)) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
                seasons[m - 1] = mulSeason ? m - sum : -sum;
                if (mulSeason && !(seasons[m - 1] > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            return recursion.run(y, form, m, alpha, beta, gamma, phi, level, slope, seasons, null);
        }

        /** The model of point x, with the states back on the series' own scale. */
        EtsModel model(double[] x, double scale) {
            int i = 0;
            double alpha = x[i++];
            double beta = form.hasTrend() ? x[i++] : 0;
            double gamma = form.hasSeason() ? x[i++] : 0;
            double phi = form.damped() ? x[i++] : 1;
            double level = x[i++] * scale;
            double slope = form.hasTrend() ? x[i++] : 0;
            if (form.trend() == EtsForm.Trend.ADDITIVE || form.trend() == EtsForm.Trend.ADDITIVE_DAMPED) {
                slope *= scale;
            }
            double[] s = new double[seasons.length];
            double sum = 0;
            for (int k = 0; k < m - 1 && form.hasSeason(); k++) {
                s[k] = x[i + k];
                sum += s[k];
            }
            if (form.hasSeason()) {
                s[m - 1] = mulSeason ? m - sum : -sum;
                if (!mulSeason) {
                    for (int k = 0; k < m; k++) {
                        s[k] *= scale;
                    }
                }
            }
            return new EtsModel(form, m, alpha, beta, gamma, phi, level, slope, s);
        }
    }
}
