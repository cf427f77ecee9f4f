package automl4j.forecast.model;

import automl4j.forecast.decompose.SeasonalAdjustment;
import automl4j.forecast.internal.Histories;
import automl4j.forecast.internal.Parameters;
import java.util.Map;

/**
 * The seasonal naive forecast (id {@code snaive}): the value one seasonal period back; the naive forecast when the
 * period is 1 or the history is shorter than one period. Immutable and thread-safe.
 */
public final class SeasonalNaiveForecaster implements Forecaster {
    /** The id. */
    public static final String ID = "snaive";

    /** Creates the forecaster. */
    public SeasonalNaiveForecaster() {
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
        int lag = history.length < period ? 1 : period;
        return new PatternFit(lag == 1 ? "Naive" : "Seasonal naive[" + period + "]",
                Parameters.freeze(Parameters.start(ID)), history.clone(), lag, SeasonalAdjustment.ofIndices(null));
    }

    @Override
    public FittedForecaster restore(Map<String, Object> parameters, double[] history, int period) {
        Parameters.checkForecaster(parameters, ID);
        return fit(history, period);
    }
}
