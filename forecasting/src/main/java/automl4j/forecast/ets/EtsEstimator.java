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
 * the same for every form. The optimum is polished by a second simplex started from it.
 *
 * <p>Two searches ({@link Search}): a local one, which starts from a smooth trend and a stable season (beta 0.02,
 * gamma 0.01) with small first steps and keeps the likelihood maximum nearest to that start, and a wide one, with
 * bigger steps from a less smooth start. The likelihood is often multimodal, and its global maximum is sometimes a
 * trend that follows the last few changes (beta near alpha near 1) and extrapolates them wildly; the wide search finds
 * such maxima more often. {@code EtsForecaster} chooses between them by the period (see its {@code withWideSearch}).
 */
final class EtsEstimator {
    private static final int MAX_EVALUATIONS = 2000;
    private EtsEstimator() {
    }

    /**
     * Fits {@code form} to {@code y}, or returns null when it cannot be fitted (too short, or the likelihood is not
     * finite anywhere the optimiser looked).
     */
    static FittedEts fit(double[] y, EtsForm form, int m) {
        return fit(y, form, m, Search.LOCAL);
    }

    /** How the simplex searches: where it starts, its first steps in the smoothing parameters, how many runs. */
    static final class Search {
        /** The default: see the class comment. */
        static final Search LOCAL = new Search(new double[][] {{0.5, 0.02, 0.01, 0.9}, {0.1, 0.01, 0.01, 0.9}},
                new double[] {0.01, 0.005, 0.005, 0.003}, 2);
        /** A wider search: bigger first steps from a less smooth start; finds better likelihoods. */
        static final Search WIDE = new Search(new double[][] {{0.5, 0.1, 0.1, 0.9}, {0.1, 0.01, 0.01, 0.9}},
                new double[] {0.1, 0.05, 0.05, 0.03}, 2);

        /** Starting smoothing parameters (alpha, beta, gamma, phi), the next only where the one before fails. */
        final double[][] starts;
        /** The simplex's first steps in alpha, beta, gamma, phi. */
        final double[] smoothingSteps;
        /** Simplex runs, each started from the best point of the one before. */
        final int runs;

        Search(double[][] starts, double[] smoothingSteps, int runs) {
            this.starts = starts;
            this.smoothingSteps = smoothingSteps;
            this.runs = runs;
        }
    }

    static FittedEts fit(double[] y, EtsForm form, int m, Search search) {
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
        Objective objective = new Objective(ys, form, period, search.smoothingSteps);
        EtsStart states = EtsStart.of(ys, form, period);
        for (double[] smoothing : search.starts) {
            double[] x = objective.start(states, smoothing);
            if (!Double.isFinite(objective.value(x))) {
                continue;   // the recursion breaks down there (a forecast <= 0 under multiplicative errors)
            }
            for (int run = 0; run < search.runs; run++) {
                x = minimise(objective, x);
            }
            return FittedEts.of(objective.model(objective.bestPoint, scale), y);
        }
        return null;
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
        private final double[] smoothingSteps;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] bestPoint;

        Objective(double[] y, EtsForm form, int m, double[] smoothingSteps) {
            this.y = y;
            this.smoothingSteps = smoothingSteps;
            this.form = form;
            this.m = m;
            this.recursion = new EtsRecursion(m);
            this.admissibility = new Admissibility(m);
            this.seasons = new double[form.hasSeason() ? m : 0];
            this.mulSeason = form.season() == EtsForm.Season.MULTIPLICATIVE;
        }

        double[] start(EtsStart s, double[] smoothing) {
            double[] x = new double[dimension()];
            int i = 0;
            x[i++] = smoothing[0];
            if (form.hasTrend()) {
                x[i++] = smoothing[1];
            }
            if (form.hasSeason()) {
                x[i++] = smoothing[2];
            }
            if (form.damped()) {
                x[i++] = smoothing[3];
            }
            x[i++] = s.level;
            if (form.hasTrend()) {
                x[i++] = s.slope;
            }
            for (int k = 0; k < m - 1 && form.hasSeason(); k++) {
                x[i++] = s.seasons[k];
            }
            bestPoint = x.clone();
            bestValue = Double.POSITIVE_INFINITY;
            return x;
        }

        private int dimension() {
            return form.freeParameters(m);
        }

        double[] steps(double[] x) {
            double[] st = new double[x.length];
            int i = 0;
            st[i++] = smoothingSteps[0];
            if (form.hasTrend()) {
                st[i++] = smoothingSteps[1];
            }
            if (form.hasSeason()) {
                st[i++] = smoothingSteps[2];
            }
            if (form.damped()) {
                st[i++] = smoothingSteps[3];
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
