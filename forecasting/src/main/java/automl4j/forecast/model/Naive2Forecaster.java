package automl4j.forecast.model;

import automl4j.forecast.decompose.SeasonalAdjustment;
import automl4j.forecast.decompose.SeasonalityCheck;
import automl4j.forecast.internal.Histories;
import automl4j.forecast.internal.Parameters;
import java.util.Map;

/**
 * Naive2 (id {@code naive2}), the M3/M4 competitions' benchmark: the naive forecast of the seasonally adjusted
 * series, reseasonalised. The series is adjusted by a classical multiplicative decomposition when the M4 benchmark
 * code's seasonality test ({@link SeasonalityCheck#m4()}: n >= 3m, lag-m autocorrelation significant at 90 %) finds
 * it seasonal. Immutable and thread-safe.
 */
public final class Naive2Forecaster implements Forecaster {
    /** The id. */
    public static final String ID = "naive2";
    private static final String INDICES = "seasonal_indices";

    /** Creates the forecaster. */
    public Naive2Forecaster() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int minLength(int period) {
        return 1;
    }

    @Override
    public FittedForecaster fit(double[] history, int period) {
        Histories.check(ID, history, period, 1);
        return build(history, SeasonalAdjustment.of(history, period, SeasonalityCheck.m4()));
    }

    @Override
    public FittedForecaster restore(Map<String, Object> parameters, double[] history, int period) {
        Parameters.checkForecaster(parameters, ID);
        Histories.check(ID, history, period, 1);
        return build(history, SeasonalAdjustment.ofIndices(Parameters.arrayOrNull(parameters, INDICES)));
    }

    private static FittedForecaster build(double[] history, SeasonalAdjustment adjustment) {
        Map<String, Object> p = Parameters.start(ID);
        double[] indices = adjustment.indicesOrNull();
        if (indices != null) {
            p.put(INDICES, indices);
        }
        String description = indices == null ? "Naive2" : "Naive2 (seasonally adjusted, m = " + indices.length + ")";
        return new PatternFit(description, Parameters.freeze(p), adjustment.adjust(history), 1, adjustment);
    }
}
