package automl4j.forecast.ets;

/**
 * The innovations recursion of an ETS model over a history: one-step forecasts, errors, the likelihood and the
 * final states. This is the hot loop of fitting, so it allocates nothing per call: an instance owns its seasonal
 * ring buffer and is used by one thread at a time.
 *
 * <p>The state updates are written in terms of the observation, so that one recursion serves both error types
 * (Hyndman et al. 2008, section 2.5: with the same parameters, the additive- and multiplicative-error models have the
 * same point forecasts and state updates; only the likelihood differs). With {@code T} the level combined with the
 * trend ({@code l + phi b} or {@code l b^phi}), {@code s} the season of a period before, {@code mu} the one-step
 * forecast and {@code e = y - mu}:
 * <pre>
 *   level   l' = T + alpha e / s          (the division only for a multiplicative season)
 *   trend   b' = phi b + beta e / s       additive;   b^phi + beta e / (l s)  multiplicative
 *   season  s' = s + gamma e              additive;   s + gamma e / T          multiplicative
 * </pre>
 */
final class EtsRecursion {
    private final double[] ring;
    private int pos;
    private double level;
    private double slope;
    private double sse;
    private double sumLog;
    private int count;

    EtsRecursion(int maxPeriod) {
        ring = new double[Math.max(1, maxPeriod)];
    }

    /**
     * Runs the model over {@code y}, leaving the final states in this object.
     *
     * @param seasons the initial seasonal states, newest first (ignored without a season)
     * @param fitted  receives the one-step forecasts when not null
     * @return {@code n log(sse) + 2 sum log|mu|} (the last term with multiplicative errors), which is -2 times the
     *         log-likelihood up to the constant R's {@code ets()} also leaves out; +infinity if the model breaks down
     *         (a non-positive forecast with multiplicative errors or states, or an overflow)
     */
    double run(double[] y, EtsForm form, int m, double alpha, double beta, double gamma, double phi, double level0,
               double slope0, double[] seasons, double[] fitted) {
        boolean multError = form.error() == EtsForm.Error.MULTIPLICATIVE;
        EtsForm.Trend trend = form.trend();
        boolean addTrend = trend == EtsForm.Trend.ADDITIVE || trend == EtsForm.Trend.ADDITIVE_DAMPED;
        boolean mulTrend = trend.multiplicative();
        boolean damped = trend.damped();
        EtsForm.Season season = form.season();
        boolean hasSeason = season != EtsForm.Season.NONE;
        boolean mulSeason = season == EtsForm.Season.MULTIPLICATIVE;
        int period = hasSeason ? m : 1;
        if (hasSeason) {
            for (int k = 0; k < period; k++) {
                ring[k] = seasons[period - 1 - k];   // ring[pos] is always the season of one period before
            }
        }
        pos = 0;
        double l = level0;
        double b = addTrend ? slope0 : mulTrend ? slope0 : 0;
        double errSq = 0;
        double logSum = 0;
        boolean broken = false;
        for (int t = 0; t < y.length; t++) {
            double combined;
            if (addTrend) {
                combined = l + phi * b;
            } else if (mulTrend) {
                if (l <= 0 || b <= 0) {
                    broken = true;
                    break;
                }
                combined = damped ? l * Math.pow(b, phi) : l * b;
            } else {
                combined = l;
            }
            double s = hasSeason ? ring[pos] : 0;
            double mu = !hasSeason ? combined : mulSeason ? combined * s : combined + s;
            if (fitted != null) {
                fitted[t] = mu;
            }
            double e = y[t] - mu;
            if (multError) {
                if (!(mu > 0)) {
                    broken = true;
                    break;
                }
                double r = e / mu;
                errSq += r * r;
                logSum += Math.log(mu);
            } else {
                errSq += e * e;
            }
            double eSeason = mulSeason ? e / s : e;
            double newLevel = combined + alpha * eSeason;
            if (addTrend) {
                b = phi * b + beta * eSeason;
            } else if (mulTrend) {
                b = (damped ? Math.pow(b, phi) : b) + beta * eSeason / l;
            }
            if (hasSeason) {
                ring[pos] = mulSeason ? s + gamma * e / combined : s + gamma * e;
                pos = pos + 1 == period ? 0 : pos + 1;
            }
            l = newLevel;
        }
        level = l;
        slope = b;
        sse = errSq;
        sumLog = logSum;
        count = y.length;
        if (broken) {
            return Double.POSITIVE_INFINITY;
        }
        double lik = y.length * Math.log(errSq) + 2 * logSum;
        return Double.isNaN(lik) ? Double.POSITIVE_INFINITY : lik;
    }

    /** The sum of squared errors of the last run (relative errors with multiplicative errors). */
    double sse() {
        return sse;
    }

    /** The number of values of the last run. */
    int count() {
        return count;
    }

    /** The sum of log one-step forecasts of the last run (0 with additive errors). */
    double sumLog() {
        return sumLog;
    }

    /** The level after the last run's final value. */
    double level() {
        return level;
    }

    /** The slope (or growth rate) after the last run's final value. */
    double slope() {
        return slope;
    }

    /** The seasonal states after the last run, newest first, as {@link EtsModel} keeps them. */
    double[] seasonsNewestFirst(int period) {
        double[] out = new double[period];
        for (int k = 0; k < period; k++) {
            // ring[pos] is the oldest state (one period back from the next value); the newest is just before it
            out[k] = ring[Math.floorMod(pos - 1 - k, period)];
        }
        return out;
    }
}
