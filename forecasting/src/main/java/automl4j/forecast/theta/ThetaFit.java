package automl4j.forecast.theta;

import automl4j.forecast.decompose.SeasonalAdjustment;
import automl4j.forecast.internal.Histories;
import automl4j.forecast.internal.Parameters;
import automl4j.forecast.model.FittedForecaster;
import java.util.Map;

/**
 * A fitted theta model: its forecasts of the seasonally adjusted series lie on a line, {@code base + slope * (h -
 * 1)} at step h, and are reseasonalised.
 */
final class ThetaFit implements FittedForecaster {
    private final String description;
    private final Map<String, Object> parameters;
    private final SeasonalAdjustment adjustment;
    private final int length;
    private final double base;
    private final double slope;
    private final double[] fitted;

    /**
     * A fit.
     *
     * @param description     what was fitted
     * @param parameters      the parameters, frozen here
     * @param adjustment      the seasonal adjustment of the history
     * @param length          the history's length
     * @param base            the adjusted forecast of the first step
     * @param slope           the adjusted forecasts' increase per step
     * @param adjustedFitted  the one-step in-sample forecasts of the adjusted history; reseasonalised here
     */
    ThetaFit(String description, Map<String, Object> parameters, SeasonalAdjustment adjustment, int length,
             double base, double slope, double[] adjustedFitted) {
        this.description = description;
        this.parameters = Parameters.freeze(parameters);
        this.adjustment = adjustment;
        this.length = length;
        this.base = base;
        this.slope = slope;
        this.fitted = adjustment.reseasonalise(adjustedFitted, 0);
    }

    @Override
    public double[] forecast(int horizon) {
        Histories.checkHorizon(horizon);
        double[] out = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            out[j] = base + slope * j;
        }
        return adjustment.reseasonalise(out, length);
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Map<String, Object> parameters() {
        // a fresh copy each time: the arrays in it must not reach the model's own
        return Parameters.freeze(parameters);
    }
}
