package automl4j.forecast.ets;

import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.ForecastException;
import automl4j.forecast.model.Forecaster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exponential smoothing state-space models (ETS), fitted by maximum likelihood; by default the form is chosen
 * automatically by AICc among the restricted set that R's {@code ets()} searches (Hyndman and Khandakar 2008): errors
 * A or M, trend N, A or Ad, season N, A or M; no additive error with a multiplicative season; multiplicative parts only
 * for strictly positive data; seasons only when {@code 1 < m <= 24} and the history is longer than {@code m}; a form
 * only when the history has more than its parameter count plus four values. A history too short for every form falls
 * back to a least-squares fit with fewer parameters, a constant one to simple exponential smoothing.
 *
 * <p>{@link #of} fixes a single form, and {@link #withDamped}, {@link #withAdditiveOnly} and {@link
 * #withMultiplicativeTrend} restrict or widen the automatic search. Immutable and thread-safe. The id is {@code ets}
 * whatever the settings: the fitted form is part of the parameters, so any instance restores any ETS model.
 */
public final class EtsForecaster implements Forecaster {
    /** Beyond this period seasonal forms are not tried (too many states to estimate), as in R. */
    public static final int MAX_SEASONAL_PERIOD = 24;

    private final EtsForm fixed;
    private final Boolean damped;
    private final boolean additiveOnly;
    private final boolean multiplicativeTrend;
    /** The likelihood search, or null to choose it by the period (see {@link #withWideSearch}). */
    private final EtsEstimator.Search search;

    /** The automatic selection with R's defaults. */
    public EtsForecaster() {
        this(null, null, false, false, null);
    }

    private EtsForecaster(EtsForm fixed, Boolean damped, boolean additiveOnly, boolean multiplicativeTrend,
                          EtsEstimator.Search search) {
        this.fixed = fixed;
        this.damped = damped;
        this.additiveOnly = additiveOnly;
        this.multiplicativeTrend = multiplicativeTrend;
        this.search = search;
    }

    /**
     * The automatic selection with R's defaults, as the no-argument constructor.
     *
     * @return the forecaster
     */
    public static EtsForecaster auto() {
        return new EtsForecaster();
    }

    /**
     * A forecaster that always fits the one form {@code code}, such as {@code MAdM} (see {@link EtsForm#parse}).
     *
     * @param code the form
     * @return the forecaster
     * @throws IllegalArgumentException if the code is not a form
     */
    public static EtsForecaster of(String code) {
        return new EtsForecaster(EtsForm.parse(code), null, false, false, null);
    }

    /**
     * The automatic search restricted to damped trends ({@code true}), to undamped ones ({@code false}), or with both
     * ({@code null}, the default). A trendless form is tried unless only damped trends are asked for, as in R.
     *
     * @param damped the restriction, or null for none
     * @return a changed copy
     */
    public EtsForecaster withDamped(Boolean damped) {
        return new EtsForecaster(fixed, damped, additiveOnly, multiplicativeTrend, search);
    }

    /**
     * The automatic search restricted to additive forms (ANN, AAN, AAdN, ANA, AAA, AAdA) when {@code true}.
     *
     * @param additiveOnly whether to leave out multiplicative components
     * @return a changed copy
     */
    public EtsForecaster withAdditiveOnly(boolean additiveOnly) {
        return new EtsForecaster(fixed, damped, additiveOnly, multiplicativeTrend, search);
    }

    /**
     * The automatic search widened to multiplicative trends (M, Md) with multiplicative errors when {@code true}.
     *
     * @param multiplicativeTrend whether to try multiplicative trends
     * @return a changed copy
     */
    public EtsForecaster withMultiplicativeTrend(boolean multiplicativeTrend) {
        return new EtsForecaster(fixed, damped, additiveOnly, multiplicativeTrend, search);
    }

    /**
     * The likelihood search: wide ({@code true}), local ({@code false}), or by the period ({@code null}, the default:
     * local for period 1, wide for seasonal periods). The local search starts from a smooth trend and a stable season
     * with small simplex steps and keeps the nearest likelihood maximum; the wide one takes bigger steps from a less
     * smooth start and finds better likelihoods. Chosen by rolling-origin validation inside the training parts of the
     * M3 and tourism series: local forecast better on yearly data, where a wide search finds trends that chase the
     * last few changes, and wide slightly better (by MASE) on quarterly and monthly data.
     *
     * @param wide whether to search widely, or null to choose by the period
     * @return a changed copy
     */
    public EtsForecaster withWideSearch(Boolean wide) {
        return new EtsForecaster(fixed, damped, additiveOnly, multiplicativeTrend,
                wide == null ? null : wide ? EtsEstimator.Search.WIDE : EtsEstimator.Search.LOCAL);
    }

    private EtsEstimator.Search search(int period) {
        if (search != null) {
            return search;
        }
        return period > 1 ? EtsEstimator.Search.WIDE : EtsEstimator.Search.LOCAL;
    }

    @Override
    public String id() {
        return "ets";
    }

    @Override
    public int minLength(int period) {
        if (fixed == null) {
            return 1;
        }
        return fixed.freeParameters(fixed.hasSeason() ? period : 1) + 5;
    }

    @Override
    public FittedEts fit(double[] history, int period) {
        double[] y = checked(history, period);
        if (fixed != null) {
            return fitFixed(y, period);
        }
        if (constant(y)) {
            return ShortSeriesFallback.constant(y);
        }
        FittedEts best = null;
        for (EtsForm form : candidates(y, period)) {
            FittedEts f = EtsEstimator.fit(y, form, period, search(period));
            if (f != null && Double.isFinite(f.aicc()) && (best == null || f.aicc() < best.aicc())) {
                best = f;
            }
        }
        return best != null ? best : ShortSeriesFallback.fit(y);
    }

    private FittedEts fitFixed(double[] y, int period) {
        if (fixed.needsPositiveData() && !positive(y)) {
            throw new ForecastException("ETS " + fixed + " needs a strictly positive history, but it has a value <= 0");
        }
        if (fixed.hasSeason() && !seasonal(y.length, period)) {
            throw new ForecastException("ETS " + fixed + " needs 1 < period <= " + MAX_SEASONAL_PERIOD
                    + " and more values than the period, but the period is " + period + " and the history has "
                    + y.length);
        }
        if (y.length < minLength(period)) {
            throw new ForecastException("ETS " + fixed + " needs at least " + minLength(period) + " values at period "
                    + period + ", but the history has " + y.length);
        }
        FittedEts f = EtsEstimator.fit(y, fixed, period, search(period));
        if (f == null) {
            throw new ForecastException("ETS " + fixed + " could not be fitted: the likelihood is not finite at the "
                    + "starting values or anywhere the optimiser looked");
        }
        return f;
    }

    /** The forms the automatic search tries, in a fixed order (ties keep the earlier one). */
    List<EtsForm> candidates(double[] y, int period) {
        boolean positive = positive(y) && !additiveOnly;
        boolean seasonal = seasonal(y.length, period);
        List<EtsForm> forms = new ArrayList<>();
        for (EtsForm.Error error : EtsForm.Error.values()) {
            for (EtsForm.Trend trend : EtsForm.Trend.values()) {
                for (EtsForm.Season season : EtsForm.Season.values()) {
                    EtsForm form = new EtsForm(error, trend, season);
                    if (allowed(form, positive, seasonal)) {
                        forms.add(form);
                    }
                }
            }
        }
        return forms;
    }

    private boolean allowed(EtsForm form, boolean positive, boolean seasonal) {
        if (form.needsPositiveData() && !positive) {
            return false;
        }
        if (form.hasSeason() && !seasonal) {
            return false;
        }
        if (form.error() == EtsForm.Error.ADDITIVE && (form.season() == EtsForm.Season.MULTIPLICATIVE
                || form.trend().multiplicative())) {
            return false;   // infinite-variance forms, left out by R's restrict = TRUE
        }
        if (form.trend().multiplicative() && (!multiplicativeTrend || form.season() == EtsForm.Season.ADDITIVE)) {
            return false;
        }
        if (damped != null && form.hasTrend() && form.damped() != damped) {
            return false;
        }
        return damped == null || !damped || form.hasTrend();
    }

    private static boolean seasonal(int n, int period) {
        return period > 1 && period <= MAX_SEASONAL_PERIOD && n > period;
    }

    @Override
    public FittedForecaster restore(Map<String, Object> parameters, double[] history, int period) {
        Objects.requireNonNull(parameters, "parameters");
        double[] y = checked(history, period);
        return FittedEts.of(EtsModel.fromParameters(parameters, period), y);
    }

    private static double[] checked(double[] history, int period) {
        Objects.requireNonNull(history, "history");
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, but was " + period);
        }
        if (history.length == 0) {
            throw new ForecastException("ETS needs at least 1 value, but the history is empty");
        }
        for (int t = 0; t < history.length; t++) {
            if (!Double.isFinite(history[t])) {
                throw new ForecastException("history values must be finite, but value " + t + " is " + history[t]);
            }
        }
        return history.clone();
    }

    private static boolean positive(double[] y) {
        for (double v : y) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean constant(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return fixed != null ? "ets(" + fixed + ")" : "ets(auto" + (damped != null ? ", damped=" + damped : "")
                + (additiveOnly ? ", additive-only" : "") + (multiplicativeTrend ? ", multiplicative-trend" : "")
                + (search == null ? "" : search == EtsEstimator.Search.WIDE ? ", wide-search" : ", local-search") + ")";
    }
}
