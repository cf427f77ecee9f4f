package automl4j.forecast.ets;

import automl4j.forecast.model.ForecastException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ETS model with all its parameters: the form, the smoothing parameters and the initial states. Immutable.
 *
 * <p>The seasonal states are kept newest first, as R's {@code ets()} reports them in {@code initstate}: {@code
 * seasons[0]} is the state at time 0 (the season of the last period before the history), {@code seasons[m - 1]} the
 * one used for the history's first value.
 */
final class EtsModel {
    final EtsForm form;
    final int period;
    final double alpha;
    final double beta;
    final double gamma;
    final double phi;
    final double level;
    final double slope;
    private final double[] seasons;

    EtsModel(EtsForm form, int period, double alpha, double beta, double gamma, double phi, double level,
             double slope, double[] seasons) {
        this.form = form;
        this.period = form.hasSeason() ? period : 1;
        this.alpha = alpha;
        this.beta = form.hasTrend() ? beta : 0;
        this.gamma = form.hasSeason() ? gamma : 0;
        this.phi = form.damped() ? phi : 1;
        this.level = level;
        this.slope = form.hasTrend() ? slope : 0;
        this.seasons = form.hasSeason() ? seasons.clone() : new double[0];
        if (form.hasSeason() && seasons.length != period) {
            throw new IllegalArgumentException("ETS " + form + " needs " + period + " seasonal states, but got "
                    + seasons.length);
        }
    }

    /** The initial seasonal state {@code k} (0 = newest), without copying the array. */
    double season(int k) {
        return seasons[k];
    }

    double[] seasons() {
        return seasons.clone();
    }

    /** The form and parameters as {@code FittedForecaster.parameters()} gives them. */
    Map<String, Object> toParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("form", form.code());
        p.put("alpha", alpha);
        if (form.hasTrend()) {
            p.put("beta", beta);
        }
        if (form.hasSeason()) {
            p.put("gamma", gamma);
        }
        if (form.damped()) {
            p.put("phi", phi);
        }
        p.put("level", level);
        if (form.hasTrend()) {
            p.put("slope", slope);
        }
        if (form.hasSeason()) {
            p.put("seasons", seasons.clone());
        }
        return p;
    }

    /** The inverse of {@link #toParameters()}, checking that every part is there. */
    static EtsModel fromParameters(Map<String, Object> p, int period) {
        Object code = p.get("form");
        if (!(code instanceof String)) {
            throw new ForecastException("ETS parameters must have a 'form' such as MAdM, but were " + p.keySet());
        }
        EtsForm form;
        try {
            form = EtsForm.parse((String) code);
        } catch (IllegalArgumentException e) {
            throw new ForecastException(e.getMessage(), e);
        }
        double[] seasons = form.hasSeason() ? array(p, "seasons") : new double[0];
        if (form.hasSeason() && seasons.length != period) {
            throw new ForecastException("ETS " + form + " parameters have " + seasons.length
                    + " seasonal states, but the period is " + period);
        }
        return new EtsModel(form, period, number(p, "alpha"), form.hasTrend() ? number(p, "beta") : 0,
                form.hasSeason() ? number(p, "gamma") : 0, form.damped() ? number(p, "phi") : 1, number(p, "level"),
                form.hasTrend() ? number(p, "slope") : 0, seasons);
    }

    private static double number(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (!(v instanceof Number) || !Double.isFinite(((Number) v).doubleValue())) {
            throw new ForecastException("ETS parameter '" + key + "' must be a finite number, but was " + v);
        }
        return ((Number) v).doubleValue();
    }

    private static double[] array(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (!(v instanceof double[])) {
            throw new ForecastException("ETS parameter '" + key + "' must be a double[], but was " + v);
        }
        double[] a = ((double[]) v).clone();
        for (double x : a) {
            if (!Double.isFinite(x)) {
                throw new ForecastException("ETS parameter '" + key + "' must be finite, but was " + Arrays.toString(a));
            }
        }
        return a;
    }
}
