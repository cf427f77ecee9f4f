package automl4j.forecast.arima;

import automl4j.forecast.model.ForecastException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Automatic ARIMA order selection, the stepwise algorithm of Hyndman and Khandakar (2008) with the forecast
 * package's {@code auto.arima} defaults: D by seasonal strength, d by KPSS tests, then a local search over {@code p, q
 * <= 5}, {@code P, Q <= 2} (and at most a third of the series, or of its seasons) and the constant, by AICc. Four
 * starting models, then moves of one order by one, of both non-seasonal or both seasonal orders by one, and of the
 * constant, taking each improvement as soon as it is found, until no move improves or 94 models have been fitted.
 *
 * <p>Each candidate is fitted by exact maximum likelihood (started from CSS), except for long or highly seasonal
 * series (more than 150 values, or a period above 12), where candidates are ranked by a CSS approximation of the
 * AICc and the best ones are then refitted exactly, the first that fits becoming the model. A model whose AR or MA
 * polynomial has a root of modulus below 1.01 (nearly non-stationary or non-invertible) is never chosen.
 */
final class AutoArima {
    static final int MAX_P = 5;
    static final int MAX_Q = 5;
    static final int MAX_SP = 2;
    static final int MAX_SQ = 2;
    static final int MAX_D = 2;
    static final int MAX_MODELS = 94;
    static final double MIN_ROOT = 1.01;

    private final double[] x;
    private final int period;
    private final boolean approximate;
    private final Map<ArimaOrder, Candidate> tried = new LinkedHashMap<>();

    private static final class Candidate {
        final ArimaOrder order;
        final double criterion;
        final ArimaModel model;
        final FittedArima exact;

        Candidate(ArimaOrder order, double criterion, ArimaModel model, FittedArima exact) {
            this.order = order;
            this.criterion = criterion;
            this.model = model;
            this.exact = exact;
        }
    }

    private AutoArima(double[] x, int period, boolean approximate) {
        this.x = x;
        this.period = period;
        this.approximate = approximate;
    }

    /**
     * Chooses and fits a model.
     *
     * @param x      the history
     * @param period the seasonal period
     * @return the chosen model, fitted exactly
     */
    static FittedArima fit(double[] x, int period) {
        return fit(x, period, x.length > 150 || period > 12);
    }

    /**
     * Chooses and fits a model, ranking the candidates by exact AICc or by its CSS approximation.
     *
     * @param x           the history
     * @param period      the seasonal period
     * @param approximate whether to rank by the CSS approximation (then only the chosen model is fitted exactly)
     * @return the chosen model, fitted exactly
     */
    static FittedArima fit(double[] x, int period, boolean approximate) {
        if (DifferencingOrder.isConstant(x)) {
            return new ArimaModel(new ArimaOrder(0, 0, 0, 0, 0, 0, period, true), new double[0], new double[0],
                new double[0], new double[0], x[0]).filter(x);
        }
        int bigD = period > 1 ? DifferencingOrder.nsdiffs(x, period) : 0;
        double[] xs = bigD > 0 ? Polynomials.apply(x, Polynomials.differencing(0, bigD, period)) : x;
        int d = DifferencingOrder.ndiffs(xs, MAX_D);
        double[] dx = Polynomials.apply(xs, Polynomials.differencing(d, 0, 1));
        boolean constantAllowed = d + bigD <= 1;
        if (dx.length < 2 || DifferencingOrder.isConstant(dx)) {
            // nothing left to model but the level or the slope
            ArimaOrder o = new ArimaOrder(0, d, 0, 0, bigD, 0, period, constantAllowed);
            double c = dx.length == 0 ? 0 : bigD == 1 ? dx[0] / period : dx[0];
            return new ArimaModel(o, new double[0], new double[0], new double[0], new double[0], c).filter(x);
        }
        AutoArima search = new AutoArima(x, period, approximate);
        return search.run(d, bigD, constantAllowed);
    }

