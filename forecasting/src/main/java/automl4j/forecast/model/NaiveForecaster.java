package automl4j.forecast.model;

import automl4j.forecast.decompose.SeasonalAdjustment;
import automl4j.forecast.internal.Histories;
import automl4j.forecast.internal.Parameters;
import java.util.Map;

/** The naive forecast (id {@code naive}): the last value, repeated. Immutable and thread-safe. */
public final class NaiveForecaster implements Forecaster {
    /** The id. */
    public static final String ID = "naive";

    /** Creates the forecaster. */
    public NaiveForecaster() {
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
        return new PatternFit("Naive", Parameters.freeze(Parameters.start(ID)), history.clone(), 1,
                SeasonalAdjustment.ofIndices(null));
    }

    @Override
    public FittedForecaster restore(Map<String, Object> parameters, double[] history, int period) {
        Parameters.checkForecaster(parameters, ID);
        return fit(history, period);
    }
}
