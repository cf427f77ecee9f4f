package automl4j.forecast.ets;

import automl4j.forecast.model.FittedForecaster;

import java.util.Map;

/**
 * An ETS model run over a history: its one-step fitted values, its likelihood and information criteria, and the
 * final states it forecasts from. Immutable and thread-safe.
 *
 * <p>Point forecasts are the forecast means, as R's {@code forecast.ets()} gives them. For most forms that is the
 * recursion continued with zero errors: for step j, the level plus {@code phi + ... + phi^j} slopes (or times the
 * growth rate to that power), with the season of the same period in the last cycle. With multiplicative errors and
 * a multiplicative season the mean differs from that beyond one cycle, because the level and the seasonal state
 * it is multiplied by share future errors; {@link ClassThreeMean} adds the exact correction.
 */
public final class FittedEts implements FittedForecaster {
    private final EtsModel model;
    private final double[] fitted;
    private final double lik;
    private final double sse;
    private final int n;
    private final double level;
    private final double slope;
    private final double[] seasons;

    private FittedEts(EtsModel model, double[] fitted, double lik, double sse, double level, double slope,
                      double[] seasons) {
        this.model = model;
        this.sse = sse;
        this.fitted = fitted;
        this.lik = lik;
        this.n = fitted.length;
        this.level = level;
        this.slope = slope;
        this.seasons = seasons;
    }

    /** Runs {@code model} over {@code y}. */
    static FittedEts of(EtsModel model, double[] y) {
        EtsRecursion r = new EtsRecursion(model.period);
        double[] fitted = new double[y.length];
        double[] s = model.form.hasSeason() ? model.seasons() : new double[0];
        double lik = r.run(y, model.form, model.period, model.alpha, model.beta, model.gamma, model.phi, model.level,
                model.slope, s, fitted);
        double[] last = model.form.hasSeason() ? r.seasonsNewestFirst(model.period) : new double[0];
        return new FittedEts(model, fitted, lik, r.sse(), r.level(), r.slope(), last);
    }

    EtsModel model() {
        return model;
    }

    /**
     * The fitted form.
     *
     * @return the form
     */
    public EtsForm form() {
        return model.form;
    }

    /**
     * The log-likelihood as R's {@code ets()} reports it: {@code -0.5 (n log(sse) + 2 sum log|mu|)}, the Gaussian
     * log-likelihood concentrated over the variance without its constant terms.
     *
     * @return the log-likelihood; -infinity if the model broke down on the history (a non-positive forecast under
     *         multiplicative errors)
     */
    public double logLikelihood() {
        return -0.5 * lik;
    }

    /**
     * The number of estimated parameters as the information criteria count them: smoothing parameters, free
     * initial states and the error variance.
     *
     * @return the count
     */
    public int parameterCount() {
        return model.form.freeParameters(model.period) + 1;
    }

    /**
     * Akaike's information criterion, {@code -2 logLik + 2k}.
     *
     * @return the AIC
     */
    public double aic() {
        return lik + 2.0 * parameterCount();
    }

    /**
     * The AIC corrected for small samples, {@code AIC + 2k(k+1)/(n-k-1)}, which the automatic selection minimises.
     *
     * @return the AICc; +infinity when {@code n <= k + 1}
     */
    public double aicc() {
        int k = parameterCount();
        return n - k - 1 > 0 ? aic() + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * The Bayesian information criterion, {@code -2 logLik + k log n}.
     *
     * @return the BIC
     */
    public double bic() {
        return lik + parameterCount() * Math.log(n);
    }

    /**
     * The variance of the innovations as R reports it, {@code sse / (n - p)} with p the free parameters (the errors
     * relative to the one-step forecasts under multiplicative errors).
     *
     * @return the variance; NaN when {@code n <= p}
     */
    public double sigma2() {
        int dof = n - model.form.freeParameters(model.period);
        return dof > 0 ? sse / dof : Double.NaN;
    }

    @Override
    public double[] forecast(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, but was " + horizon);
        }
        double[] trend = trendPart(horizon);
        EtsForm form = model.form;
        if (!form.hasSeason()) {
            return trend;
        }
        int m = model.period;
        boolean mulSeason = form.season() == EtsForm.Season.MULTIPLICATIVE;
        boolean meanCorrection = mulSeason && form.error() == EtsForm.Error.MULTIPLICATIVE
                && !form.trend().multiplicative() && Double.isFinite(sigma2());
        double[] out = new double[horizon];
        for (int j = 1; j <= horizon; j++) {
            double s = seasons[m - 1 - (j - 1) % m];
            double t = meanCorrection && j > m ? ClassThreeMean.trendTimesSeason(trend, j, m, model, sigma2())
                    : trend[j - 1];
            out[j - 1] = mulSeason ? t * s : t + s;
        }
        return out;
    }

    /** The level and trend part of the zero-error forecasts of steps 1..horizon. */
    private double[] trendPart(int horizon) {
        EtsForm form = model.form;
        boolean mulTrend = form.trend().multiplicative();
        double[] out = new double[horizon];
        double damping = 0;
        double power = 1;
        for (int j = 1; j <= horizon; j++) {
            power *= model.phi;
            damping += form.damped() ? power : 1;
            if (!form.hasTrend()) {
                out[j - 1] = level;
            } else if (mulTrend) {
                out[j - 1] = level * Math.pow(slope, damping);
            } else {
                out[j - 1] = level + damping * slope;
            }
        }
        return out;
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public String description() {
        return model.form.label();
    }

    @Override
    public Map<String, Object> parameters() {
        return model.toParameters();
    }
}