    private FittedArima run(int d, int bigD, boolean constantAllowed) {
        int n = x.length;
        int maxP = Math.min(MAX_P, n / 3);
        int maxQ = Math.min(MAX_Q, n / 3);
        int maxSP = period > 1 ? Math.min(MAX_SP, n / 3 / period) : 0;
        int maxSQ = period > 1 ? Math.min(MAX_SQ, n / 3 / period) : 0;
        ArimaOrder base = new ArimaOrder(0, d, 0, 0, bigD, 0, period, false);
        List<ArimaOrder> starts = new ArrayList<>();
        starts.add(base.with(Math.min(2, maxP), Math.min(2, maxQ), Math.min(1, maxSP), Math.min(1, maxSQ),
            constantAllowed));
        starts.add(base.with(0, 0, 0, 0, constantAllowed));
        starts.add(base.with(Math.min(1, maxP), 0, Math.min(1, maxSP), 0, constantAllowed));
        starts.add(base.with(0, Math.min(1, maxQ), 0, Math.min(1, maxSQ), constantAllowed));
        if (constantAllowed) {
            starts.add(base.with(0, 0, 0, 0, false));
        }
        Candidate best = null;
        for (ArimaOrder o : starts) {
            Candidate c = evaluate(o);
            if (c != null && (best == null || c.criterion < best.criterion)) {
                best = c;
            }
        }
        boolean moved = best != null;
        while (moved && tried.size() < MAX_MODELS) {
            moved = false;
            for (ArimaOrder o : neighbours(best.order, maxP, maxQ, maxSP, maxSQ, constantAllowed)) {
                if (tried.size() >= MAX_MODELS) {
                    break;
                }
                Candidate c = evaluate(o);
                if (c != null && c.criterion < best.criterion) {
                    best = c;
                    moved = true;
                    break;
                }
            }
        }
        return finish(base);
    }

    /** The exact fit of the best candidate that fits acceptably; the plain differenced model when none does. */
    private FittedArima finish(ArimaOrder base) {
        List<Candidate> ranked = new ArrayList<>(tried.values());
        ranked.sort(Comparator.comparingDouble(c -> c.criterion));
        for (Candidate c : ranked) {
            if (!Double.isFinite(c.criterion)) {
                break;
            }
            if (c.exact != null) {
                return c.exact;
            }
            try {
                FittedArima f = new ArimaEstimator(c.order, x).exact(c.model);
                if (f.model().smallestRoot() >= MIN_ROOT && Double.isFinite(f.logLikelihood())) {
                    return f;
                }
            } catch (ForecastException e) {
                // the next best candidate, then
            }
        }
        return new ArimaEstimator(base, x).exact(null);
    }

    private Candidate evaluate(ArimaOrder o) {
        Candidate seen = tried.get(o);
        if (seen != null) {
            return seen;
        }
        Candidate c;
        try {
            ArimaEstimator est = new ArimaEstimator(o, x);
            List<ArimaModel> optima = est.cssOptima();
            ArimaModel stationary = null;
            for (ArimaModel m : optima) {
                if (stationary == null && m.stationary()) {
                    stationary = m;
                }
            }
            if (stationary == null) {
                // as R's CSS-ML, an order whose CSS fit is not stationary is not considered: it tends to be an
                // over-fitted one, with an AR root near 1 making up for a difference too many
                c = new Candidate(o, Double.POSITIVE_INFINITY, null, null);
            } else if (approximate) {
                ArimaModel css = stationary;
                double ic = css.smallestRoot() >= MIN_ROOT ? est.cssCriterion(css) : Double.POSITIVE_INFINITY;
                c = new Candidate(o, ic, css, null);
            } else {
                // every CSS optimum is a start for the likelihood, the non-stationary one (pulled inside) too: it
                // is often in the basin of the best stationary fit
                FittedArima f = est.exactBest(optima);
                boolean ok = f.model().smallestRoot() >= MIN_ROOT && Double.isFinite(f.logLikelihood());
                c = new Candidate(o, ok ? f.aicc() : Double.POSITIVE_INFINITY, f.model(), f);
            }
        } catch (ForecastException e) {
            c = new Candidate(o, Double.POSITIVE_INFINITY, null, null);
        }
        tried.put(o, c);
        return c;
    }

    private static List<ArimaOrder> neighbours(ArimaOrder o, int maxP, int maxQ, int maxSP, int maxSQ,
                                               boolean constantAllowed) {
        int p = o.p();
        int q = o.q();
        int sp = o.seasonalP();
        int sq = o.seasonalQ();
        boolean c = o.constant();
        int[][] moves = {
            {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
            {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
            {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
            {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}};
        List<ArimaOrder> out = new ArrayList<>();
        for (int[] mv : moves) {
            int np = p + mv[0];
            int nq = q + mv[1];
            int nsp = sp + mv[2];
            int nsq = sq + mv[3];
            if (np >= 0 && np <= maxP && nq >= 0 && nq <= maxQ && nsp >= 0 && nsp <= maxSP && nsq >= 0
                && nsq <= maxSQ) {
                out.add(o.with(np, nq, nsp, nsq, c));
            }
        }
        if (constantAllowed) {
            out.add(o.with(p, q, sp, sq, !c));
        }
        return out;
    }
}
