package automl4j.forecast.model;

import automl4j.forecast.decompose.SeasonalAdjustment;
import automl4j.forecast.internal.Histories;
import automl4j.forecast.internal.Parameters;
import java.util.Arrays;
import java.util.Map;

/**
 * A naive-family fit: the forecasts repeat a pattern of the last (seasonally adjusted) values and are then
 * reseasonalised. Naive repeats one value, seasonal naive the last period, Naive2 the last adjusted value.
 */
final class PatternFit implements FittedForecaster {
    private final String description;
    private final Map<String, Object> parameters;
    private final double[] pattern;
    private final SeasonalAdjustment adjustment;
    private final int length;
    private final double[] fitted;

    /**
     * A fit.
     *
     * @param description what was fitted
     * @param parameters  the frozen parameters
     * @param adjusted    the (seasonally adjusted) history
     * @param lag         the pattern's length: 1 repeats the last value, m the last period
     * @param adjustment  the seasonal adjustment applied to the history
     */
    PatternFit(String description, Map<String, Object> parameters, double[] adjusted, int lag,
               SeasonalAdjustment adjustment) {
        this.description = description;
        this.parameters = parameters;
        this.length = adjusted.length;
        this.pattern = Arrays.copyOfRange(adjusted, length - lag, length);
        this.adjustment = adjustment;
        double[] f = new double[length];
        for (int t = 0; t < length; t++) {
            f[t] = t < lag ? Double.NaN : adjusted[t - lag];
        }
        this.fitted = adjustment.reseasonalise(f, 0);
    }

    @Override
    public double[] forecast(int horizon) {
        Histories.checkHorizon(horizon);
        double[] out = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            out[j] = pattern[j % pattern.length];
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
