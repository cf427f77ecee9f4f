package automl4j.forecast.theta;

import automl4j.forecast.decompose.SeasonalAdjustment;
import automl4j.forecast.decompose.SeasonalityCheck;
import automl4j.forecast.internal.Histories;
import automl4j.forecast.internal.Parameters;
import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.Forecaster;
import java.util.Map;

/**
 * The standard Theta method of the M3 competition (Assimakopoulos and Nikolopoulos 2000), id {@code theta}, in the
 * form Hyndman and Billah (2003) showed it to be: simple exponential smoothing with drift, the drift half the slope
 * {@code b} of the linear trend fitted to the history by least squares. The forecast at step h is {@code l_n + (b /
 * 2) (h - 1 + (1 - (1 - alpha)^n) / alpha)}; alpha and the initial level minimise the one-step squared errors of
 * the smoothing.
 *
 * <p>As R's {@code thetaf}: a series with more than two seasons whose lag-m autocorrelation is significant at 90 %
 * ({@link SeasonalityCheck#theta()}) is divided by the indices of a classical multiplicative decomposition first,
 * and its forecasts are multiplied back. {@link FittedForecaster#fitted()} gives the smoothing's one-step forecasts
 * plus the drift term at each time (with the whole history's slope). Immutable and thread-safe.
 */
public final class ThetaForecaster implements Forecaster {
    /** The id. */
    public static final String ID = "theta";
    static final String ALPHA = "alpha";
    static final String INITIAL_LEVEL = "initial_level";
    static final String DRIFT = "drift";
    static final String INDICES = "seasonal_indices";

    /** Creates the forecaster. */
    public ThetaForecaster() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int minLength(int period) {
        return 3;
    }

    @Override
    public FittedForecaster fit(double[] history, int period) {
        Histories.check(ID, history, period, minLength(period));
        SeasonalAdjustment adjustment = SeasonalAdjustment.of(history, period, SeasonalityCheck.theta());
        double[] y = adjustment.adjust(history);
        SimpleExponentialSmoothing ses = SimpleExponentialSmoothing.fit(y);
        return build(y, adjustment, ses, LinearTrend.of(y).slope() / 2);
    }

    @Override
    public FittedForecaster restore(Map<String, Object> parameters, double[] history, int period) {
        Parameters.checkForecaster(parameters, ID);
        Histories.check(ID, history, period, minLength(period));
        SeasonalAdjustment adjustment = SeasonalAdjustment.ofIndices(Parameters.arrayOrNull(parameters, INDICES));
        SimpleExponentialSmoothing ses = new SimpleExponentialSmoothing(Parameters.number(parameters, ALPHA),
                Parameters.number(parameters, INITIAL_LEVEL));
        return build(adjustment.adjust(history), adjustment, ses, Parameters.number(parameters, DRIFT));
    }

    private static FittedForecaster build(double[] y, SeasonalAdjustment adjustment, SimpleExponentialSmoothing ses,
                                          double drift) {
        int n = y.length;
        double alpha = ses.alpha();
        double[] levels = ses.levels(y);
        double[] fitted = new double[n];
        double q = 1 - alpha;
        double qt = 1;
        for (int t = 0; t < n; t++) {
            fitted[t] = levels[t] + drift * (1 - qt) / alpha;
            qt *= q;
        }
        Map<String, Object> p = Parameters.start(ID);
        p.put(ALPHA, alpha);
        p.put(INITIAL_LEVEL, ses.initialLevel());
        p.put(DRIFT, drift);
        double[] indices = adjustment.indicesOrNull();
        if (indices != null) {
            p.put(INDICES, indices);
        }
        String description = "Theta" + (indices == null ? "" : " (seasonally adjusted, m = " + indices.length + ")");
        double base = levels[n] + drift * (1 - Math.pow(q, n)) / alpha;
        return new ThetaFit(description, p, adjustment, n, base, drift, fitted);
    }
}
