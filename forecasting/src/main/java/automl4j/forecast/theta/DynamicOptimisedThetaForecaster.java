package automl4j.forecast.theta;

import automl4j.forecast.decompose.SeasonalAdjustment;
import automl4j.forecast.decompose.SeasonalityCheck;
import automl4j.forecast.internal.Histories;
import automl4j.forecast.internal.Parameters;
import automl4j.forecast.model.FittedForecaster;
import automl4j.forecast.model.ForecastException;
import automl4j.forecast.model.Forecaster;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The dynamic optimised Theta model (id {@code dotm}; Fiorucci et al. 2016, see {@link DynamicThetaModel}): the
 * Theta method with theta, alpha and the initial level estimated by least squares and the trend line re-estimated at
 * each time from the values up to it. Seasonal adjustment as {@link ThetaForecaster}. Immutable and thread-safe.
 */
public final class DynamicOptimisedThetaForecaster implements Forecaster {
    /** The id. */
    public static final String ID = "dotm";
    private static final String THETA = "theta";

    /** Creates the forecaster. */
    public DynamicOptimisedThetaForecaster() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int minLength(int period) {
        // alpha, the initial level and theta: at least three scored one-step errors (those of values 3 to 5)
        return 5;
    }

    @Override
    public FittedForecaster fit(double[] history, int period) {
        Histories.check(ID, history, period, minLength(period));
        SeasonalAdjustment adjustment = SeasonalAdjustment.of(history, period, SeasonalityCheck.theta());
        double[] y = adjustment.adjust(history);
        return build(y, adjustment, DynamicThetaModel.fit(y));
    }

    @Override
    public FittedForecaster restore(Map<String, Object> parameters, double[] history, int period) {
        Parameters.checkForecaster(parameters, ID);
        Histories.check(ID, history, period, minLength(period));
        SeasonalAdjustment adjustment = SeasonalAdjustment.ofIndices(
                Parameters.arrayOrNull(parameters, ThetaForecaster.INDICES));
        double theta = Parameters.number(parameters, THETA);
        if (!(theta >= 1)) {
            throw new ForecastException("parameter 'theta' must be >= 1, but was " + theta);
        }
        DynamicThetaModel model = new DynamicThetaModel(Parameters.number(parameters, ThetaForecaster.ALPHA),
                Parameters.number(parameters, ThetaForecaster.INITIAL_LEVEL), 1 - 1 / theta);
        return build(adjustment.adjust(history), adjustment, model);
    }

    private static FittedForecaster build(double[] y, SeasonalAdjustment adjustment, DynamicThetaModel model) {
        int n = y.length;
        double[] run = model.run(y);
        double theta = 1 / (1 - model.w());
        Map<String, Object> p = Parameters.start(ID);
        p.put(ThetaForecaster.ALPHA, model.alpha());
        p.put(ThetaForecaster.INITIAL_LEVEL, model.initialLevel());
        p.put(THETA, theta);
        double[] indices = adjustment.indicesOrNull();
        if (indices != null) {
            p.put(ThetaForecaster.INDICES, indices);
        }
        String description = String.format(Locale.ROOT, "DOTM(theta = %.3f)%s", theta,
                indices == null ? "" : " (seasonally adjusted, m = " + indices.length + ")");
        return new ThetaFit(description, p, adjustment, n, run[n], run[n + 1], Arrays.copyOf(run, n));
    }
}
